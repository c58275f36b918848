package io.thingseeportal.demo.https;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.commons.logging.Log;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;

/**
 * With {@code portal.demo.https} on in the demo profile, settles the LAN address before any setting is read, and moves
 * the demo identity providers from 127.0.0.1 onto it: the phone's browser must open the providers' sign-in pages too.
 * Here rather than in a bean because the portal's sign-in reads the issuers through placeholders on
 * {@code portal.demo.idp.issuer} and {@code portal.demo.idp.second-issuer}. Registered in {@code META-INF/spring.factories}.
 */
class DemoHttpsEnvironment implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY_SOURCE = "demoHttps";

    private final Log log;
    private final Supplier<List<LanAddress.Card>> cards;

    /** Spring Boot's: the only public constructor, so that its factory loader picks this one. */
    public DemoHttpsEnvironment(DeferredLogFactory logs) {
        this(logs, LanAddress::ofThisMachine);
    }

    DemoHttpsEnvironment(DeferredLogFactory logs, Supplier<List<LanAddress.Card>> cards) {
        this.log = logs.getLog(DemoHttpsEnvironment.class);
        this.cards = cards;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Binder settings = Binder.get(environment);
        if (!environment.acceptsProfiles(Profiles.of("demo"))
                || !settings.bind("portal.demo.https", Boolean.class).orElse(false)) {
            return;
        }
        String lanAddress =
                settings.bind("portal.demo.lan-address", String.class).orElseGet(this::chooseLanAddress);
        Map<String, Object> decided = new LinkedHashMap<>();
        decided.put("portal.demo.lan-address", lanAddress);
        for (String setting : List.of("portal.demo.idp.issuer", "portal.demo.idp.second-issuer")) {
            settings.bind(setting, URI.class).ifBound(issuer -> {
                if (isLoopback(issuer.getHost())) {
                    decided.put(setting, onHost(issuer, lanAddress));
                }
            });
        }
        environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, decided));
    }

    private String chooseLanAddress() {
        return LanAddress.choose(cards.get())
                .map(choice -> {
                    log.info("LAN address for phones: " + choice.ip() + " (" + choice.card()
                            + "); portal.demo.lan-address chooses another");
                    return choice.ip();
                })
                .orElseGet(() -> {
                    log.warn("No network card with an IPv4 address is up: a phone cannot reach the demo. Set"
                            + " portal.demo.lan-address to this machine's address on the phone's network.");
                    return "127.0.0.1";
                });
    }

    private static boolean isLoopback(@Nullable String host) {
        return host != null && ("localhost".equals(host) || host.startsWith("127.") || "[::1]".equals(host));
    }

    private static String onHost(URI uri, String host) {
        try {
            return new URI(
                            uri.getScheme(),
                            uri.getUserInfo(),
                            host,
                            uri.getPort(),
                            uri.getPath(),
                            uri.getQuery(),
                            uri.getFragment())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("portal.demo.lan-address " + host + " cannot be a host name", e);
        }
    }

    /** After the configuration files are read, so that the demo profile and application-demo.properties count. */
    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 1;
    }
}
