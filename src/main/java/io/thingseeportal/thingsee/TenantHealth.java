package io.thingseeportal.thingsee;

import io.thingseeportal.security.AppRoles;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/** How each tenant's Thingsee connections are doing, on this node, for the operators: its data stream and API calls. */
@Service
public class TenantHealth {

    /**
     * A tenant's data stream as this node sees it.
     *
     * @param lastMessageAt when its last message arrived, null before the first since this node started
     * @param problem why it does not run although it is switched on (its settings cannot be used), or null
     */
    public record Stream(
            String broker,
            boolean connected,
            boolean subscribed,
            @Nullable Instant lastMessageAt,
            @Nullable String problem) {}

    /** The tenants' data streams, by tenant short name; the data stream feature provides it when it runs. */
    public interface Streams {
        Optional<Stream> of(String tenantSlug);
    }

    /**
     * @param stream null when the tenant has no data stream on this node
     * @param apiErrors its failed Thingsee calls within the last hour, newest first
     * @param hasStack whether the portal has Thingsee credentials for it
     * @param stackProblem why its credentials cannot be used (a secret that does not open, a base URL that does not
     *     read), or null
     */
    public record Health(
            @Nullable Stream stream,
            List<RecentApiErrors.ApiError> apiErrors,
            boolean hasStack,
            @Nullable String stackProblem) {}

    private final ObjectProvider<Streams> streams;
    private final ThingseeStacks stacks;
    private final RecentApiErrors errors;

    TenantHealth(ObjectProvider<Streams> streams, ThingseeStacks stacks, RecentApiErrors errors) {
        this.streams = streams;
        this.stacks = stacks;
        this.errors = errors;
    }

    @RolesAllowed(AppRoles.OPERATOR)
    public Health of(String tenantSlug) {
        Stream stream = streams.stream()
                .map(all -> all.of(tenantSlug).orElse(null))
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .orElse(null);
        Optional<ThingseeStack> stack;
        try {
            stack = stacks.forTenant(tenantSlug);
        } catch (RuntimeException unusable) {
            return new Health(stream, List.of(), true, String.valueOf(unusable.getMessage()));
        }
        return new Health(stream, stack.map(errors::recent).orElse(List.of()), stack.isPresent(), null);
    }
}
