package io.thingseeportal.tenant;

import io.thingseeportal.secrets.SecretBox;
import io.thingseeportal.security.OidcProperties;
import io.thingseeportal.security.RoleMapping;
import io.thingseeportal.security.SignInTenants;
import io.thingseeportal.security.TenantIdentityProvider;
import io.thingseeportal.settings.AddressPlaceholders;
import jakarta.annotation.security.PermitAll;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tenants as sign-in sees them, each with its own identity provider from {@code tenant_identity_provider}. A
 * tenant without a row gets one from its settings {@code portal.oidc.tenants.<slug>.*} the first time it is needed
 * (the seed); from then on the row is what counts, read at every sign-in. Every method is open to all: sign-in happens
 * before anyone is authenticated; none gives a secret to a page.
 */
@Service
public class TenantSignIn implements SignInTenants {

    private final TenantRepository tenants;
    private final IdentityProviderStore providers;
    private final SeenUserStore seen;
    private final SecretBox secrets;
    private final OidcProperties oidc;
    private final Clock clock;
    private final Environment environment;

    TenantSignIn(
            TenantRepository tenants,
            IdentityProviderStore providers,
            SeenUserStore seen,
            SecretBox secrets,
            OidcProperties oidc,
            Clock clock,
            Environment environment) {
        this.tenants = tenants;
        this.providers = providers;
        this.seen = seen;
        this.secrets = secrets;
        this.oidc = oidc;
        this.clock = clock;
        this.environment = environment;
    }

    @Override
    @PermitAll
    @Transactional(readOnly = true)
    public Optional<SignInTenant> findForSignIn(String slug) {
        return tenants.findBySlug(slug).map(TenantSignIn::signInTenant);
    }

    @Override
    @PermitAll
    @Transactional
    public Optional<TenantIdentityProvider> identityProvider(String slug) {
        return tenants.findBySlug(slug).flatMap(tenant -> {
            long tenantId = tenant.summary().id();
            return providers.find(tenantId).or(() -> seed(tenant)).map(this::open);
        });
    }

    @Override
    @PermitAll
    @Transactional(readOnly = true)
    public List<SignInTenant> listForSignIn() {
        Set<Long> withProvider = new HashSet<>(providers.tenantsWithProvider());
        return tenants.findAllByOrderByNameAsc().stream()
                .filter(tenant -> tenant.status() == TenantStatus.ACTIVE)
                .filter(tenant ->
                        withProvider.contains(tenant.id()) || oidc.tenants().containsKey(tenant.slug()))
                .map(TenantSignIn::signInTenant)
                .toList();
    }

    @Override
    @PermitAll
    @Transactional(readOnly = true)
    public Optional<SignInTenant> findByEmailDomain(String domain) {
        String wanted = domain.trim().toLowerCase(Locale.ROOT);
        Set<Long> stored = new HashSet<>(providers.tenantsWithProvider());
        Set<Long> allowing = new HashSet<>(providers.tenantsAllowing(wanted));
        List<SignInTenant> found = listForSignIn().stream()
                .filter(tenant -> allowing.contains(tenant.id())
                        || (!stored.contains(tenant.id())
                                && oidc.tenants().get(tenant.slug()).emailDomains().stream()
                                        .anyMatch(seeded -> seeded.equalsIgnoreCase(wanted))))
                .toList();
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    @Override
    @PermitAll
    @Transactional
    public Optional<String> recordSignIn(long tenantId, SeenUser user) {
        return seen.record(tenantId, user, clock.instant());
    }

    @Override
    @PermitAll
    @Transactional(readOnly = true)
    public Optional<String> adminToAsk(long tenantId) {
        return seen.lastAdmin(tenantId);
    }

    private static SignInTenant signInTenant(Tenant tenant) {
        return new SignInTenant(
                tenant.summary().id(), tenant.slug(), tenant.name(), tenant.status() == TenantStatus.ACTIVE);
    }

    private TenantIdentityProvider open(IdentityProviderStore.StoredProvider stored) {
        Instant now = clock.instant();
        String secret = secrets.openRenewing(
                stored.sealedSecret(),
                place(stored.tenantId()),
                resealed -> providers.reseal(stored.tenantId(), stored.sealedSecret(), resealed, now));
        return new TenantIdentityProvider(
                URI.create(AddressPlaceholders.resolve(stored.issuerUri(), environment)),
                stored.clientId(),
                secret,
                lines(stored.scopes()),
                stored.roleClaim(),
                RoleMapping.parse(stored.roleMapping()),
                Set.copyOf(lines(stored.emailDomains())));
    }

    private Optional<IdentityProviderStore.StoredProvider> seed(Tenant tenant) {
        OidcProperties.TenantSeed settings = oidc.tenants().get(tenant.slug());
        if (settings == null) {
            return Optional.empty();
        }
        long tenantId = tenant.summary().id();
        providers.insertIfAbsent(
                new IdentityProviderStore.StoredProvider(
                        tenantId,
                        settings.issuerUri(),
                        settings.clientId(),
                        secrets.seal(settings.clientSecret(), place(tenantId)),
                        String.join("\n", settings.scopes()),
                        settings.roleClaim(),
                        new RoleMapping(settings.roleMapping()).format(),
                        settings.emailDomains().stream()
                                .map(domain -> domain.trim().toLowerCase(Locale.ROOT))
                                .collect(Collectors.joining("\n"))),
                clock.instant());
        return providers.find(tenantId);
    }

    /** Where a tenant's identity provider's client secret is sealed for (see {@link SecretBox#seal}). */
    static String place(long tenantId) {
        return "tenant/" + tenantId + "/oidc-client-secret";
    }

    private static List<String> lines(String text) {
        return Arrays.stream(text.split("\\R"))
                .map(String::trim)
                .filter(line -> !line.isEmpty())
                .toList();
    }
}
