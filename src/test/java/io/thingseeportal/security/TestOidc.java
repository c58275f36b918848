package io.thingseeportal.security;

import java.net.URI;
import java.util.List;
import java.util.Map;

/** Sign-in settings for tests: an operators' provider, and the tenants' seeds if any. */
public final class TestOidc {

    private TestOidc() {}

    public static OidcProperties settings(String operatorsRegistrationId, URI operatorsIssuer) {
        return settings(operatorsRegistrationId, operatorsIssuer, Map.of());
    }

    public static OidcProperties settings(
            String operatorsRegistrationId, URI operatorsIssuer, Map<String, OidcProperties.TenantSeed> seeds) {
        return new OidcProperties(
                operatorsRegistrationId,
                "Portal operators",
                operatorsIssuer,
                "portal",
                "operators-secret",
                List.of("openid"),
                "roles",
                seeds,
                true);
    }
}
