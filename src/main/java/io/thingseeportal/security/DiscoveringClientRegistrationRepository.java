package io.thingseeportal.security;

import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.stereotype.Component;

/**
 * The portal's one OpenID Connect registration, read from the provider's discovery document on first use rather than
 * at start-up: the portal starts even while its provider is unreachable, and the demo's provider may start after it.
 * A failed discovery is tried again on the next sign-in.
 */
@Component
class DiscoveringClientRegistrationRepository implements ClientRegistrationRepository {

    private final OidcProperties properties;
    private volatile @Nullable ClientRegistration registration;

    DiscoveringClientRegistrationRepository(OidcProperties properties) {
        this.properties = properties;
    }

    @Override
    public @Nullable ClientRegistration findByRegistrationId(String registrationId) {
        if (!properties.registrationId().equals(registrationId)) {
            return null;
        }
        ClientRegistration known = registration;
        if (known == null) {
            synchronized (this) {
                known = registration;
                if (known == null) {
                    known = discover();
                    registration = known;
                }
            }
        }
        return known;
    }

    private ClientRegistration discover() {
        try {
            return ClientRegistrations.fromIssuerLocation(properties.issuerUri().toString())
                    .registrationId(properties.registrationId())
                    .clientName(properties.displayName())
                    .clientId(properties.clientId())
                    .clientSecret(properties.clientSecret())
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                    .scope(properties.scopes())
                    // Spring Security adds PKCE by itself only for public clients; the portal is a confidential one.
                    .clientSettings(ClientRegistration.ClientSettings.builder()
                            .requireProofKey(true)
                            .build())
                    .build();
        } catch (RuntimeException e) {
            throw new IdentityProviderUnavailableException(properties.issuerUri(), e);
        }
    }
}
