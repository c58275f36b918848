package io.thingseeportal.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.thingseeportal.KaribuTest;
import io.thingseeportal.TestData;
import io.thingseeportal.secrets.SecretBox;
import io.thingseeportal.security.AppRoles;
import io.thingseeportal.security.SignInTenants;
import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/** Operators add tenants and set their identity providers; a new tenant signs in without a restart. */
class TenantAdministrationTest extends KaribuTest {

    @Autowired
    TenantAdministration administration;

    @Autowired
    SignInTenants signIn;

    @Autowired
    SecretBox secrets;

    @Autowired
    JdbcClient jdbc;

    final String slug = "c" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void anOperator() {
        signIn("otto", null, AppRoles.OPERATOR);
    }

    @Test
    void a_tenant_added_with_a_provider_is_offered_at_sign_in_and_its_provider_read_at_once() {
        TenantSummary added = administration.create(new NewTenant(slug, "Cumulus Logistics", "fr"));
        administration.saveIdentityProvider(added.id(), settings("cumulus.example"), "cumulus-oidc-secret-4711");

        assertThat(signIn.listForSignIn())
                .extracting(SignInTenants.SignInTenant::slug)
                .contains(slug);
        assertThat(signIn.findByEmailDomain("cumulus.example"))
                .map(SignInTenants.SignInTenant::slug)
                .contains(slug);
        var provider = signIn.identityProvider(slug).orElseThrow();
        assertThat(provider.issuerUri()).isEqualTo(URI.create("http://127.0.0.1:9001"));
        assertThat(provider.clientSecret()).isEqualTo("cumulus-oidc-secret-4711");
        assertThat(provider.roleMapping().entries()).containsEntry("portal-admins", "ADMIN");
        assertThat(provider.scopes()).containsExactly("openid", "profile", "email");
    }

    @Test
    void adding_a_tenant_and_setting_its_provider_are_in_the_audit_log_without_the_secret() {
        long tenantId = administration
                .create(new NewTenant(slug, "Cumulus Logistics", null))
                .id();
        administration.saveIdentityProvider(tenantId, settings(""), "cumulus-oidc-secret-4711");

        assertThat(io.thingseeportal.TestData.audit(jdbc, tenantId))
                .containsExactly(
                        "TENANT_CREATED " + slug + ": Cumulus Logistics",
                        "IDENTITY_PROVIDER_CHANGED " + slug
                                + ": http://127.0.0.1:9001, client cumulus-portal, role claim groups, new secret");
        assertThat(jdbc.sql("SELECT actor_subject FROM audit_event WHERE tenant_id = ?")
                        .param(tenantId)
                        .query(String.class)
                        .list())
                .containsOnly("otto");
    }

    @Test
    void the_secret_is_stored_sealed_and_never_given_back() {
        long tenantId = administration
                .create(new NewTenant(slug, "Cumulus Logistics", null))
                .id();
        administration.saveIdentityProvider(tenantId, settings(""), "cumulus-oidc-secret-4711");

        String stored = jdbc.sql("SELECT client_secret FROM tenant_identity_provider WHERE tenant_id = ?")
                .param(tenantId)
                .query(String.class)
                .single();
        assertThat(stored).doesNotContain("4711");
        assertThat(secrets.open(stored, TenantSignIn.place(tenantId))).isEqualTo("cumulus-oidc-secret-4711");
        IdentityProviderSettings shown = administration.identityProvider(tenantId);
        assertThat(shown.hasSecret()).isTrue();
        assertThat(shown.toString()).doesNotContain("4711");
    }

    @Test
    void saving_without_a_new_secret_keeps_the_stored_one() {
        long tenantId = administration
                .create(new NewTenant(slug, "Cumulus Logistics", null))
                .id();
        administration.saveIdentityProvider(tenantId, settings(""), "first-secret");

        administration.saveIdentityProvider(tenantId, settings("cumulus.example"), null);

        assertThat(signIn.identityProvider(slug).orElseThrow().clientSecret()).isEqualTo("first-secret");
        assertThat(administration.identityProvider(tenantId).emailDomains()).isEqualTo("cumulus.example");
    }

    @Test
    void a_first_provider_needs_a_secret() {
        long tenantId = administration
                .create(new NewTenant(slug, "Cumulus Logistics", null))
                .id();

        assertThatThrownBy(() -> administration.saveIdentityProvider(tenantId, settings(""), " "))
                .isInstanceOfSatisfying(
                        TenantChangeRefusedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("tenant.provider.secret.required"));
        assertThat(signIn.identityProvider(slug)).isEmpty();
    }

    @Test
    void scopes_without_openid_a_mapping_that_does_not_read_and_a_bad_domain_are_refused_saving_nothing() {
        long tenantId = administration
                .create(new NewTenant(slug, "Cumulus Logistics", null))
                .id();
        var good = settings("");

        assertThatThrownBy(() ->
                        administration.saveIdentityProvider(tenantId, withScopes(good, "profile email"), "secret"))
                .hasFieldOrPropertyWithValue("messageKey", "tenant.provider.scopes.openid");
        assertThatThrownBy(() -> administration.saveIdentityProvider(
                        tenantId, withMapping(good, "portal-admins=ROOT"), "secret"))
                .hasFieldOrPropertyWithValue("messageKey", "tenant.provider.role-mapping.invalid");
        assertThatThrownBy(() -> administration.saveIdentityProvider(tenantId, settings("not a domain"), "secret"))
                .hasFieldOrPropertyWithValue("messageKey", "tenant.provider.email-domain.invalid");
        assertThatThrownBy(() -> administration.saveIdentityProvider(tenantId, withIssuer(good, "idp.example"), "s"))
                .isInstanceOf(ConstraintViolationException.class);
        assertThat(administration.identityProvider(tenantId).hasSecret()).isFalse();
    }

    @Test
    void a_taken_or_reserved_short_name_an_unknown_country_or_a_malformed_short_name_is_refused() {
        administration.create(new NewTenant(slug, "Cumulus", null));
        assertThatThrownBy(() -> administration.create(new NewTenant(slug, "Cumulus again", null)))
                .hasFieldOrPropertyWithValue("messageKey", "tenant.new.slug.taken");
        assertThatThrownBy(() -> administration.create(new NewTenant("sso", "Operators' own", null)))
                .hasFieldOrPropertyWithValue("messageKey", "tenant.new.slug.reserved");
        assertThatThrownBy(() -> administration.create(new NewTenant(slug + "x", "Nowhere", "xx")))
                .hasFieldOrPropertyWithValue("messageKey", "tenant.new.country.unknown");
        assertThatThrownBy(() -> administration.create(new NewTenant("Has Spaces", "Nowhere", null)))
                .isInstanceOf(ConstraintViolationException.class);
    }

    @Test
    void only_operators_add_tenants_and_set_providers() {
        long tenantId = TestData.tenant(jdbc, "Acme");
        signIn("aino", tenantId, AppRoles.ADMIN);

        assertThatThrownBy(() -> administration.create(new NewTenant(slug, "Cumulus", null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> administration.saveIdentityProvider(tenantId, settings(""), "secret"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> administration.testIdentityProvider("http://127.0.0.1:1"))
                .isInstanceOf(AccessDeniedException.class);
    }

    private static IdentityProviderSettings settings(String emailDomains) {
        return new IdentityProviderSettings(
                "http://127.0.0.1:9001",
                "cumulus-portal",
                "openid profile email",
                "groups",
                "portal-admins=ADMIN\nfield-installers=INSTALLER",
                emailDomains,
                false);
    }

    private static IdentityProviderSettings withScopes(IdentityProviderSettings s, String scopes) {
        return new IdentityProviderSettings(
                s.issuerUri(), s.clientId(), scopes, s.roleClaim(), s.roleMapping(), s.emailDomains(), false);
    }

    private static IdentityProviderSettings withMapping(IdentityProviderSettings s, String mapping) {
        return new IdentityProviderSettings(
                s.issuerUri(), s.clientId(), s.scopes(), s.roleClaim(), mapping, s.emailDomains(), false);
    }

    private static IdentityProviderSettings withIssuer(IdentityProviderSettings s, String issuer) {
        return new IdentityProviderSettings(
                issuer, s.clientId(), s.scopes(), s.roleClaim(), s.roleMapping(), s.emailDomains(), false);
    }
}
