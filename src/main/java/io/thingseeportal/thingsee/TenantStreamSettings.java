package io.thingseeportal.thingsee;

import io.thingseeportal.audit.AuditAction;
import io.thingseeportal.audit.AuditLog;
import io.thingseeportal.secrets.SecretBox;
import io.thingseeportal.security.AppRoles;
import io.thingseeportal.thingsee.TenantStreamStore.Sealed;
import io.thingseeportal.thingsee.TenantStreamStore.StoredStream;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * What operators do with a tenant's data stream settings: read them (never the passwords) and replace them. Every node
 * reconnects with the new settings: this one as soon as they are committed ({@link StreamSettingsChanged}), the others
 * at their next check ({@code portal.mqtt.settings-check}).
 */
@Service
@Validated
public class TenantStreamSettings {

    /** Passwords typed by the operator; null or blank keeps the stored one. */
    public record NewPasswords(
            @Nullable @Size(max = 200) String password,
            @Nullable @Size(max = 200) String keyStorePassword,
            @Nullable @Size(max = 200) String trustStorePassword) {

        public static NewPasswords none() {
            return new NewPasswords(null, null, null);
        }

        @Override
        public String toString() {
            return "NewPasswords[***]";
        }
    }

    private final TenantStreamStore store;
    private final SecretBox secrets;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TenantStreamSettings(
            TenantStreamStore store, SecretBox secrets, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.secrets = secrets;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** The tenant's stream for editing, or empty when it has none. */
    @RolesAllowed(AppRoles.OPERATOR)
    @Transactional(readOnly = true)
    public Optional<StreamSettings> settings(long tenantId) {
        return store.find(tenantId)
                .map(stored -> new StreamSettings(
                        stored.enabled(),
                        stored.brokerUrl(),
                        orEmpty(stored.username()),
                        stored.topicFilters(),
                        orEmpty(stored.sharedGroup()),
                        orEmpty(stored.keyStore()),
                        stored.keyStoreType(),
                        orEmpty(stored.trustStore()),
                        stored.trustStoreType(),
                        stored.sealedPassword() != null,
                        stored.sealedKeyStorePassword() != null,
                        stored.sealedTrustStorePassword() != null));
    }

    /**
     * Replaces the tenant's stream. A password left empty is kept, unless what it belongs to is gone: no user name, no
     * password; no key store, no key store password; no trust store, no trust store password.
     *
     * @throws IllegalArgumentException when there is no such tenant
     * @throws StreamSettingsRefusedException when a topic filter could receive what another tenant's stream on the
     *     same broker receives
     */
    @RolesAllowed(AppRoles.OPERATOR)
    @Transactional
    public void save(long tenantId, @Valid StreamSettings settings, @Valid NewPasswords passwords) {
        String slug = store.slug(tenantId).orElseThrow(() -> new IllegalArgumentException("No tenant " + tenantId));
        Optional<StoredStream> before = store.find(tenantId);
        String username = blankToNull(settings.username());
        String keyStore = blankToNull(settings.keyStore());
        String trustStore = blankToNull(settings.trustStore());
        var stream = new StoredStream(
                tenantId,
                slug,
                settings.enabled(),
                settings.brokerUrl().strip(),
                username,
                sealed(tenantId, Sealed.PASSWORD, passwords.password(), username, before),
                settings.topicFilters().stream().map(String::strip).toList(),
                blankToNull(settings.sharedGroup()),
                keyStore,
                sealed(tenantId, Sealed.KEY_STORE_PASSWORD, passwords.keyStorePassword(), keyStore, before),
                settings.keyStoreType(),
                trustStore,
                sealed(tenantId, Sealed.TRUST_STORE_PASSWORD, passwords.trustStorePassword(), trustStore, before),
                settings.trustStoreType());
        if (stream.enabled()) {
            refuseOverlap(stream);
        }
        store.save(stream, clock.instant());
        audit.record(tenantId, AuditAction.DATA_STREAM_CHANGED, slug, details(stream, passwords));
        events.publishEvent(new StreamSettingsChanged(slug));
    }

    /** Another tenant's stream on the same broker that could receive the same topics is refused. */
    private void refuseOverlap(StoredStream stream) {
        for (StoredStream other : store.all()) {
            if (other.tenantId() == stream.tenantId()
                    || !other.enabled()
                    || !other.brokerUrl().equalsIgnoreCase(stream.brokerUrl())) {
                continue;
            }
            for (String mine : stream.topicFilters()) {
                for (String theirs : other.topicFilters()) {
                    if (TopicFilterOverlap.overlap(mine, theirs)) {
                        throw new StreamSettingsRefusedException(
                                "tenant.stream.refused.overlap", mine, other.slug(), theirs);
                    }
                }
            }
        }
    }

    private @Nullable String sealed(
            long tenantId,
            Sealed which,
            @Nullable String typed,
            @Nullable String belongsTo,
            Optional<StoredStream> before) {
        if (belongsTo == null) {
            return null;
        }
        if (typed != null && !typed.isBlank()) {
            return secrets.seal(typed, which.place(tenantId));
        }
        return before.map(stored -> stored.sealed(which)).orElse(null);
    }

    private static String details(StoredStream stream, NewPasswords passwords) {
        var details = new StringBuilder(stream.enabled() ? "" : "off, ")
                .append(stream.brokerUrl())
                .append(", ")
                .append(String.join(" ", stream.topicFilters()));
        if (stream.sharedGroup() != null) {
            details.append(", shared group ").append(stream.sharedGroup());
        }
        if (stream.username() != null) {
            details.append(", user ").append(stream.username());
        }
        if (isTyped(passwords.password())
                || isTyped(passwords.keyStorePassword())
                || isTyped(passwords.trustStorePassword())) {
            details.append(", new password");
        }
        return details.toString();
    }

    private static boolean isTyped(@Nullable String password) {
        return password != null && !password.isBlank();
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String orEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }
}
