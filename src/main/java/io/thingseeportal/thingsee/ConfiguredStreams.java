package io.thingseeportal.thingsee;

import io.thingseeportal.secrets.SecretBox;
import io.thingseeportal.thingsee.TenantStreamStore.Sealed;
import io.thingseeportal.thingsee.TenantStreamStore.StoredStream;
import jakarta.annotation.security.PermitAll;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Which data streams this node should receive: the enabled rows of {@code tenant_stream}, passwords opened. Each
 * statement stands alone (no transaction), so that one tenant's failing row holds up no other's. A tenant
 * without a row gets one from its settings {@code portal.thingsee.tenants.<slug>.stream.*} (the seed), once; from then
 * on the row is what counts, and an operator changes it ({@link TenantStreamSettings}).
 */
@Service
public class ConfiguredStreams {

    private static final Logger log = LoggerFactory.getLogger(ConfiguredStreams.class);

    private final ThingseeProperties properties;
    private final TenantStreamStore store;
    private final SecretBox secrets;
    private final Clock clock;
    private final Set<String> seeded = ConcurrentHashMap.newKeySet();

    ConfiguredStreams(ThingseeProperties properties, TenantStreamStore store, SecretBox secrets, Clock clock) {
        this.properties = properties;
        this.store = store;
        this.secrets = secrets;
        this.clock = clock;
    }

    /**
     * The streams to receive, by tenant short name. Open to all: the data stream calls it without a user, and it gives
     * nothing to a page.
     */
    @PermitAll
    public List<ConfiguredStream> enabled() {
        seed();
        List<ConfiguredStream> streams = new ArrayList<>();
        for (StoredStream stored : store.all()) {
            if (stored.enabled()) {
                streams.add(open(stored));
            }
        }
        return streams;
    }

    private ConfiguredStream open(StoredStream stored) {
        try {
            var tls = new ThingseeProperties.Tls(
                    path(stored.keyStore()),
                    secret(stored, Sealed.KEY_STORE_PASSWORD),
                    stored.keyStoreType(),
                    path(stored.trustStore()),
                    secret(stored, Sealed.TRUST_STORE_PASSWORD),
                    stored.trustStoreType());
            var stream = new ThingseeProperties.Stream(
                    URI.create(stored.brokerUrl()),
                    stored.username(),
                    secret(stored, Sealed.PASSWORD),
                    tls,
                    stored.topicFilters(),
                    stored.sharedGroup());
            return new ConfiguredStream(stored.slug(), stream, null);
        } catch (RuntimeException unusable) {
            // A password that does not open, an address that does not read: this tenant's stream only cannot run.
            return new ConfiguredStream(stored.slug(), null, unusable.getMessage());
        }
    }

    /** The plain password; one sealed with a previous key is sealed again with the current one, so that keys retire. */
    private @Nullable String secret(StoredStream stored, Sealed which) {
        String sealed = stored.sealed(which);
        if (sealed == null) {
            return null;
        }
        return secrets.openRenewing(sealed, which.place(stored.tenantId()), resealed -> {
            try {
                store.reseal(stored.tenantId(), which, sealed, resealed);
            } catch (RuntimeException notNow) {
                // The password opened; sealing it anew with the current key can wait for the next check.
                log.warn("Tenant '{}': resealing a stream password failed: {}", stored.slug(), notNow.getMessage());
            }
        });
    }

    private static @Nullable Path path(@Nullable String file) {
        return file == null || file.isBlank() ? null : Path.of(file);
    }

    /** The rows of the tenants that have stream settings and none in the database yet. */
    private void seed() {
        for (Map.Entry<String, ThingseeProperties.Tenant> tenant : new TreeMap<>(properties.tenants()).entrySet()) {
            ThingseeProperties.Stream stream = tenant.getValue().stream();
            String slug = tenant.getKey();
            if (stream == null || seeded.contains(slug)) {
                continue;
            }
            store.tenantId(slug).ifPresent(tenantId -> {
                store.insertIfAbsent(stored(tenantId, slug, stream), clock.instant());
                seeded.add(slug);
            });
        }
    }

    private StoredStream stored(long tenantId, String slug, ThingseeProperties.Stream stream) {
        ThingseeProperties.Tls tls = stream.tls();
        return new StoredStream(
                tenantId,
                slug,
                true,
                stream.brokerUrl().toString(),
                stream.username(),
                seal(stream.password(), Sealed.PASSWORD, tenantId),
                stream.topicFilters(),
                stream.sharedGroup(),
                tls.keyStore() == null ? null : tls.keyStore().toString(),
                seal(tls.keyStorePassword(), Sealed.KEY_STORE_PASSWORD, tenantId),
                tls.keyStoreType(),
                tls.trustStore() == null ? null : tls.trustStore().toString(),
                seal(tls.trustStorePassword(), Sealed.TRUST_STORE_PASSWORD, tenantId),
                tls.trustStoreType());
    }

    private @Nullable String seal(@Nullable String plain, Sealed which, long tenantId) {
        return plain == null || plain.isEmpty() ? null : secrets.seal(plain, which.place(tenantId));
    }
}
