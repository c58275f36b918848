package io.thingseeportal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SignInChoicesTest {

    private final SignInTenants tenants = mock(SignInTenants.class);
    private final SignInChoices choices =
            new SignInChoices(tenants, TestOidc.settings("operators", URI.create("http://idp.test")));

    @BeforeEach
    void acmeSignsIn() {
        when(tenants.listForSignIn()).thenReturn(List.of(new SignInTenants.SignInTenant(7, "acme", "Acme Facilities")));
    }

    @Test
    void the_first_label_of_the_host_name_finds_the_organisation() {
        assertThat(choices.forHost("acme.portal.example"))
                .contains(new SignInChoices.Choice("sign-in-acme", "Acme Facilities", "/oauth2/authorization/acme"));
        assertThat(choices.forHost("ACME.Portal.Example")).isPresent();
    }

    @Test
    void a_host_of_the_portal_itself_or_an_address_names_no_organisation() {
        assertThat(choices.forHost("portal.example")).isEmpty();
        assertThat(choices.forHost("localhost")).isEmpty();
        assertThat(choices.forHost("192.168.1.20")).isEmpty();
        assertThat(choices.forHost("borealis.portal.example")).isEmpty();
    }

    @Test
    void an_email_address_is_looked_up_by_its_domain() {
        when(tenants.findByEmailDomain("acme.example"))
                .thenReturn(Optional.of(new SignInTenants.SignInTenant(7, "acme", "Acme Facilities")));

        assertThat(choices.forEmail("aino@acme.example"))
                .map(SignInChoices.Choice::href)
                .contains("/oauth2/authorization/acme");
        assertThat(choices.forEmail("aino@")).isEmpty();
        assertThat(choices.forEmail("aino")).isEmpty();
    }

    @Test
    void the_operators_sign_in_uses_their_registration() {
        assertThat(choices.operators().href()).isEqualTo("/oauth2/authorization/operators");
    }

    @Test
    void with_the_list_switched_off_no_organisation_is_named_but_host_and_email_still_find_one() {
        OidcProperties settings = TestOidc.settings("operators", URI.create("http://idp.test"));
        var unlisted = new SignInChoices(
                tenants,
                new OidcProperties(
                        settings.registrationId(),
                        settings.displayName(),
                        settings.issuerUri(),
                        settings.clientId(),
                        settings.clientSecret(),
                        settings.scopes(),
                        settings.roleClaim(),
                        settings.tenants(),
                        false));

        assertThat(choices.organisations()).hasSize(1);
        assertThat(unlisted.organisations()).isEmpty();
        assertThat(unlisted.forHost("acme.portal.example")).isPresent();
    }
}
