package io.thingseeportal.tenant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A customer organisation an operator adds.
 *
 * @param slug its short name: its sign-in address ({@code /oauth2/authorization/<slug>}) and its host name label
 *     ({@code <slug>.portal.example}); lower-case letters, digits and dashes, starting with a letter
 * @param defaultCountry ISO 3166-1 alpha-2 code in lower case, or null
 */
public record NewTenant(
        @NotBlank @Pattern(regexp = SLUG) @Size(max = 40) String slug,

        @NotBlank @Size(max = TenantSettings.NAME_MAX_LENGTH)
        String name,

        @Nullable @Pattern(regexp = "[a-z]{2}") String defaultCountry) {

    public static final String SLUG = "[a-z][a-z0-9-]*[a-z0-9]";
}
