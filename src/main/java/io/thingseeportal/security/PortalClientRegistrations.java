package io.thingseeportal.security;

import io.thingseeportal.secrets.UnreadableSecretException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.stereotype.Component;

/**
 * The portal's OpenID Connect registrations: the operators' provider ({@code portal.oidc.*}) under its registration
 * id, and each tenant's own provider under the tenant's slug, read from the database at every sign-in, so that a new
 * or changed tenant signs in without a restart. A provider's discovery document is read at its first sign-in rather
 * than at start-up (the portal starts while a provider is unreachable, and the demo's providers start after it) and
 * kept for {@link #KEEP_DISCOVERY}; a failed discovery is tried again at the next sign-in.
 */
@Component
class PortalClientRegistrations implements ClientRegistrationRepository {

    static final Duration KEEP_DISCOVERY = Duration.ofHours(1);

    private record Discovered(ClientRegistration provider, Instant until) {}

    private final OidcProperties operators;
    private final SignInTenants tenants;
    private final Clock clock;
    private final Map<URI, Discovered> discovered = new ConcurrentHashMap<>();

    PortalClientRegistrations(OidcProperties operators, SignInTenants tenants, Clock clock) {
        this.operators = operators;
        this.tenants = tenants;
        this.clock = clock;
    }

    /** Whether the registration is the operators' provider rather than a tenant's. */
    boolean isOperators(String registrationId) {
        return operators.registrationId().equals(registrationId);
    }

    @Override
    public @Nullable ClientRegistration findByRegistrationId(String registrationId) {
        if (isOperators(registrationId)) {
            return registration(
                    registrationId,
                    operators.displayName(),
                    operators.issuerUri(),
                    operators.clientId(),
                    operators.clientSecret(),
                    operators.scopes());
        }
        var tenant = tenants.findForSignIn(registrationId);
        if (tenant.isEmpty()) {
            return null;
        }
        Optional<TenantIdentityProvider> found;
        try {
            found = tenants.identityProvider(registrationId);
        } catch (IllegalArgumentException | UnreadableSecretException unusable) {
            // An issuer that is no address, a placeholder no setting fills, a secret that does not open.
            throw new IdentityProviderUnusableException(tenant.get().name(), unusable);
        }
        return found.map(provider -> registration(
                        registrationId,
                        tenant.get().name(),
                        provider.issuerUri(),
                        provider.clientId(),
                        provider.clientSecret(),
                        provider.scopes()))
                .orElse(null);
    }

    private ClientRegistration registration(
            String registrationId,
            String displayName,
            URI issuer,
            String clientId,
            String clientSecret,
            List<String> scopes) {
        return ClientRegistration.withClientRegistration(discover(issuer))
                .registrationId(registrationId)
                .clientName(displayName)
                .clientId(clientId)
                .clientSecret(clientSecret)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope(scopes)
                // Spring Security adds PKCE by itself only for public clients; the portal is a confidential one.
                .clientSettings(ClientRegistration.ClientSettings.builder()
                        .requireProofKey(true)
                        .build())
                .build();
    }

    /** The provider's endpoints, from its discovery document. */
    private ClientRegistration discover(URI issuer) {
        Instant now = clock.instant();
        Discovered known = discovered.get(issuer);
        if (known != null && now.isBefore(known.until())) {
            return known.provider();
        }
        try {
            ClientRegistration provider = ClientRegistrations.fromIssuerLocation(issuer.toString())
                    .registrationId("discovered")
                    .clientId("discovered")
                    .build();
            discovered.put(issuer, new Discovered(provider, now.plus(KEEP_DISCOVERY)));
            return provider;
        } catch (RuntimeException e) {
            throw new IdentityProviderUnavailableException(issuer, e);
        }
    }
}
