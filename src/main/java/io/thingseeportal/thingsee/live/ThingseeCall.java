package io.thingseeportal.thingsee.live;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;

/**
 * One request to the Thingsee API.
 *
 * @param template the path relative to the stack's base URL, with {@code {placeholders}} (also the metrics' name)
 * @param variables the placeholders' values, in order; they are URL-encoded
 * @param query query parameters; null values are left out
 * @param retryable whether the call is safe to send again after a failure whose outcome is unknown
 */
record ThingseeCall(
        HttpMethod method,
        String template,
        Object[] variables,
        Map<String, @Nullable Object> query,
        @Nullable Object body,
        boolean retryable) {

    static ThingseeCall get(String template, Object... variables) {
        return new ThingseeCall(HttpMethod.GET, template, variables, Map.of(), null, true);
    }

    ThingseeCall withQuery(Map<String, @Nullable Object> parameters) {
        return new ThingseeCall(method, template, variables, parameters, body, retryable);
    }

    /** A POST that may be sent twice with the same effect (group assignment, commands). */
    static ThingseeCall idempotentPost(Object body, String template, Object... variables) {
        return new ThingseeCall(HttpMethod.POST, template, variables, Map.of(), body, true);
    }

    /** A change that must not be sent twice blindly (creating, renaming or deleting a group). */
    static ThingseeCall change(HttpMethod method, @Nullable Object body, String template, Object... variables) {
        return new ThingseeCall(method, template, variables, Map.of(), body, false);
    }
}
