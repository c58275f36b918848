package io.thingseeportal.device;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutor;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Runs the device page's Thingsee calls in the background (Boot's task executor), as the user who asked, so that no
 * view waits for Thingsee on its UI thread (the same way as the groups' background work).
 */
@Component
class DeviceWork {

    private final TaskExecutor executor;

    DeviceWork(@Qualifier("applicationTaskExecutor") TaskExecutor executor) {
        this.executor = executor;
    }

    <T> CompletableFuture<T> supply(Supplier<T> work) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(SecurityContextHolder.getContext().getAuthentication());
        return CompletableFuture.supplyAsync(work, new DelegatingSecurityContextExecutor(executor, context));
    }
}
