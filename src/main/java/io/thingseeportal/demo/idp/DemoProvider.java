package io.thingseeportal.demo.idp;

import io.thingseeportal.security.AppRoles;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The demo's two identity providers, so that the demo's organisations sign in through different ones, as real
 * organisations do. A puts the portal's role names into a {@code roles} claim; B puts group names into a {@code groups}
 * claim, which its organisations' settings map to roles.
 */
enum DemoProvider {
    A(
            "Demo identity provider A",
            List.of(
                    new Client("thingsee-portal", "demo-portal-secret", "operators"),
                    new Client("acme-portal", "acme-demo-oidc-secret", "acme"))),
    B(
            "Demo identity provider B",
            List.of(
                    new Client("borealis-portal", "borealis-demo-oidc-secret", "borealis"),
                    new Client("cumulus-portal", "cumulus-demo-oidc-secret", "cumulus")));

    /** The portal as a client of the provider: one per organisation, each with its own registration in the portal. */
    record Client(String clientId, String secret, String registrationId) {}

    /** Provider B's groups for each role; everyone there is in {@code staff}. */
    static final Map<String, String> GROUPS = Map.of(
            AppRoles.ADMIN, "portal-admins", AppRoles.INSTALLER, "field-installers", AppRoles.VIEWER, "portal-viewers");

    private final String title;
    private final List<Client> clients;

    DemoProvider(String title, List<Client> clients) {
        this.title = title;
        this.clients = clients;
    }

    String title() {
        return title;
    }

    List<Client> clients() {
        return clients;
    }

    /** The claim and its value that carry an account's role at this provider. */
    Map.Entry<String, Object> roleClaim(@Nullable String role) {
        if (this == A) {
            return Map.entry("roles", role == null ? List.of() : List.of(role));
        }
        String group = role == null ? null : GROUPS.get(role);
        return Map.entry("groups", group == null ? List.of("staff") : List.of("staff", group));
    }
}
