package io.thingseeportal.thingsee;

import io.thingseeportal.audit.AuditAction;
import io.thingseeportal.audit.AuditLog;
import io.thingseeportal.secrets.SecretBox;
import io.thingseeportal.secrets.UnreadableSecretException;
import io.thingseeportal.security.AppRoles;
import io.thingseeportal.settings.AddressPlaceholders;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * What operators do with a tenant's Thingsee API credentials: read them (never the secret), replace them, and test
 * them with a client-token call. A change counts on this node at once and on the others within
 * {@link ThingseeStacks#KEEP}.
 */
@Service
@Validated
public class ThingseeCredentials {

    /**
     * The outcome of "test Thingsee credentials".
     *
     * @param messageKey what to tell the operator ({@code tenant.thingsee.check.*})
     * @param detail what the message names: Thingsee's answer
     */
    public record Check(boolean ok, String messageKey, String detail) {}

    private final TenantStackStore store;
    private final ThingseeStacks stacks;
    private final ThingseeClient thingsee;
    private final SecretBox secrets;
    private final Clock clock;
    private final Environment environment;
    private final AuditLog audit;

    ThingseeCredentials(
            TenantStackStore store,
            ThingseeStacks stacks,
            ThingseeClient thingsee,
            SecretBox secrets,
            Clock clock,
            Environment environment,
            AuditLog audit) {
        this.audit = audit;
        this.store = store;
        this.stacks = stacks;
        this.thingsee = thingsee;
        this.secrets = secrets;
        this.clock = clock;
        this.environment = environment;
    }

    /** The tenant's stack for editing, or blank settings when it has none. */
    @RolesAllowed(AppRoles.OPERATOR)
    @Transactional(readOnly = true)
    public ThingseeSettings settings(long tenantId) {
        return store.find(tenantId)
                .map(stored -> new ThingseeSettings(stored.baseUrl(), stored.clientId(), true))
                .orElseGet(ThingseeSettings::blank);
    }

    /**
     * Replaces the tenant's stack.
     *
     * @param newSecret the client secret, or null to keep the stored one
     * @throws IllegalStateException when there is no secret to keep
     */
    @RolesAllowed(AppRoles.OPERATOR)
    @Transactional
    public void save(long tenantId, @Valid ThingseeSettings settings, @Nullable String newSecret) {
        String sealed = newSecret != null && !newSecret.isBlank()
                ? secrets.seal(newSecret.strip(), ThingseeStacks.place(tenantId))
                : store.find(tenantId)
                        .map(TenantStackStore.StoredStack::sealedSecret)
                        .orElseThrow(() -> new IllegalStateException("A first Thingsee stack needs its secret"));
        store.save(
                new TenantStackStore.StoredStack(
                        tenantId,
                        withSlash(settings.baseUrl().strip()),
                        settings.clientId().strip(),
                        sealed),
                clock.instant());
        audit.record(
                tenantId,
                AuditAction.THINGSEE_API_CHANGED,
                store.slug(tenantId).orElse(String.valueOf(tenantId)),
                withSlash(settings.baseUrl().strip()) + ", client "
                        + settings.clientId().strip()
                        + (newSecret != null && !newSecret.isBlank() ? ", new secret" : ""));
        stacks.forget(tenantId);
    }

    /**
     * "Test Thingsee credentials": a client-token call with the given base URL and client id, and the given secret or
     * else the stored one. Nothing is saved.
     */
    @RolesAllowed(AppRoles.OPERATOR)
    @Transactional(readOnly = true)
    public Check test(long tenantId, String baseUrl, String clientId, @Nullable String newSecret) {
        String secret;
        if (newSecret != null && !newSecret.isBlank()) {
            secret = newSecret.strip();
        } else {
            var stored = store.find(tenantId);
            if (stored.isEmpty()) {
                return new Check(false, "tenant.thingsee.check.no-secret", "");
            }
            try {
                secret = secrets.open(stored.get().sealedSecret(), ThingseeStacks.place(tenantId));
            } catch (UnreadableSecretException unreadable) {
                return new Check(false, "tenant.thingsee.check.unreadable-secret", unreadable.getMessage());
            }
        }
        URI base;
        try {
            base = URI.create(withSlash(AddressPlaceholders.resolve(baseUrl.strip(), environment)));
            if (!base.isAbsolute()) {
                return new Check(false, "tenant.thingsee.check.bad-address", baseUrl);
            }
        } catch (IllegalArgumentException e) {
            // Not a URI, or a placeholder this portal cannot resolve.
            return new Check(false, "tenant.thingsee.check.bad-address", baseUrl);
        }
        try {
            thingsee.checkCredentials(new ThingseeStack(base, clientId.strip(), secret));
            return new Check(true, "tenant.thingsee.check.ok", base.toString());
        } catch (ThingseeException.BadCredentials refused) {
            return new Check(false, "tenant.thingsee.check.refused", refused.apiMessage());
        } catch (ThingseeException failed) {
            if (failed.status() == 0) {
                // No answer at all: a connection that failed or timed out.
                return new Check(
                        false, "tenant.thingsee.check.unreachable", failed.reason() + ": " + failed.apiMessage());
            }
            return new Check(false, "tenant.thingsee.check.failed", failed.status() + " " + failed.reason());
        } catch (RuntimeException unreachable) {
            return new Check(false, "tenant.thingsee.check.unreachable", String.valueOf(unreachable.getMessage()));
        }
    }

    private static String withSlash(String url) {
        return url.endsWith("/") ? url : url + "/";
    }
}
