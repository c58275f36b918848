package io.thingseeportal.demo.idp;

import io.thingseeportal.security.AppRoles;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A person of the demo, who signs in at the demo identity provider. All share one password. */
record DemoAccount(String username, String name, @Nullable String tenant, String tenantName, String role) {

    static final String PASSWORD = "demo";

    static final List<DemoAccount> ALL = List.of(
            new DemoAccount("acme-admin", "Aino Virtanen", "acme", "Acme Facilities", AppRoles.ADMIN),
            new DemoAccount("acme-installer", "Ilkka Korhonen", "acme", "Acme Facilities", AppRoles.INSTALLER),
            new DemoAccount("acme-viewer", "Veera Mäkinen", "acme", "Acme Facilities", AppRoles.VIEWER),
            new DemoAccount("borealis-admin", "Britt Lindqvist", "borealis", "Borealis Retail", AppRoles.ADMIN),
            new DemoAccount("borealis-installer", "Björn Nilsson", "borealis", "Borealis Retail", AppRoles.INSTALLER),
            new DemoAccount("borealis-viewer", "Vera Holm", "borealis", "Borealis Retail", AppRoles.VIEWER),
            new DemoAccount("operator", "Otto Laine", null, "All tenants", AppRoles.OPERATOR));

    static @Nullable DemoAccount find(String username) {
        return ALL.stream()
                .filter(account -> account.username().equals(username))
                .findFirst()
                .orElse(null);
    }
}
