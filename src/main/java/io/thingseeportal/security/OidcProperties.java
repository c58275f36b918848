package io.thingseeportal.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Sign-in through OpenID Connect ({@code portal.oidc.*}): the operators' provider, and the seeds of the tenants' own
 * providers. A tenant's users sign in through the provider kept in its database row; {@link #tenants} fills a
 * tenant's row the first time it is needed, and the row counts from then on.
 *
 * @param registrationId the operators' provider in the portal's URLs ({@code /oauth2/authorization/{id}}); no tenant
 *     may have this slug
 * @param displayName shown to users where the operators' provider is named
 * @param issuerUri the operators' provider; its discovery document is read on the first sign-in
 * @param clientId the portal's client id at the operators' provider
 * @param clientSecret the portal's client secret at the operators' provider
 * @param scopes requested scopes; {@code openid} is required
 * @param roleClaim the ID-token claim with an operator's role ({@code OPERATOR}, a string or a list)
 * @param tenants the seeds of the tenants' providers, by tenant slug
 * @param listOrganisations whether the sign-in page lists the organisations; off, where one customer must not learn
 *     the names of the others, users find theirs by host name, e-mail address or a direct link
 */
@Validated
@ConfigurationProperties("portal.oidc")
public record OidcProperties(
        @DefaultValue("sso") @NotBlank @Pattern(regexp = "[a-z0-9-]+")
        String registrationId,

        @DefaultValue("Portal operators") @NotBlank String displayName,
        @NotNull URI issuerUri,
        @NotBlank String clientId,
        @NotBlank String clientSecret,

        @DefaultValue({"openid", "profile", "email"}) @NotEmpty
        List<String> scopes,

        @DefaultValue("roles") @NotBlank String roleClaim,
        @DefaultValue Map<String, @Valid TenantSeed> tenants,
        @DefaultValue("true") boolean listOrganisations) {

    /**
     * The first settings of a tenant's own provider (see {@link TenantIdentityProvider}).
     *
     * @param issuerUri the provider's issuer, stored as written: a placeholder in it ({@code \${...}} in the
     *     settings) is resolved at each sign-in, as the demo's providers move when the demo serves phones
     * @param roleMapping claim value to portal role; empty when the claim holds the role names themselves
     */
    public record TenantSeed(
            @NotBlank String issuerUri,
            @NotBlank String clientId,
            @NotBlank String clientSecret,

            @DefaultValue({"openid", "profile", "email"}) @NotEmpty
            List<String> scopes,

            @DefaultValue("roles") @NotBlank String roleClaim,
            @DefaultValue Map<String, String> roleMapping,
            @DefaultValue List<String> emailDomains) {

        @Override
        public String toString() {
            return "TenantSeed[issuerUri=" + issuerUri + ", clientId=" + clientId + ", clientSecret=***]";
        }
    }

    @Override
    public String toString() {
        return "OidcProperties[registrationId=%s, issuerUri=%s, clientId=%s, clientSecret=***, tenants=%s]"
                .formatted(registrationId, issuerUri, clientId, tenants);
    }
}
