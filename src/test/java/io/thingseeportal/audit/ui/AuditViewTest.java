package io.thingseeportal.audit.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import io.thingseeportal.KaribuTest;
import io.thingseeportal.TestData;
import io.thingseeportal.audit.AuditAction;
import io.thingseeportal.audit.AuditLog;
import io.thingseeportal.security.AppRoles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The audit log page: an admin's of their organisation, an operator's of every tenant; filtered as one types. */
class AuditViewTest extends KaribuTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditLog audit;

    long acme;
    long borealis;
    String borealisSlug;

    @BeforeEach
    void entriesOfTwoTenants() {
        acme = TestData.tenant(jdbc, "Acme");
        borealis = TestData.tenant(jdbc, "Borealis");
        borealisSlug = TestData.slug(jdbc, borealis);
        signIn("Aino Admin", acme, AppRoles.ADMIN);
        audit.record(acme, AuditAction.GROUP_CHANGED, "prfi00office", "CREATED");
        audit.record(acme, AuditAction.CONFIGURATION_SENT, "TSPR04EZU31901021", "tsmId 13200 {threshold=200}");
        signIn("Britt Admin", borealis, AppRoles.ADMIN);
        audit.record(borealis, AuditAction.GROUP_CHANGED, "prse00store", "CREATED");
    }

    @Test
    void an_admin_sees_their_organisations_entries_newest_first_and_no_tenant_filter() {
        signIn("Aino Admin", acme, AppRoles.ADMIN);
        UI.getCurrent().navigate(AuditView.class);

        assertThat(_size(grid())).isEqualTo(2);
        assertThat(GridKt._getFormattedRow(grid(), 0).subList(1, 5))
                .containsExactly(
                        "Aino Admin (ADMIN)", "Configuration sent", "TSPR04EZU31901021", "tsmId 13200 {threshold=200}");
        assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._find(
                        TextField.class, spec -> spec.withId("audit-tenant")))
                .as("no tenant filter for an admin")
                .isEmpty();
    }

    @Test
    void choosing_what_narrows_the_list() {
        signIn("Aino Admin", acme, AppRoles.ADMIN);
        UI.getCurrent().navigate(AuditView.class);

        @SuppressWarnings("unchecked")
        Select<AuditAction> what = _get(Select.class, spec -> spec.withId("audit-action"));
        _setValue(what, AuditAction.GROUP_CHANGED);

        assertThat(_size(grid())).isEqualTo(1);
        assertThat(GridKt._getFormattedRow(grid(), 0)).contains("Group changed", "prfi00office");
    }

    @Test
    void an_operator_sees_every_tenants_entries_and_narrows_them_to_one_tenant() {
        signIn("Otto Operator", null, AppRoles.OPERATOR);
        UI.getCurrent().navigate(AuditView.class);
        assertThat(GridKt._getFormattedRow(grid(), 0).get(1)).isEqualTo(borealisSlug);

        _setValue(_get(TextField.class, spec -> spec.withId("audit-tenant")), borealisSlug);

        assertThat(_size(grid())).isEqualTo(1);
        assertThat(GridKt._getFormattedRow(grid(), 0)).contains("Britt Admin (ADMIN)", "prse00store");
    }

    @SuppressWarnings("unchecked")
    private static Grid<Object> grid() {
        return _get(Grid.class, spec -> spec.withId("audit-grid"));
    }
}
