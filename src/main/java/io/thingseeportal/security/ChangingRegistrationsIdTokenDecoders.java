package io.thingseeportal.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.stereotype.Component;

/**
 * Checks ID tokens for registrations that change while the portal runs. Spring Security's own factory keeps one
 * decoder per registration id for good, with the issuer, client id and key set of the registration it first saw; a
 * tenant whose provider an admin changed would then be refused until a restart. Here a decoder is kept per registration
 * id, issuer, client id and key set, so that a changed provider gets a decoder of its own.
 */
@Component
class ChangingRegistrationsIdTokenDecoders implements JwtDecoderFactory<ClientRegistration> {

    private record Key(String registrationId, String issuer, String clientId, String jwkSetUri) {}

    private final Map<Key, JwtDecoder> decoders = new ConcurrentHashMap<>();

    @Override
    public JwtDecoder createDecoder(ClientRegistration registration) {
        var provider = registration.getProviderDetails();
        var key = new Key(
                registration.getRegistrationId(),
                String.valueOf(provider.getIssuerUri()),
                registration.getClientId(),
                String.valueOf(provider.getJwkSetUri()));
        JwtDecoder decoder = decoders.get(key);
        if (decoder == null) {
            decoders.keySet().removeIf(old -> old.registrationId().equals(key.registrationId()));
            decoder = new OidcIdTokenDecoderFactory().createDecoder(registration);
            decoders.put(key, decoder);
        }
        return decoder;
    }
}
