package io.thingseeportal.security;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A tenant's own OpenID Connect provider: its users sign in at {@code /oauth2/authorization/<tenant slug>}.
 *
 * @param issuerUri the provider's issuer; its discovery document is read at sign-in
 * @param clientId the portal's client id at the provider
 * @param clientSecret the portal's client secret at the provider (kept sealed in the database; never shown or logged)
 * @param scopes requested scopes; OpenID Connect needs {@code openid}
 * @param roleClaim the ID-token claim that carries the user's roles or groups
 * @param roleMapping which values of that claim give which portal role
 * @param emailDomains the e-mail domains whose users may sign in (lower case); empty allows all the provider vouches for
 */
public record TenantIdentityProvider(
        URI issuerUri,
        String clientId,
        String clientSecret,
        List<String> scopes,
        String roleClaim,
        RoleMapping roleMapping,
        Set<String> emailDomains) {

    public TenantIdentityProvider {
        scopes = List.copyOf(scopes);
        emailDomains = Set.copyOf(emailDomains);
    }

    /** Whether a user with this e-mail address may sign in through this provider. */
    public boolean allowsEmail(String email) {
        if (emailDomains.isEmpty()) {
            return true;
        }
        int at = email.lastIndexOf('@');
        return at > 0 && emailDomains.contains(email.substring(at + 1).toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return "TenantIdentityProvider[issuerUri=" + issuerUri + ", clientId=" + clientId
                + ", clientSecret=***, scopes="
                + scopes + ", roleClaim=" + roleClaim + ", roleMapping=" + roleMapping + ", emailDomains="
                + emailDomains + "]";
    }
}
