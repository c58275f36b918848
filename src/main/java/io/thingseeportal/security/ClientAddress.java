package io.thingseeportal.security;

import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Where a person's request came from: the client address of the request this thread serves (behind a proxy, the
 * forwarded one), or of the request that started the background work this thread runs ({@link BackgroundWork}).
 */
public final class ClientAddress {

    private static final ThreadLocal<@Nullable String> OF_BACKGROUND_WORK = new ThreadLocal<>();

    private ClientAddress() {}

    /** The address, or null for work no request started (a schedule, the data stream). */
    public static @Nullable String current() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
            return request.getRequest().getRemoteAddr();
        }
        return OF_BACKGROUND_WORK.get();
    }

    /** The work, carrying the address of this thread's request to the thread that runs it. */
    static <T> Supplier<T> carriedInto(Supplier<T> work) {
        String address = current();
        return () -> {
            OF_BACKGROUND_WORK.set(address);
            try {
                return work.get();
            } finally {
                OF_BACKGROUND_WORK.remove();
            }
        };
    }
}
