package io.thingseeportal.asset.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.treegrid.TreeGrid;
import io.thingseeportal.KaribuTest;
import io.thingseeportal.TestData;
import io.thingseeportal.asset.Asset;
import io.thingseeportal.asset.AssetService;
import io.thingseeportal.security.AppRoles;
import io.thingseeportal.security.SignInTenants;
import io.thingseeportal.tenant.SeenUser;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The admins' asset page: the tree, the changes to the selected place, and the CSV import's report. */
class AssetTreeViewTest extends KaribuTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AssetService assets;

    long tenantId;

    @Autowired
    SignInTenants signIns;

    @BeforeEach
    void anAdminOnTheAssetPage() {
        tenantId = TestData.tenant(jdbc, "Acme");
        signIn("aino", tenantId, AppRoles.ADMIN);
        UI.getCurrent().navigate("assets");
    }

    @Test
    void a_site_is_added_at_the_top_and_a_building_inside_the_selected_site() {
        _setValue(_get(TextField.class, spec -> spec.withId("asset-new-site")), "Oulu HQ");
        _click(_get(Button.class, spec -> spec.withId("asset-add-site")));

        assertThat(tree().asSingleSelect().getValue().pathText()).isEqualTo("Oulu HQ");
        TextField child = _get(TextField.class, spec -> spec.withId("asset-child-name"));
        assertThat(child.getLabel()).isEqualTo("New building inside");
        _setValue(child, "Building A");
        _click(_get(Button.class, spec -> spec.withId("asset-add-child")));

        assertThat(tree().asSingleSelect().getValue().pathText()).isEqualTo("Oulu HQ › Building A");
        assertThat(GridKt._size(tree())).isEqualTo(2);
    }

    @Test
    void a_name_the_siblings_have_is_refused_at_its_field() {
        assets.create(null, "Oulu HQ");
        _setValue(_get(TextField.class, spec -> spec.withId("asset-new-site")), "oulu hq");
        _click(_get(Button.class, spec -> spec.withId("asset-add-site")));

        TextField site = _get(TextField.class, spec -> spec.withId("asset-new-site"));
        assertThat(site.isInvalid()).isTrue();
        assertThat(site.getErrorMessage()).isEqualTo("There is already a place called oulu hq there.");
    }

    @Test
    void a_place_with_a_sensor_is_not_deleted_and_the_page_says_why() {
        Asset site = assets.create(null, "Oulu HQ");
        TestData.device(jdbc, tenantId, "TSPR04A", null);
        jdbc.sql("UPDATE device SET asset_id = ? WHERE tenant_id = ?")
                .params(site.id(), tenantId)
                .update();
        UI.getCurrent().navigate("assets");
        tree().select(site);

        _click(_get(Button.class, spec -> spec.withId("asset-delete")));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));

        assertThat(_get(Paragraph.class, spec -> spec.withId("asset-refused")).getText())
                .startsWith("A sensor is mounted at Oulu HQ");
        assertThat(assets.find(site.id())).isPresent();
    }

    @Test
    void an_imported_file_is_reported_row_by_row_and_its_places_appear_in_the_tree() throws Exception {
        var view = (AssetTreeView) currentView();
        byte[] csv = "site,building\nOulu HQ,Building A\n,Building B\n".getBytes(StandardCharsets.UTF_8);

        view.show(view.importFile(csv));

        assertThat(_get(Paragraph.class, spec -> spec.withId("asset-import-summary"))
                        .getText())
                .isEqualTo("Rows: 1 added, 0 there already, 1 refused.");
        @SuppressWarnings("unchecked")
        Grid<Object> report = _get(Grid.class, spec -> spec.withId("asset-import-report"));
        assertThat(GridKt._getFormattedRow(report, 1))
                .containsExactly(
                        "3",
                        " › Building B",
                        "A level in the middle is empty: fill in every level down to the last one.");
        assertThat(GridKt._size(tree())).isEqualTo(2);
    }

    @Test
    void an_admin_grants_a_contractor_installer_access_to_a_new_site_and_ends_it() {
        signIns.recordSignIn(
                tenantId, new SignInTenants.SeenUser("kalle", "Kalle Contractor", "kalle@contractor.example", null));
        UI.getCurrent().navigate("assets");
        _setValue(_get(TextField.class, spec -> spec.withId("asset-new-site")), "Oulu HQ");
        _click(_get(Button.class, spec -> spec.withId("asset-add-site")));

        @SuppressWarnings("unchecked")
        ComboBox<SeenUser> person = _get(ComboBox.class, spec -> spec.withId("installer-access-person"));
        _setValue(person, person.getListDataView().getItems().findFirst().orElseThrow());
        @SuppressWarnings("unchecked")
        ComboBox<Asset> site = _get(ComboBox.class, spec -> spec.withId("installer-access-site"));
        assertThat(site.getListDataView().getItems().map(Asset::name))
                .as("the new site offered")
                .containsExactly("Oulu HQ");
        _setValue(site, site.getListDataView().getItems().findFirst().orElseThrow());
        DatePicker lastDay = _get(DatePicker.class, spec -> spec.withId("installer-access-last-day"));
        _setValue(lastDay, LocalDate.now().minusDays(1));
        _click(_get(Button.class, spec -> spec.withId("installer-access-grant")));
        assertThat(lastDay.isInvalid()).isTrue();
        assertThat(lastDay.getErrorMessage()).isEqualTo("The last day cannot be in the past.");

        _setValue(lastDay, LocalDate.now().plusDays(3));
        _click(_get(Button.class, spec -> spec.withId("installer-access-grant")));

        Grid<?> grants = _get(Grid.class, spec -> spec.withId("installer-access-grants"));
        assertThat(GridKt._size(grants)).isEqualTo(1);
        assertThat(GridKt._getFormattedRow(grants, 0).subList(0, 2)).containsExactly("Kalle Contractor", "Oulu HQ");
        long grantId = jdbc.sql("SELECT id FROM installer_grant WHERE tenant_id = ?")
                .param(tenantId)
                .query(Long.class)
                .single();

        _click((Button) GridKt._getCellComponent(
                grants, 0, GridKt._getColumnByKey(grants, "end").getKey()));

        assertThat(GridKt._size(grants)).isZero();
        assertThat(jdbc.sql("SELECT ended_at IS NOT NULL FROM installer_grant WHERE id = ?")
                        .param(grantId)
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    @SuppressWarnings("unchecked")
    private static TreeGrid<Asset> tree() {
        return _get(TreeGrid.class, spec -> spec.withId("asset-tree"));
    }
}
