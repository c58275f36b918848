package io.thingseeportal.thingsee;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A tenant's Thingsee API stack as an operator edits it: everything but the client secret, which is write-only.
 *
 * @param baseUrl the stack's API base, for example {@code https://abc.execute-api.eu-west-1.amazonaws.com/prod/v1/}
 * @param hasSecret whether a client secret is stored (shown as such, never as its value)
 */
public record ThingseeSettings(
        @NotBlank @Size(max = 500) @Pattern(regexp = "https?://\\S+", message = "must start with https://")
        String baseUrl,

        @NotBlank @Size(max = 200) String clientId,
        boolean hasSecret) {

    /** The settings of a tenant that has none yet. */
    public static ThingseeSettings blank() {
        return new ThingseeSettings("", "", false);
    }
}
