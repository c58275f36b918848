package io.thingseeportal.tenant;

import io.thingseeportal.audit.AuditAction;
import io.thingseeportal.audit.AuditLog;
import io.thingseeportal.secrets.SecretBox;
import io.thingseeportal.security.AppRoles;
import io.thingseeportal.security.DiscoveryCheck;
import io.thingseeportal.security.OidcProperties;
import io.thingseeportal.security.RoleMapping;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * What operators do to tenants: add them and set their identity provider. A tenant added or changed here signs in at
 * once, on every node: sign-in reads the provider from the database each time.
 */
@Service
@Validated
public class TenantAdministration {

    private final TenantRepository tenants;
    private final IdentityProviderStore providers;
    private final SecretBox secrets;
    private final OidcProperties oidc;
    private final Clock clock;
    private final DiscoveryCheck discovery;
    private final AuditLog audit;

    TenantAdministration(
            TenantRepository tenants,
            IdentityProviderStore providers,
            SecretBox secrets,
            OidcProperties oidc,
            Clock clock,
            DiscoveryCheck discovery,
            AuditLog audit) {
        this.audit = audit;
        this.tenants = tenants;
        this.providers = providers;
        this.secrets = secrets;
        this.oidc = oidc;
        this.clock = clock;
        this.discovery = discovery;
    }

    /**
     * Adds a tenant; its users can sign in once it has an identity provider.
     *
     * @throws TenantChangeRefusedException when the short name is taken or reserved, or the country unknown
     */
    @RolesAllowed(AppRoles.OPERATOR)
    @Transactional
    public TenantSummary create(@Valid NewTenant tenant) {
        if (tenant.slug().equals(oidc.registrationId())) {
            throw new TenantChangeRefusedException("tenant.new.slug.reserved", tenant.slug());
        }
        if (tenant.defaultCountry() != null && !Countries.isKnown(tenant.defaultCountry())) {
            throw new TenantChangeRefusedException("tenant.new.country.unknown", tenant.defaultCountry());
        }
        if (tenants.findBySlug(tenant.slug()).isPresent()) {
            throw new TenantChangeRefusedException("tenant.new.slug.taken", tenant.slug());
        }
        try {
            TenantSummary created = tenants.save(Tenant.create(
                            tenant.slug(),
                            tenant.name().trim(),
                            tenant.defaultCountry(),
                            clock.instant(),
                            TenantStatus.ACTIVE))
                    .summary();
            audit.record(created.id(), AuditAction.TENANT_CREATED, created.slug(), created.name());
            return created;
        } catch (DuplicateKeyException e) {
            throw new TenantChangeRefusedException("tenant.new.slug.taken", tenant.slug());
        }
    }

    /** The tenant, for the operator's pages. */
    @RolesAllowed(AppRoles.OPERATOR)
    @Transactional(readOnly = true)
    public TenantSummary find(long tenantId) {
        return tenants.findById(tenantId).map(Tenant::summary).orElseThrow(() -> new UnknownTenantException(tenantId));
    }

    /** The tenant's identity provider for editing (never its secret), or blank settings when it has none. */
    @RolesAllowed(AppRoles.OPERATOR)
    @Transactional(readOnly = true)
    public IdentityProviderSettings identityProvider(long tenantId) {
        requireTenant(tenantId);
        return providers
                .find(tenantId)
                .map(stored -> new IdentityProviderSettings(
                        stored.issuerUri(),
                        stored.clientId(),
                        String.join(" ", stored.scopes().lines().toList()),
                        stored.roleClaim(),
                        stored.roleMapping(),
                        stored.emailDomains(),
                        true))
                .orElseGet(IdentityProviderSettings::blank);
    }

    /**
     * Sets the tenant's identity provider; it counts from the next sign-in.
     *
     * @param newSecret the client secret, or null to keep the stored one
     * @throws TenantChangeRefusedException for a secret that is missing, scopes without {@code openid}, or a role
     *     mapping that does not read
     */
    @RolesAllowed(AppRoles.OPERATOR)
    @Transactional
    public void saveIdentityProvider(
            long tenantId, @Valid IdentityProviderSettings settings, @Nullable String newSecret) {
        requireTenant(tenantId);
        if (!settings.scopeList().contains("openid")) {
            throw new TenantChangeRefusedException("tenant.provider.scopes.openid");
        }
        RoleMapping mapping;
        try {
            mapping = RoleMapping.parse(settings.roleMapping());
        } catch (IllegalArgumentException e) {
            throw new TenantChangeRefusedException("tenant.provider.role-mapping.invalid", e.getMessage());
        }
        for (String domain : settings.emailDomainList()) {
            if (!domain.matches("[a-z0-9-]+(\\.[a-z0-9-]+)+")) {
                throw new TenantChangeRefusedException("tenant.provider.email-domain.invalid", domain);
            }
        }
        String place = TenantSignIn.place(tenantId);
        String sealed;
        if (newSecret != null && !newSecret.isBlank()) {
            sealed = secrets.seal(newSecret.strip(), place);
        } else {
            sealed = providers
                    .find(tenantId)
                    .map(IdentityProviderStore.StoredProvider::sealedSecret)
                    .orElseThrow(() -> new TenantChangeRefusedException("tenant.provider.secret.required"));
        }
        Instant now = clock.instant();
        providers.save(
                new IdentityProviderStore.StoredProvider(
                        tenantId,
                        settings.issuerUri().strip(),
                        settings.clientId().strip(),
                        sealed,
                        String.join("\n", settings.scopeList()),
                        settings.roleClaim().strip(),
                        mapping.format(),
                        String.join("\n", settings.emailDomainList())),
                now);
        audit.record(
                tenantId,
                AuditAction.IDENTITY_PROVIDER_CHANGED,
                tenants.findById(tenantId).map(Tenant::slug).orElseThrow(),
                settings.issuerUri().strip() + ", client " + settings.clientId().strip() + ", role claim "
                        + settings.roleClaim().strip()
                        + (newSecret != null && !newSecret.isBlank() ? ", new secret" : ""));
    }

    /** "Test identity provider": whether sign-in can read the issuer's discovery document, and if not, why. */
    @RolesAllowed(AppRoles.OPERATOR)
    public DiscoveryCheck.Result testIdentityProvider(String issuerUri) {
        return discovery.check(issuerUri);
    }

    private void requireTenant(long tenantId) {
        if (!tenants.existsById(tenantId)) {
            throw new UnknownTenantException(tenantId);
        }
    }
}
