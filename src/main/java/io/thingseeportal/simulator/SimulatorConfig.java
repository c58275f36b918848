package io.thingseeportal.simulator;

import io.micrometer.observation.ObservationPredicate;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Random;
import java.util.function.Function;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.method.HandlerTypePredicate;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.PathMatchConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the simulated Thingsee cloud under {@code portal.simulator.base-path}, only when enabled. The controllers of
 * this package are mapped relative to the base path, except the control API ({@link FaultController},
 * {@link DeviceControlController}), which is at
 * {@value #CONTROL_PATH} so that no Thingsee client mistakes it for part of the cloud.
 */
@Configuration
@ConditionalOnSimulator
class SimulatorConfig {

    static final String CLIENT_TOKEN_PATH = "/auth/client-token";

    /**
     * The simulator's control API: a demo and test tool, served only with the simulator, that acts on the stack of the
     * caller's client token.
     */
    static final String CONTROL_PATH = "/simulator/control";

    /**
     * Before the portal's sign-in chain, which would send these requests to the login page: the simulator checks its
     * own bearer tokens, keeps no session and has no use for CSRF tokens (its clients are not browsers). The control
     * API takes the same bearer tokens (a stack's client token opens that stack's faults and devices only); it exists
     * only while the simulator is enabled (demo and tests), never in production.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain simulatorSecurityFilterChain(HttpSecurity http, SimulatorProperties properties)
            throws Exception {
        // Every filter of the portal's chain is off: none has work to do here, and each costs time on every call.
        return http.securityMatcher(properties.basePath() + "/**", CONTROL_PATH + "/**")
                .csrf(AbstractHttpConfigurer::disable)
                .headers(AbstractHttpConfigurer::disable)
                .anonymous(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .servletApi(AbstractHttpConfigurer::disable)
                .securityContext(AbstractHttpConfigurer::disable)
                .sessionManagement(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .exceptionHandling(AbstractHttpConfigurer::disable)
                .build();
    }

    /**
     * The simulator stands in for Haltian's cloud: what happens while it serves a request is not the portal's work, so
     * none of it is observed (no {@code http.server.requests}, no security filter chain timings), which also spares
     * every simulated call the cost of being observed. Security's observations start after Spring's request context
     * is set, so the request is found there when the observation context does not carry it.
     */
    @Bean
    ObservationPredicate simulatorRequestsAreNotObserved(SimulatorProperties properties) {
        String basePath = properties.basePath() + "/";
        return (name, context) -> {
            HttpServletRequest request = context instanceof ServerRequestObservationContext server
                    ? server.getCarrier()
                    : RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                            ? attributes.getRequest()
                            : null;
            return request == null
                    || !(request.getRequestURI().startsWith(basePath)
                            || request.getRequestURI().startsWith(CONTROL_PATH + "/"));
        };
    }

    @Bean
    Tokens simulatorTokens(SimulatorProperties properties, Clock clock) {
        return new Tokens(properties, clock);
    }

    @Bean
    SimulatorStore simulatorStore(SimulatorProperties properties, Clock clock) {
        var fleet = new FleetFactory(properties.seed(), properties.fleetSize());
        Function<String, StackState> generate =
                stack -> fleet.generate(stack, properties.stacks().get(stack).country(), clock.instant());
        Path directory = properties.dataDirectory();
        return directory == null
                ? new InMemorySimulatorStore(properties.stacks().keySet(), generate)
                : new PersistentSimulatorStore(properties.stacks().keySet(), generate, new SnapshotFiles(directory));
    }

    /** Seeded like the fleet, so that a demo run with the same faults loses the same echoes. */
    @Bean
    SimulatorFaults simulatorFaults(SimulatorProperties properties) {
        return new SimulatorFaults(properties.stacks().keySet(), new Random(properties.seed()), properties.rateLimit());
    }

    @Bean
    ApiFaults simulatorApiFaults(SimulatorFaults faults, Sleeper sleeper) {
        return new ApiFaults(faults, sleeper);
    }

    @Bean
    Sleeper simulatorSleeper() {
        return Sleeper.threadSleep();
    }

    @Bean
    WebMvcConfigurer simulatorWebMvc(
            SimulatorProperties properties, Tokens tokens, SimulatorFaults faults, ApiFaults apiFaults, Clock clock) {
        var interceptor = BearerTokenInterceptor.rateLimited(
                tokens, new RateLimiter(stack -> faults.of(stack).rateLimit(), clock));
        var faultInterceptor = new FaultInterceptor(apiFaults);
        var controlInterceptor = BearerTokenInterceptor.unlimited(tokens);
        String basePath = properties.basePath();
        return new WebMvcConfigurer() {
            @Override
            public void configurePathMatch(PathMatchConfigurer configurer) {
                configurer.addPathPrefix(
                        basePath,
                        HandlerTypePredicate.forBasePackageClass(SimulatorConfig.class)
                                .and(type -> type != FaultController.class && type != DeviceControlController.class));
            }

            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                // Token and rate limit first, so that the faults are those of the caller's stack; the token call
                // applies its stack's faults itself (AuthController).
                registry.addInterceptor(interceptor)
                        .addPathPatterns(basePath + "/**")
                        .excludePathPatterns(basePath + CLIENT_TOKEN_PATH);
                registry.addInterceptor(faultInterceptor)
                        .addPathPatterns(basePath + "/**")
                        .excludePathPatterns(basePath + CLIENT_TOKEN_PATH);
                // The control API: the stack's token, no rate limit and no faults, so that a broken cloud can be
                // healed.
                registry.addInterceptor(controlInterceptor).addPathPatterns(CONTROL_PATH + "/**");
            }
        };
    }
}
