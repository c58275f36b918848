package io.thingseeportal.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;

class ChangingRegistrationsIdTokenDecodersTest {

    private final ChangingRegistrationsIdTokenDecoders decoders = new ChangingRegistrationsIdTokenDecoders();

    @Test
    void the_same_registration_keeps_its_decoder() {
        assertThat(decoders.createDecoder(registration("http://a.test", "portal")))
                .isSameAs(decoders.createDecoder(registration("http://a.test", "portal")));
    }

    @Test
    void a_registration_whose_provider_or_client_changed_gets_a_new_decoder() {
        var before = decoders.createDecoder(registration("http://a.test", "portal"));

        assertThat(decoders.createDecoder(registration("http://b.test", "portal")))
                .isNotSameAs(before);
        assertThat(decoders.createDecoder(registration("http://a.test", "portal-2")))
                .isNotSameAs(before);
    }

    private static ClientRegistration registration(String issuer, String clientId) {
        return ClientRegistration.withRegistrationId("acme")
                .clientId(clientId)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .authorizationUri(issuer + "/authorize")
                .tokenUri(issuer + "/token")
                .jwkSetUri(issuer + "/jwks")
                .issuerUri(issuer)
                .build();
    }
}
