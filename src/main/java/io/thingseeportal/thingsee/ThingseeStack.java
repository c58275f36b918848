package io.thingseeportal.thingsee;

import java.net.URI;

/**
 * One Thingsee deployment ("stack") and the API credentials of one tenant for it.
 *
 * @param baseUrl the stack's API base, ending in {@code /v1/} (for example
 *     {@code https://abc.execute-api.eu-west-1.amazonaws.com/prod/v1/})
 */
public record ThingseeStack(URI baseUrl, String clientId, String clientSecret) {

    public ThingseeStack {
        String url = baseUrl.toString();
        if (!url.endsWith("/")) {
            baseUrl = URI.create(url + "/");
        }
    }

    @Override
    public String toString() {
        return "ThingseeStack[baseUrl=" + baseUrl + ", clientId=" + clientId + ", clientSecret=***]";
    }
}
