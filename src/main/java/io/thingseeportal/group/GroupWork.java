package io.thingseeportal.group;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutor;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Runs the Thingsee side of group changes in the background (Boot's task executor, see docs/configuration.md), so that
 * no view waits for Thingsee on its UI thread. The work runs as the user who started it: the services it calls check
 * that user's roles and tenant as always.
 */
@Component
class GroupWork {

    private final TaskExecutor executor;

    GroupWork(@Qualifier("applicationTaskExecutor") TaskExecutor executor) {
        this.executor = executor;
    }

    <T> CompletableFuture<T> supply(Supplier<T> work) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(SecurityContextHolder.getContext().getAuthentication());
        return CompletableFuture.supplyAsync(work, new DelegatingSecurityContextExecutor(executor, context));
    }
}
