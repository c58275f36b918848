package io.thingseeportal;

import io.thingseeportal.base.RequiredSettings;
import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.security.oauth2.server.servlet.OAuth2AuthorizationServerAutoConfiguration;
import org.springframework.boot.autoconfigure.security.oauth2.server.servlet.OAuth2AuthorizationServerJwtAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * The portal. The authorization server auto-configuration is excluded here because the demo identity provider runs in
 * a context of its own (see {@code io.thingseeportal.demo.idp}); the portal itself is only an OpenID Connect client.
 * The Vaadin application shell is {@code io.thingseeportal.base.ui.AppShell}.
 */
@SpringBootApplication(
        exclude = {OAuth2AuthorizationServerAutoConfiguration.class, OAuth2AuthorizationServerJwtAutoConfiguration.class
        })
@ConfigurationPropertiesScan
public class Application {

    public static void main(String[] args) {
        SpringApplication.run(Application.class, args);
    }

    /** Static, so that it checks the settings before any other bean is created. */
    @Bean
    static RequiredSettings requiredSettings() {
        return new RequiredSettings();
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
