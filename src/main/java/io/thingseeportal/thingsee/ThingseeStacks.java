package io.thingseeportal.thingsee;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Which Thingsee stack, with which credentials, each tenant uses ({@code portal.thingsee.tenants.<slug>.*}). */
@Component
public class ThingseeStacks {

    private final ThingseeProperties properties;
    private final Environment environment;
    /** Each tenant's stack once its base URL resolved: the same on every call, and a rollout makes thousands. */
    private final Map<String, ThingseeStack> resolved = new ConcurrentHashMap<>();

    ThingseeStacks(ThingseeProperties properties, Environment environment) {
        this.properties = properties;
        this.environment = environment;
    }

    /** The tenant's stack; {@link NoThingseeStackException} when the portal has no Thingsee credentials for it. */
    public ThingseeStack require(String tenantSlug) {
        return forTenant(tenantSlug).orElseThrow(() -> new NoThingseeStackException(tenantSlug));
    }

    /** The tenant's stack, or empty when the portal has no Thingsee credentials for it. */
    public Optional<ThingseeStack> forTenant(String tenantSlug) {
        ThingseeStack known = resolved.get(tenantSlug);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<ThingseeStack> stack = Optional.ofNullable(properties.tenants().get(tenantSlug))
                .map(tenant -> new ThingseeStack(
                        URI.create(environment.resolveRequiredPlaceholders(tenant.baseUrl())),
                        tenant.clientId(),
                        tenant.clientSecret()));
        stack.ifPresent(found -> resolved.put(tenantSlug, found));
        return stack;
    }
}
