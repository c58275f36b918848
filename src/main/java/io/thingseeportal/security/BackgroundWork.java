package io.thingseeportal.security;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutor;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Component;

/**
 * Runs a person's Thingsee calls in the background (Boot's task executor, see docs/configuration.md), so that no view
 * waits for Thingsee on its UI thread. The work runs as the user who started it: the services it calls check that
 * user's roles and tenant as always, and the audit log names the address of the request that started it.
 */
@Component
public class BackgroundWork {

    private final TaskExecutor executor;
    private final SecurityContextHolderStrategy security;

    BackgroundWork(
            @Qualifier("applicationTaskExecutor") TaskExecutor executor,
            ObjectProvider<SecurityContextHolderStrategy> security) {
        this.executor = executor;
        // The context's own strategy, as in CurrentUser: the one this context's method security reads.
        this.security = security.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
    }

    /** Starts {@code work} on the task executor as the user signed in on this thread. */
    public <T> CompletableFuture<T> supply(Supplier<T> work) {
        SecurityContext context = security.createEmptyContext();
        context.setAuthentication(security.getContext().getAuthentication());
        var asUser = new DelegatingSecurityContextExecutor(executor, context);
        asUser.setSecurityContextHolderStrategy(security);
        return CompletableFuture.supplyAsync(ClientAddress.carriedInto(work), asUser);
    }
}
