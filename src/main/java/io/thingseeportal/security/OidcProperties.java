package io.thingseeportal.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The OpenID Connect provider that users sign in with ({@code portal.oidc.*}).
 *
 * @param registrationId the name of the provider in the portal's URLs ({@code /oauth2/authorization/{id}})
 * @param displayName shown to users where the provider is named
 * @param issuerUri the provider's issuer; its discovery document is read on the first sign-in
 * @param clientId the portal's client id at the provider
 * @param clientSecret the portal's client secret at the provider
 * @param scopes requested scopes; {@code openid} is required
 * @param tenantClaim the ID-token claim that names the user's tenant (the tenant's slug)
 * @param roleClaim the ID-token claim with the user's role or roles (a string or a list of strings)
 */
@Validated
@ConfigurationProperties("portal.oidc")
public record OidcProperties(
        @DefaultValue("sso") @NotBlank @Pattern(regexp = "[a-z0-9-]+")
        String registrationId,

        @DefaultValue("Single sign-on") @NotBlank String displayName,
        @NotNull URI issuerUri,
        @NotBlank String clientId,
        @NotBlank String clientSecret,

        @DefaultValue({"openid", "profile", "email"}) @NotEmpty
        List<String> scopes,

        @DefaultValue("tenant") @NotBlank String tenantClaim,
        @DefaultValue("roles") @NotBlank String roleClaim) {

    @Override
    public String toString() {
        return "OidcProperties[registrationId=%s, issuerUri=%s, clientId=%s, clientSecret=***]"
                .formatted(registrationId, issuerUri, clientId);
    }
}
