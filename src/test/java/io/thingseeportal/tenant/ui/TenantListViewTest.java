package io.thingseeportal.tenant.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import io.thingseeportal.KaribuTest;
import io.thingseeportal.TestData;
import io.thingseeportal.security.ActiveTenants;
import io.thingseeportal.security.AppRoles;
import io.thingseeportal.security.SignInTenants;
import io.thingseeportal.tenant.TenantService;
import io.thingseeportal.tenant.TenantStatus;
import io.thingseeportal.tenant.TenantSummary;
import io.thingseeportal.tenant.UnknownTenantException;
import io.thingseeportal.thingsee.RecentApiErrors;
import io.thingseeportal.thingsee.ThingseeCredentials;
import io.thingseeportal.thingsee.ThingseeSettings;
import io.thingseeportal.thingsee.ThingseeStacks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/** The operator disables a tenant, whose users then lose their access, and enables it again. */
class TenantListViewTest extends KaribuTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TenantService tenants;

    @Autowired
    SignInTenants signInTenants;

    @Autowired
    ActiveTenants activeTenants;

    @Autowired
    RecentApiErrors errors;

    @Autowired
    ThingseeStacks stacks;

    @Autowired
    ThingseeCredentials credentials;

    long tenantId;
    String slug;

    @BeforeEach
    void anOperatorOnTheTenantList() {
        tenantId = TestData.tenant(jdbc, "Acme Facilities");
        slug = TestData.slug(jdbc, tenantId);
        signIn("olli", null, AppRoles.OPERATOR);
        UI.getCurrent().navigate(TenantListView.class);
    }

    @Test
    void each_tenant_shows_its_stream_and_its_failed_thingsee_calls_of_the_last_hour() {
        credentials.save(
                tenantId, new ThingseeSettings("https://stack.example/prod/v1", "acme-client", false), "secret");
        errors.record(stacks.require(slug), "GET", "groups", "503", "Service Unavailable");
        errors.record(stacks.require(slug), "POST", "things/{tuid}/commands", "unreachable", "Connection refused");
        long other = TestData.tenant(jdbc, "Initech");
        UI.getCurrent().navigate(TenantListView.class);

        Span api = health(slug, "tenant-api-");
        assertThat(api.getText()).startsWith("API: 2 errors in the last hour, last unreachable at ");
        assertThat(api.getTitle())
                .hasValueSatisfying(title -> assertThat(title)
                        .contains("POST things/{tuid}/commands → unreachable: Connection refused")
                        .contains("GET groups → 503: Service Unavailable"));
        // The tests run without data streams (portal.mqtt.enabled=false).
        assertThat(health(slug, "tenant-stream-").getText()).isEqualTo("No data stream");
        assertThat(health(TestData.slug(jdbc, other), "tenant-api-").getText()).isEqualTo("No Thingsee API");
    }

    @Test
    void a_tenant_whose_thingsee_credentials_cannot_be_used_is_shown_so_and_the_list_still_opens() {
        // The test profile seeds acme's stack with ${local.server.port}, which a test without a server cannot resolve.
        jdbc.sql("INSERT INTO tenant (slug, name, created_at) VALUES ('acme', 'Acme', CURRENT_TIMESTAMP)"
                        + " ON CONFLICT DO NOTHING")
                .update();

        UI.getCurrent().navigate(TenantListView.class);

        Span api = health("acme", "tenant-api-");
        assertThat(api.getText()).isEqualTo("Thingsee API unusable: see its page");
        assertThat(api.getTitle()).hasValueSatisfying(title -> assertThat(title).contains("local.server.port"));
    }

    @Test
    void the_operator_disables_a_tenant_after_confirming_and_its_users_lose_access() {
        assertThat(status().getText()).isEqualTo("Active");

        _click(action());
        assertThat(activeTenants.isActive(tenantId))
                .as("nothing changes before the confirmation")
                .isTrue();
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));

        assertThat(activeTenants.isActive(tenantId)).isFalse();
        assertThat(signInTenants.findForSignIn(slug).orElseThrow().active()).isFalse();
        assertThat(status().getText()).isEqualTo("Disabled");
        assertThat(action().getId()).contains("tenant-enable-" + slug);
        assertThat(TestData.audit(jdbc, tenantId)).containsExactly("TENANT_STATUS_CHANGED " + slug + ": DISABLED");
    }

    @Test
    void the_operator_enables_a_disabled_tenant_again() {
        jdbc.sql("UPDATE tenant SET status = 'DISABLED' WHERE id = ?")
                .param(tenantId)
                .update();
        UI.getCurrent().navigate(TenantListView.class);

        _click(action());

        assertThat(activeTenants.isActive(tenantId)).isTrue();
        assertThat(status().getText()).isEqualTo("Active");
    }

    @Test
    void the_list_shows_each_tenants_status() {
        Grid<TenantSummary> grid = grid();

        assertThat(GridKt._size(grid)).isGreaterThanOrEqualTo(1);
        assertThat(GridKt._findAll(grid))
                .filteredOn(tenant -> tenant.id() == tenantId)
                .singleElement()
                .extracting(TenantSummary::status)
                .isEqualTo(TenantStatus.ACTIVE);
    }

    @Test
    void only_an_operator_changes_a_tenants_status_and_only_of_a_tenant_that_is_there() {
        assertThatThrownBy(() -> tenants.setStatus(Long.MAX_VALUE, TenantStatus.DISABLED))
                .isInstanceOf(UnknownTenantException.class);

        signIn("aino", tenantId, AppRoles.ADMIN);

        assertThatThrownBy(() -> tenants.setStatus(tenantId, TenantStatus.DISABLED))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(activeTenants.isActive(tenantId)).isTrue();
    }

    private Span status() {
        return (Span) GridKt._getCellComponent(grid(), row(), "status");
    }

    private Button action() {
        return (Button) GridKt._getCellComponent(grid(), row(), "access");
    }

    @SuppressWarnings("unchecked")
    private Grid<TenantSummary> grid() {
        return _get(Grid.class, spec -> spec.withId("tenants"));
    }

    /** The row of the test's tenant. */
    private int row() {
        return row(slug);
    }

    private int row(String tenantSlug) {
        Grid<TenantSummary> grid = grid();
        for (int row = 0; row < GridKt._size(grid); row++) {
            if (GridKt._get(grid, row).slug().equals(tenantSlug)) {
                return row;
            }
        }
        throw new AssertionError("The tenant " + tenantSlug + " is not listed");
    }

    /** A badge of the tenant's health cell: {@code tenant-api-} or {@code tenant-stream-}. */
    private Span health(String tenantSlug, String badge) {
        var cell = (TenantHealthCell) GridKt._getCellComponent(grid(), row(tenantSlug), "health");
        return (Span) cell.getElement()
                .getChildren()
                .map(element -> element.getComponent().orElseThrow())
                .filter(component -> component.getId().orElse("").equals(badge + tenantSlug))
                .findFirst()
                .orElseThrow();
    }
}
