package io.thingseeportal.tenant.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import io.thingseeportal.KaribuTest;
import io.thingseeportal.TestData;
import io.thingseeportal.asset.InstallerAccessService;
import io.thingseeportal.security.AppRoles;
import io.thingseeportal.security.SignInTenants;
import io.thingseeportal.tenant.TenantService;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/** A customer admin sees who signed in to their organisation, with what role, and when; only their own. */
class TenantPeopleViewTest extends KaribuTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SignInTenants signIns;

    @Autowired
    TenantService tenants;

    @Autowired
    InstallerAccessService grants;

    long tenantId;

    @BeforeEach
    void peopleSeenAtTwoTenants() {
        tenantId = TestData.tenant(jdbc, "Borealis");
        long other = TestData.tenant(jdbc, "Acme");
        signIns.recordSignIn(
                tenantId,
                new SignInTenants.SeenUser("b-1", "Britt Lindqvist", "britt@borealis.example", AppRoles.ADMIN));
        signIns.recordSignIn(tenantId, new SignInTenants.SeenUser("b-2", "Gustav Berg", null, null));
        signIns.recordSignIn(other, new SignInTenants.SeenUser("a-1", "Aino Virtanen", null, AppRoles.ADMIN));
    }

    @Test
    void the_admin_sees_their_organisations_people_with_role_or_no_access_latest_first() {
        signIn("britt", tenantId, AppRoles.ADMIN);

        UI.getCurrent().navigate(TenantPeopleView.class);

        @SuppressWarnings("unchecked")
        Grid<Object> grid = _get(Grid.class, spec -> spec.withId("people"));
        assertThat(_size(grid)).isEqualTo(2);
        assertThat(GridKt._getFormattedRow(grid, 0).subList(0, 3)).containsExactly("Gustav Berg", "", "No access");
        assertThat(GridKt._getFormattedRow(grid, 1).subList(0, 3))
                .containsExactly("Britt Lindqvist", "britt@borealis.example", "Admin");
    }

    @Test
    void a_person_with_temporary_installer_access_is_shown_with_its_site_and_last_day() {
        long site = TestData.asset(jdbc, tenantId, null, "SITE", "Harbour warehouse");
        signIn("britt", tenantId, AppRoles.ADMIN);
        grants.grant("b-2", site, LocalDate.now().plusDays(3), ZoneId.systemDefault());

        UI.getCurrent().navigate(TenantPeopleView.class);

        @SuppressWarnings("unchecked")
        Grid<Object> grid = _get(Grid.class, spec -> spec.withId("people"));
        String lastDay = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(UI.getCurrent().getLocale())
                .format(LocalDate.now().plusDays(3));
        assertThat(GridKt._getFormattedRow(grid, 0).get(3))
                .isEqualTo("Installer at Harbour warehouse to the end of " + lastDay);
        assertThat(GridKt._getFormattedRow(grid, 1).get(3)).isEmpty();
    }

    @Test
    void installers_and_viewers_may_not_list_the_people() {
        signIn("bjorn", tenantId, AppRoles.INSTALLER);

        assertThatThrownBy(() -> tenants.seenUsers()).isInstanceOf(AccessDeniedException.class);
    }
}
