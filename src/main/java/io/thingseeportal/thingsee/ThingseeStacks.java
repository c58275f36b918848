package io.thingseeportal.thingsee;

import io.thingseeportal.secrets.SecretBox;
import io.thingseeportal.settings.AddressPlaceholders;
import jakarta.annotation.security.PermitAll;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;

/**
 * Which Thingsee stack, with which credentials, each tenant uses: its row in {@code tenant_thingsee}, with the client
 * secret sealed ({@link SecretBox}). A tenant without a row gets one from its settings
 * {@code portal.thingsee.tenants.<slug>.*} the first time its stack is needed (the seed); from then on the row is what
 * counts. A tenant's stack is kept for {@link #KEEP} once read, so that a rollout's thousands of calls do not read it
 * each time, and a changed row takes effect on every node within that time.
 */
@Service
public class ThingseeStacks {

    static final Duration KEEP = Duration.ofSeconds(30);

    private record Known(ThingseeStack stack, Instant until) {}

    private final ThingseeProperties properties;
    private final Environment environment;
    private final TenantStackStore store;
    private final SecretBox secrets;
    private final Clock clock;
    private final Map<String, Known> known = new ConcurrentHashMap<>();

    ThingseeStacks(
            ThingseeProperties properties,
            Environment environment,
            TenantStackStore store,
            SecretBox secrets,
            Clock clock) {
        this.properties = properties;
        this.environment = environment;
        this.store = store;
        this.secrets = secrets;
        this.clock = clock;
    }

    /**
     * The tenant's stack; {@link NoThingseeStackException} when the portal has no Thingsee credentials for it. Open to
     * all: the data stream and the bulk workers call it for their tenant, and it gives nothing to a page.
     */
    @PermitAll
    public ThingseeStack require(String tenantSlug) {
        return forTenant(tenantSlug).orElseThrow(() -> new NoThingseeStackException(tenantSlug));
    }

    /** The tenant's stack, or empty when the portal has no Thingsee credentials for it. */
    @PermitAll
    public Optional<ThingseeStack> forTenant(String tenantSlug) {
        Instant now = clock.instant();
        Known kept = known.get(tenantSlug);
        if (kept != null && now.isBefore(kept.until())) {
            return Optional.of(kept.stack());
        }
        Optional<ThingseeStack> stack = store.find(tenantSlug)
                .or(() -> seed(tenantSlug, now))
                .map(stored -> new ThingseeStack(
                        URI.create(AddressPlaceholders.resolve(stored.baseUrl(), environment)),
                        stored.clientId(),
                        secret(stored, now)));
        stack.ifPresentOrElse(
                found -> known.put(tenantSlug, new Known(found, now.plus(KEEP))), () -> known.remove(tenantSlug));
        return stack;
    }

    /** Drops the kept stack of the tenant, whose row an operator has just changed. */
    void forget(long tenantId) {
        store.slug(tenantId).ifPresent(known::remove);
    }

    /** The plain secret; one sealed with a previous key is sealed again with the current one, so that keys retire. */
    private String secret(TenantStackStore.StoredStack stored, Instant now) {
        return secrets.openRenewing(
                stored.sealedSecret(),
                place(stored.tenantId()),
                resealed -> store.reseal(stored.tenantId(), stored.sealedSecret(), resealed, now));
    }

    /** Where a tenant's client secret is sealed for (see {@link SecretBox#seal}). */
    static String place(long tenantId) {
        return "tenant/" + tenantId + "/thingsee-client-secret";
    }

    private Optional<TenantStackStore.StoredStack> seed(String tenantSlug, Instant now) {
        ThingseeProperties.Tenant settings = properties.tenants().get(tenantSlug);
        if (settings == null) {
            return Optional.empty();
        }
        return store.tenantId(tenantSlug).flatMap(tenantId -> {
            store.insertIfAbsent(
                    tenantId,
                    settings.baseUrl(),
                    settings.clientId(),
                    secrets.seal(settings.clientSecret(), place(tenantId)),
                    now);
            return store.find(tenantSlug);
        });
    }
}
