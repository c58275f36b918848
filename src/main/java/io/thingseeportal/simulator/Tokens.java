package io.thingseeportal.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Client tokens: issued for a stack's credentials, valid for the configured lifetime, any number at a time. They look
 * like the cloud's JWTs but are opaque random strings known only to this instance.
 */
final class Tokens {

    private static final String BEARER = "Bearer ";
    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();
    private static final String HEADER =
            BASE64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

    private record Grant(Caller caller, Instant expiresAt) {}

    private final SimulatorProperties properties;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Grant> grants = new ConcurrentHashMap<>();

    Tokens(SimulatorProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** Who these credentials are, if they are a stack's; {@link #issue(Caller)} then gives the caller a token. */
    Optional<Caller> caller(String clientId, String clientSecret) {
        return properties.stacks().entrySet().stream()
                .filter(stack -> stack.getValue().clientId().equals(clientId)
                        && equalSecrets(stack.getValue().clientSecret(), clientSecret))
                .findFirst()
                .map(stack -> new Caller(stack.getKey(), clientId));
    }

    /**
     * The token of an {@code Authorization: Bearer <token>} header, as the simulated API and its control API take it;
     * 401 when the header is missing or of another scheme.
     */
    static String bearer(@Nullable String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw SimulatorException.unauthorized("Missing authentication");
        }
        return authorization.substring(BEARER.length()).trim();
    }

    /** The caller of a token, or 401 when it is unknown or expired. */
    Caller verify(String token) {
        var grant = grants.get(token);
        if (grant == null) {
            throw SimulatorException.unauthorized("Invalid token");
        }
        if (!clock.instant().isBefore(grant.expiresAt())) {
            grants.remove(token);
            throw SimulatorException.unauthorized("Token expired");
        }
        return grant.caller();
    }

    /** A new token for the stack of a caller of {@link #caller(String, String)}. */
    String issue(Caller caller) {
        Instant now = clock.instant();
        grants.values().removeIf(grant -> !now.isBefore(grant.expiresAt()));
        Duration lifetime = properties.tokenLifetime();
        String claims = "{\"sub\":\"%s\",\"iat\":%d,\"exp\":%d}"
                .formatted(
                        caller.clientId(),
                        now.getEpochSecond(),
                        now.plus(lifetime).getEpochSecond());
        byte[] signature = new byte[32];
        random.nextBytes(signature);
        String token = HEADER + "." + BASE64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "."
                + BASE64.encodeToString(signature);
        grants.put(token, new Grant(caller, now.plus(lifetime)));
        return token;
    }

    private static boolean equalSecrets(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
