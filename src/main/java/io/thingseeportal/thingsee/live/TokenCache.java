package io.thingseeportal.thingsee.live;

import io.thingseeportal.thingsee.ThingseeProperties;
import io.thingseeportal.thingsee.ThingseeStack;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Client tokens, one per stack and client id, renewed ahead of their expiry. Concurrent callers that find the token
 * expired share one renewal: the first renews, the others wait for it and use its token.
 */
class TokenCache {

    private record Key(URI baseUrl, String clientId) {
        static Key of(ThingseeStack stack) {
            return new Key(stack.baseUrl(), stack.clientId());
        }
    }

    private record Entry(String token, Instant renewAt) {}

    private final ConcurrentMap<Key, Entry> tokens = new ConcurrentHashMap<>();
    private final ConcurrentMap<Key, Object> locks = new ConcurrentHashMap<>();
    private final Function<ThingseeStack, String> signIn;
    private final ThingseeProperties.Token settings;
    private final Clock clock;

    TokenCache(Function<ThingseeStack, String> signIn, ThingseeProperties.Token settings, Clock clock) {
        this.signIn = signIn;
        this.settings = settings;
        this.clock = clock;
    }

    /** A valid token for the stack, signing in when there is none or it is about to expire. */
    String token(ThingseeStack stack) {
        Key key = Key.of(stack);
        String fresh = fresh(key);
        if (fresh != null) {
            return fresh;
        }
        synchronized (locks.computeIfAbsent(key, k -> new Object())) {
            fresh = fresh(key);
            if (fresh != null) {
                return fresh;
            }
            Instant signedInAt = clock.instant();
            String token = signIn.apply(stack);
            tokens.put(
                    key, new Entry(token, signedInAt.plus(settings.lifetime()).minus(settings.renewAhead())));
            return token;
        }
    }

    /** The stack's token if it needs no renewal: the non-blocking fast path of almost every call. */
    @Nullable
    String cached(ThingseeStack stack) {
        return fresh(Key.of(stack));
    }

    /** Forgets a token Thingsee refused, unless another caller has already replaced it. */
    void refused(ThingseeStack stack, String token) {
        tokens.computeIfPresent(Key.of(stack), (key, entry) -> entry.token().equals(token) ? null : entry);
    }

    private @Nullable String fresh(Key key) {
        Entry entry = tokens.get(key);
        return entry != null && clock.instant().isBefore(entry.renewAt()) ? entry.token() : null;
    }
}
