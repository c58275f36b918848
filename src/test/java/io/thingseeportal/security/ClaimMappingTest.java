package io.thingseeportal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;

class ClaimMappingTest {

    private final ClaimMapping mapping = new ClaimMapping("roles", "tenant");

    @Test
    void roles_are_read_from_a_list_claim() {
        assertThat(mapping.roles(Map.of("roles", List.of("ADMIN", "VIEWER")))).containsExactly("ADMIN", "VIEWER");
    }

    @Test
    void roles_are_read_from_a_comma_separated_string_in_any_case_and_with_a_role_prefix() {
        assertThat(mapping.roles(Map.of("roles", "installer, ROLE_viewer"))).containsExactly("INSTALLER", "VIEWER");
    }

    @Test
    void unknown_roles_are_ignored() {
        assertThat(mapping.roles(Map.of("roles", List.of("SUPERUSER", "VIEWER"))))
                .containsExactly("VIEWER");
    }

    @Test
    void a_user_without_a_portal_role_is_refused_naming_the_claim() {
        assertThatThrownBy(() -> mapping.roles(Map.of("roles", List.of("SUPERUSER"))))
                .isInstanceOfSatisfying(OAuth2AuthenticationException.class, e -> {
                    assertThat(e.getError().getErrorCode()).isEqualTo(ClaimMapping.ERROR_NO_ROLE);
                    assertThat(e.getError().getDescription()).isEqualTo("roles");
                });
    }

    @Test
    void the_claim_names_are_settings() {
        var custom = new ClaimMapping("groups", "org");
        Map<String, Object> claims = Map.of("groups", List.of("ADMIN"), "org", "acme");
        assertThat(custom.tenant(claims, custom.roles(claims))).isEqualTo("acme");
    }

    @Test
    void a_tenant_user_without_a_tenant_claim_is_refused() {
        assertThatThrownBy(() -> mapping.tenant(Map.of(), Set.of(AppRoles.ADMIN)))
                .isInstanceOfSatisfying(
                        OAuth2AuthenticationException.class,
                        e -> assertThat(e.getError().getErrorCode()).isEqualTo(ClaimMapping.ERROR_NO_TENANT));
    }

    @Test
    void the_operator_needs_no_tenant() {
        assertThat(mapping.tenant(Map.of(), Set.of(AppRoles.OPERATOR))).isNull();
    }
}
