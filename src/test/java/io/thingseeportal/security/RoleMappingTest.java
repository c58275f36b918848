package io.thingseeportal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RoleMappingTest {

    private static final Set<String> TENANT = RoleMapping.TENANT_ROLES;

    @Test
    void without_entries_the_claim_holds_role_names_in_any_case_and_with_a_role_prefix() {
        assertThat(RoleMapping.ROLE_NAMES.roles("installer, ROLE_viewer", TENANT))
                .containsExactly("INSTALLER", "VIEWER");
    }

    @Test
    void roles_are_read_from_a_list_claim_most_powerful_first() {
        assertThat(RoleMapping.ROLE_NAMES.roles(List.of("VIEWER", "ADMIN"), TENANT))
                .containsExactly("ADMIN", "VIEWER");
    }

    @Test
    void values_that_name_no_role_are_ignored() {
        assertThat(RoleMapping.ROLE_NAMES.roles(List.of("SUPERUSER", "VIEWER"), TENANT))
                .containsExactly("VIEWER");
    }

    @Test
    void a_role_that_is_not_allowed_is_not_given() {
        assertThat(RoleMapping.ROLE_NAMES.roles(List.of("OPERATOR"), TENANT)).isEmpty();
    }

    @Test
    void a_missing_claim_gives_no_role() {
        assertThat(RoleMapping.ROLE_NAMES.roles(null, TENANT)).isEmpty();
    }

    @Test
    void mapped_group_names_give_their_roles_and_other_groups_none() {
        var mapping = RoleMapping.parse("portal-admins=ADMIN\n/Field/Installers = installer\n");

        assertThat(mapping.roles(List.of("staff", "/Field/Installers"), TENANT)).containsExactly("INSTALLER");
        assertThat(mapping.roles(List.of("staff"), TENANT)).isEmpty();
    }

    @Test
    void a_boolean_claim_maps_by_its_text() {
        assertThat(RoleMapping.parse("true=VIEWER").roles(Boolean.TRUE, TENANT)).containsExactly("VIEWER");
    }

    @Test
    void with_entries_a_role_name_itself_gives_nothing() {
        var mapping = RoleMapping.parse("portal-admins=ADMIN");

        assertThat(mapping.roles(List.of("ADMIN"), TENANT)).isEmpty();
    }

    @Test
    void claim_values_are_compared_exactly() {
        var mapping = RoleMapping.parse("Portal-Admins=ADMIN");

        assertThat(mapping.roles(List.of("portal-admins"), TENANT)).isEmpty();
    }

    @Test
    void the_written_form_reads_back_the_same() {
        var mapping = new RoleMapping(Map.of("portal-admins", "ADMIN"));

        assertThat(RoleMapping.parse(mapping.format())).isEqualTo(mapping);
    }

    @Test
    void a_line_without_an_equals_sign_is_refused_naming_it() {
        assertThatThrownBy(() -> RoleMapping.parse("portal-admins ADMIN"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"portal-admins ADMIN\"");
    }

    @Test
    void mapping_to_the_operator_role_or_an_unknown_one_is_refused() {
        assertThatThrownBy(() -> RoleMapping.parse("root=OPERATOR"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("OPERATOR");
        assertThatThrownBy(() -> RoleMapping.parse("root=BOSS"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("BOSS");
    }
}
