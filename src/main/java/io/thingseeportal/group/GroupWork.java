package io.thingseeportal.group;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutor;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Runs the Thingsee side of group changes in the background, so that no view waits for Thingsee on its UI thread. The
 * work runs as the user who started it: the services it calls check that user's roles and tenant as always.
 */
@Component
class GroupWork implements DisposableBean {

    private static final int THREADS = 4;

    private final ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();

    GroupWork() {
        executor.setCorePoolSize(THREADS);
        executor.setMaxPoolSize(THREADS);
        executor.setThreadNamePrefix("group-work-");
        executor.initialize();
    }

    <T> CompletableFuture<T> supply(Supplier<T> work) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(SecurityContextHolder.getContext().getAuthentication());
        return CompletableFuture.supplyAsync(work, new DelegatingSecurityContextExecutor(executor, context));
    }

    @Override
    public void destroy() {
        executor.shutdown();
    }
}
