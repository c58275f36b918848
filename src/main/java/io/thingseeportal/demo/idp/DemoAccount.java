package io.thingseeportal.demo.idp;

import io.thingseeportal.security.AppRoles;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A person of the demo, who signs in at one of the demo identity providers. All share one password.
 *
 * @param organisation the organisation's short name, as the portal knows it (null for the operator)
 * @param role the portal role the provider's claims give, or null for a person who has none (the "no access" page)
 */
record DemoAccount(
        DemoProvider provider,
        String username,
        String name,
        String email,
        @Nullable String organisation,
        String organisationName,
        @Nullable String role) {

    static final String PASSWORD = "demo";

    static final List<DemoAccount> ALL = List.of(
            new DemoAccount(
                    DemoProvider.A,
                    "acme-admin",
                    "Aino Virtanen",
                    "aino.virtanen@acme.example",
                    "acme",
                    "Acme Facilities",
                    AppRoles.ADMIN),
            new DemoAccount(
                    DemoProvider.A,
                    "acme-installer",
                    "Ilkka Korhonen",
                    "ilkka.korhonen@acme.example",
                    "acme",
                    "Acme Facilities",
                    AppRoles.INSTALLER),
            new DemoAccount(
                    DemoProvider.A,
                    "acme-viewer",
                    "Veera Mäkinen",
                    "veera.makinen@acme.example",
                    "acme",
                    "Acme Facilities",
                    AppRoles.VIEWER),
            new DemoAccount(
                    DemoProvider.A,
                    "operator",
                    "Otto Laine",
                    "otto.laine@portal.example",
                    null,
                    "All organisations",
                    AppRoles.OPERATOR),
            new DemoAccount(
                    DemoProvider.B,
                    "borealis-admin",
                    "Britt Lindqvist",
                    "britt.lindqvist@borealis.example",
                    "borealis",
                    "Borealis Retail",
                    AppRoles.ADMIN),
            new DemoAccount(
                    DemoProvider.B,
                    "borealis-installer",
                    "Björn Nilsson",
                    "bjorn.nilsson@borealis.example",
                    "borealis",
                    "Borealis Retail",
                    AppRoles.INSTALLER),
            new DemoAccount(
                    DemoProvider.B,
                    "borealis-viewer",
                    "Vera Holm",
                    "vera.holm@borealis.example",
                    "borealis",
                    "Borealis Retail",
                    AppRoles.VIEWER),
            new DemoAccount(
                    DemoProvider.B,
                    "borealis-guest",
                    "Gustav Berg",
                    "gustav.berg@borealis.example",
                    "borealis",
                    "Borealis Retail",
                    null),
            new DemoAccount(
                    DemoProvider.B,
                    "cumulus-admin",
                    "Camille Dubois",
                    "camille.dubois@cumulus.example",
                    "cumulus",
                    "Cumulus Logistics (not in the portal until an operator adds it)",
                    AppRoles.ADMIN));

    /** The provider's own accounts. */
    static List<DemoAccount> of(DemoProvider provider) {
        return ALL.stream().filter(account -> account.provider() == provider).toList();
    }
}
