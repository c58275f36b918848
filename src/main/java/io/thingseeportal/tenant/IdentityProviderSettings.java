package io.thingseeportal.tenant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A tenant's identity provider as an operator edits it: everything but the client secret, which is write-only.
 *
 * @param issuerUri the provider's issuer, {@code https://...} (or {@code http://} for a provider on this machine)
 * @param scopes space- or comma-separated; must include {@code openid}
 * @param roleMapping one {@code <claim value>=<ROLE>} per line; empty when the claim holds the role names
 * @param emailDomains allowed e-mail domains, one per line or comma-separated; empty allows all
 * @param hasSecret whether a client secret is stored (shown as such, never as its value)
 */
public record IdentityProviderSettings(
        @NotBlank @Size(max = 500) @Pattern(regexp = "https?://\\S+", message = "must start with https://")
        String issuerUri,

        @NotBlank @Size(max = 200) String clientId,
        @NotBlank @Size(max = 500) String scopes,
        @NotBlank @Size(max = 100) String roleClaim,
        @Size(max = 4000) String roleMapping,
        @Size(max = 2000) String emailDomains,
        boolean hasSecret) {

    /** The new settings of a tenant that has none yet. */
    public static IdentityProviderSettings blank() {
        return new IdentityProviderSettings("", "", "openid profile email", "roles", "", "", false);
    }

    List<String> scopeList() {
        return words(scopes);
    }

    List<String> emailDomainList() {
        return words(emailDomains).stream()
                .map(domain -> domain.toLowerCase(java.util.Locale.ROOT))
                .toList();
    }

    private static List<String> words(String text) {
        return java.util.Arrays.stream(text.split("[\\s,]+"))
                .filter(word -> !word.isEmpty())
                .toList();
    }
}
