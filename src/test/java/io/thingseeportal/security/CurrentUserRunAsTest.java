package io.thingseeportal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategy;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Work the portal does by itself runs as a named user of one tenant, and only while it runs. */
class CurrentUserRunAsTest {

    static final PortalUser SYNC =
            new PortalUser("thingsee-sync", "Thingsee sync", Set.of(AppRoles.ADMIN), 7L, "acme", "Acme");

    final CurrentUser currentUser = new CurrentUser(SecurityContextHolder.getContextHolderStrategy());

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void the_work_sees_the_user_its_tenant_and_its_roles_as_authorities() {
        var seen = currentUser.runAs(SYNC, () -> {
            var authorities =
                    SecurityContextHolder.getContext().getAuthentication().getAuthorities();
            return new Object[] {
                currentUser.require(),
                currentUser.tenantId(),
                authorities.stream().map(GrantedAuthority::getAuthority).toList()
            };
        });

        assertThat(seen[0]).isEqualTo(SYNC);
        assertThat(seen[1]).isEqualTo(7L);
        assertThat(seen[2]).isEqualTo(java.util.List.of("ROLE_ADMIN"));
    }

    @Test
    void the_user_is_signed_in_on_the_strategy_of_its_own_context_and_not_on_whichever_the_jvm_holds() {
        // Two application contexts in one JVM: the JVM-wide holder belongs to the other one.
        var own = new VaadinAwareSecurityContextHolderStrategy();
        var others = new VaadinAwareSecurityContextHolderStrategy();
        var before = SecurityContextHolder.getContextHolderStrategy();
        SecurityContextHolder.setContextHolderStrategy(others);
        try {
            var user = new CurrentUser(own);

            var seen = user.runAs(
                    SYNC, () -> new Object[] {user.require(), own.getContext().getAuthentication()});

            assertThat(seen[0]).isEqualTo(SYNC);
            assertThat(seen[1]).isNotNull();
            assertThat(others.getContext().getAuthentication()).isNull();
        } finally {
            SecurityContextHolder.setContextHolderStrategy(before);
        }
    }

    @Test
    void after_the_work_nobody_is_signed_in_again_even_when_it_failed() {
        assertThatThrownBy(() -> currentUser.runAs(SYNC, () -> {
                    throw new IllegalStateException("failed");
                }))
                .hasMessage("failed");

        assertThat(currentUser.get()).isEmpty();
    }
}
