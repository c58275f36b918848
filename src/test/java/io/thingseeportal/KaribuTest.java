package io.thingseeportal;

import com.github.mvysny.fakeservlet.FakeHttpSession;
import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockRouteAccessDeniedError;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategy;
import io.github.classgraph.ClassGraph;
import io.github.classgraph.ScanResult;
import io.thingseeportal.security.PortalOidcUser;
import io.thingseeportal.security.PortalUser;
import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import kotlin.jvm.functions.Function0;
import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.test.context.ActiveProfiles;

/**
 * Base of the Karibu tests: the whole Spring application without a server, Vaadin mocked around it, and a user signed
 * in the way the OpenID Connect login would sign them in.
 */
@SpringBootTest
@ActiveProfiles("test")
public abstract class KaribuTest {

    private static Routes routes;

    @Autowired
    protected ApplicationContext context;

    @BeforeAll
    static void discoverRoutes() {
        routes = new Routes().autoDiscoverViews("io.thingseeportal");
        // Karibu's own scan sees only public classes; the portal's views and layout are package-private.
        try (ScanResult scan = new ClassGraph()
                .enableClassInfo()
                .enableAnnotationInfo()
                .ignoreClassVisibility()
                .acceptPackages("io.thingseeportal")
                .scan()) {
            for (String annotation : List.of(Route.class.getName(), Layout.class.getName())) {
                routes.getRoutes()
                        .addAll(scan.getClassesWithAnnotation(annotation).loadClasses(Component.class));
            }
            scan.getClassesImplementing(HasErrorParameter.class.getName())
                    .filter(info -> !info.isAbstract())
                    .loadClasses()
                    .forEach(KaribuTest::addErrorRoute);
        }
        routes.getErrorRoutes().remove(MockRouteAccessDeniedError.class);
        // As in a real server: routes not registered at startup appear only when a bean adds them (the simulator's).
        routes.getRoutes()
                .removeIf(view -> view.isAnnotationPresent(Route.class)
                        && !view.getAnnotation(Route.class).registerAtStartup());
    }

    @SuppressWarnings("unchecked")
    private static void addErrorRoute(Class<?> errorView) {
        routes.getErrorRoutes().add((Class<? extends HasErrorParameter<?>>) errorView);
    }

    @BeforeEach
    void setUpVaadin() {
        // Each application context installs its own strategy globally; method security reads this context's one, so
        // it must be the global one again after a test with another context (other beans) ran in between.
        SecurityContextHolder.setContextHolderStrategy(context.getBean(VaadinAwareSecurityContextHolderStrategy.class));
        MockVaadin.setMockRequestFactory(SecurityContextRequest::new);
        Function0<UI> uiFactory = UI::new;
        MockVaadin.setup(uiFactory, new MockSpringServlet(routes, context, uiFactory));
    }

    @AfterEach
    void tearDownVaadin() {
        MockVaadin.tearDown();
        MockVaadin.setMockRequestFactory(FakeRequest::new);
        SecurityContextHolder.clearContext();
    }

    /** Signs in as the OpenID Connect login would: a {@link PortalOidcUser} with ROLE_ authorities. */
    protected static PortalUser signIn(String name, @Nullable Long tenantId, String... roles) {
        return signIn(new PortalUser(
                name,
                name,
                Set.of(roles),
                tenantId,
                tenantId == null ? null : "tenant-" + tenantId,
                tenantId == null ? null : "Tenant " + tenantId));
    }

    /** Signs in to a tenant whose sign-in id matters, for example because its Thingsee stack is configured by it. */
    protected static PortalUser signInTo(String tenantSlug, long tenantId, String name, String... roles) {
        return signIn(new PortalUser(name, name, Set.of(roles), tenantId, tenantSlug, tenantSlug));
    }

    /** Signs in as exactly this user, for example one with temporary installer access. */
    protected static PortalUser signInAs(PortalUser user) {
        return signIn(user);
    }

    private static PortalUser signIn(PortalUser user) {
        List<GrantedAuthority> authorities = user.roles().stream()
                .<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role))
                .toList();
        Instant now = Instant.now();
        OidcIdToken idToken = OidcIdToken.withTokenValue("test-id-token")
                .subject(user.subject())
                .issuer("http://idp.test")
                .audience(List.of("portal"))
                .issuedAt(now)
                .expiresAt(now.plusSeconds(3600))
                .claim("name", user.name())
                .build();
        SecurityContext securityContext = SecurityContextHolder.createEmptyContext();
        securityContext.setAuthentication(new OAuth2AuthenticationToken(
                new PortalOidcUser(authorities, idToken, null, user), authorities, "test"));
        SecurityContextHolder.setContext(securityContext);
        return user;
    }

    /** The view (or error view) the UI shows now. */
    protected static HasElement currentView() {
        return UI.getCurrent().getInternals().getActiveRouterTargetsChain().get(0);
    }

    /** Makes the mocked request see the signed-in user, as Spring Security's request wrapper does in a real server. */
    static final class SecurityContextRequest extends FakeRequest {

        private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

        SecurityContextRequest(FakeHttpSession session) {
            super(session);
            setUserInRole((principal, role) -> principal instanceof Authentication authentication
                    && authentication.getAuthorities().stream()
                            .anyMatch(granted -> ("ROLE_" + role).equals(granted.getAuthority())));
        }

        @Override
        public @Nullable Principal getUserPrincipal() {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            return authentication == null || TRUST.isAnonymous(authentication) ? null : authentication;
        }
    }

    /**
     * Waits for what background work reports through ui.access: each poll makes a client round trip, which runs what
     * was queued, then asks the condition. The condition must not throw while the work is still running (Karibu's _get
     * does when nothing matches yet).
     */
    protected static void awaitUi(BooleanSupplier condition) {
        awaitUi(Duration.ofSeconds(10), condition);
    }

    protected static void awaitUi(Duration atMost, BooleanSupplier condition) {
        Awaitility.await()
                .pollInSameThread()
                .pollInterval(Duration.ofMillis(50))
                .atMost(atMost)
                .until(() -> {
                    MockVaadin.clientRoundtrip();
                    return condition.getAsBoolean();
                });
    }
}
