package io.thingseeportal.security;

import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategyConfiguration;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Sign-in through OpenID Connect (authorization code flow with PKCE), each tenant at its own provider and the
 * operators at theirs ({@link PortalClientRegistrations}), starting from the sign-in page ({@link #SIGN_IN_PATH}) that
 * finds the user's organisation; sign-out at the provider too (RP-initiated logout, which {@link
 * VaadinSecurityConfigurer#oauth2LoginPage(String, String)} sets up), Vaadin's view access control, and method
 * security for the services. The ID token's claims become the portal's user in {@link PortalOidcUserService}, which
 * Spring Security finds as a bean, as it finds the ID-token decoders of {@link ChangingRegistrationsIdTokenDecoders}.
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity(jsr250Enabled = true)
@Import(VaadinAwareSecurityContextHolderStrategyConfiguration.class)
class SecurityConfig {

    static final String SIGN_IN_PATH = "/sign-in";
    static final String SIGN_IN_PROBLEM_PATH = "/sign-in-problem";
    static final String NO_ACCESS_PATH = "/no-access";

    @Bean
    SecurityFilterChain securityFilterChain(
            HttpSecurity http, ActiveTenants tenants, InstallerGrants grants, java.time.Clock clock) throws Exception {
        http.authorizeHttpRequests(requests -> requests.requestMatchers(EndpointRequest.to(HealthEndpoint.class))
                .permitAll()
                .requestMatchers(EndpointRequest.toAnyEndpoint())
                .hasRole(AppRoles.OPERATOR));
        // Vaadin's configurer first: it sets the login page, which the OAuth2 login configurer must see at init.
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.oauth2LoginPage(SIGN_IN_PATH, "{baseUrl}/"));
        http.oauth2Login(login -> login.failureHandler(new SignInFailurePages())
                .addObjectPostProcessor(failuresBeforeTheProviderGoToTheProblemPage()));
        http.addFilterBefore(new LapsedAccessSignOut(tenants, grants, clock), AnonymousAuthenticationFilter.class);
        return http.build();
    }

    /**
     * A sign-in that fails before the user reaches the provider (its discovery document cannot be read) would
     * otherwise end in a bare 500, which the login redirect turns into a loop; it gets the sign-in problem page too.
     */
    private static ObjectPostProcessor<OAuth2AuthorizationRequestRedirectFilter>
            failuresBeforeTheProviderGoToTheProblemPage() {
        return new ObjectPostProcessor<>() {
            @Override
            public <O extends OAuth2AuthorizationRequestRedirectFilter> O postProcess(O filter) {
                filter.setAuthenticationFailureHandler(new SignInFailurePages());
                return filter;
            }
        };
    }
}
