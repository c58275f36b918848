package io.thingseeportal.demo.idp;

import io.thingseeportal.demo.DemoProperties;
import io.thingseeportal.demo.https.DemoHttpsConnector;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Starts the demo's two identity providers ({@link DemoProvider}) once the portal listens, because a provider must
 * know the portal's address to send users back to it. Each runs in its own application context, on its own port, and
 * stops with the portal.
 */
@Component
@Profile("demo")
@ConditionalOnProperty(name = "portal.demo.idp.enabled", havingValue = "true", matchIfMissing = true)
class DemoIdentityProvider implements ApplicationListener<ServletWebServerInitializedEvent>, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DemoIdentityProvider.class);

    private final DemoProperties.Idp properties;
    private final ObjectProvider<DemoHttpsConnector> https;
    private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

    DemoIdentityProvider(DemoProperties demo, ObjectProvider<DemoHttpsConnector> https) {
        this.properties = demo.idp();
        this.https = https;
    }

    @Override
    public synchronized void onApplicationEvent(ServletWebServerInitializedEvent event) {
        if (!contexts.isEmpty() || event.getApplicationContext().getParent() != null) {
            return;
        }
        List<String> portal = portalBaseUrls(event.getWebServer().getPort());
        contexts.add(start(new DemoIdpSettings(DemoProvider.A, properties.issuer(), portal)));
        contexts.add(start(new DemoIdpSettings(DemoProvider.B, properties.secondIssuer(), portal)));
    }

    private ConfigurableApplicationContext start(DemoIdpSettings settings) {
        URI issuer = settings.issuer();
        var context = new SpringApplicationBuilder(DemoIdpServer.class)
                .web(WebApplicationType.SERVLET)
                .bannerMode(org.springframework.boot.Banner.Mode.OFF)
                .logStartupInfo(false)
                .initializers(idp -> idp.getBeanFactory().registerSingleton("demoIdpSettings", settings))
                .run(
                        "--spring.config.name=demo-idp",
                        "--server.port=" + issuer.getPort(),
                        "--server.servlet.session.cookie.name=DEMO_IDP_" + settings.provider() + "_SESSION",
                        "--spring.main.register-shutdown-hook=false");
        log.info(
                "{} at {} (accounts and password on its sign-in page)",
                settings.provider().title(),
                issuer);
        return context;
    }

    private List<String> portalBaseUrls(int port) {
        Set<String> urls = new LinkedHashSet<>();
        urls.add("http://localhost:" + port);
        urls.add("http://127.0.0.1:" + port);
        https.ifAvailable(connector -> urls.addAll(connector.baseUrls()));
        properties.portalBaseUrls().forEach(url -> urls.add(withoutTrailingSlash(url.toString())));
        return new ArrayList<>(urls);
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @Override
    public synchronized void destroy() {
        contexts.forEach(ConfigurableApplicationContext::close);
        contexts.clear();
    }
}
