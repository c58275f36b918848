package io.thingseeportal.tenant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * What a customer admin may change about their own tenant.
 *
 * @param defaultCountry ISO 3166-1 alpha-2 code in lower case, or null for "no specific country"; the group wizard
 *     starts from it
 */
public record TenantSettings(
        @NotBlank @Size(max = NAME_MAX_LENGTH) String name,
        @Nullable @Pattern(regexp = "[a-z]{2}") String defaultCountry) {

    public static final int NAME_MAX_LENGTH = 100;
}
