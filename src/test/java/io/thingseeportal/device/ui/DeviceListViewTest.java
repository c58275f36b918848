package io.thingseeportal.device.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.DataKeyMapper;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.server.StreamResourceRegistry;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import io.thingseeportal.KaribuTest;
import io.thingseeportal.TestData;
import io.thingseeportal.device.DeviceFilter;
import io.thingseeportal.device.DeviceListItem;
import io.thingseeportal.device.DeviceStateChanged;
import io.thingseeportal.device.ProductType;
import io.thingseeportal.security.AppRoles;
import io.thingseeportal.thingsee.InstallationStatus;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The device list as admins, installers and viewers see it, on a desk and on a phone, and kept live. */
class DeviceListViewTest extends KaribuTest {

    static final String OFFICE = "prfi00office";
    static final String PRESENCE = "TSPR04AAA1";
    static final String AIR = "TSAR01BBB2";

    @Autowired
    JdbcClient jdbc;

    long tenantId;
    Instant now;

    @BeforeEach
    void twoDevices() {
        tenantId = TestData.tenant(jdbc, "Acme");
        now = Instant.now();
        device(PRESENCE, OFFICE, "installed", now.minus(Duration.ofMinutes(3)), 80, "1.2.0");
        device(AIR, null, "new", null, 12, null);
        TestData.device(jdbc, TestData.tenant(jdbc, "Borealis"), "TSPR04OTHER", OFFICE);
    }

    @Test
    void each_row_shows_product_tuid_link_group_asset_status_last_seen_battery_and_firmware() {
        open(AppRoles.VIEWER);

        assertThat(GridKt._size(grid())).isEqualTo(2);
        assertThat(cell(1, "PRODUCT_TYPE")).isEqualTo("Thingsee PRESENCE");
        assertThat(((Anchor) GridKt._getCellComponent(grid(), 1, "TUID")).getHref())
                .isEqualTo("devices/" + PRESENCE);
        assertThat(GridKt._getFormatted(grid(), 1, "GROUP")).isEqualTo(OFFICE);
        assertThat(GridKt._getFormatted(grid(), 0, "GROUP")).isEqualTo("No group (unassigned)");
        assertThat(GridKt._getFormatted(grid(), 1, "ASSET")).isEqualTo("Lobby");
        assertThat(GridKt._getFormatted(grid(), 1, "INSTALLATION_STATUS")).isEqualTo("Installed");
        assertThat(cell(1, "LAST_SEEN")).isEqualTo("3 min ago");
        assertThat(GridKt._getCellComponent(grid(), 1, "LAST_SEEN").getElement().getAttribute("title"))
                .contains(String.valueOf(
                        now.atZone(java.time.ZoneId.systemDefault()).getYear()));
        assertThat(cell(0, "LAST_SEEN")).isEqualTo("Never");
        assertThat(cell(1, "BATTERY")).isEqualTo("80 %");
        assertThat(GridKt._getFormatted(grid(), 1, "FIRMWARE")).isEqualTo("1.2.0");
    }

    @Test
    void a_battery_at_or_below_20_per_cent_is_a_red_bar() {
        open(AppRoles.VIEWER);

        assertThat(batteryBar(0).getThemeNames()).contains("error");
        assertThat(batteryBar(1).getThemeNames()).doesNotContain("error");
        assertThat(batteryBar(1).getValue()).isEqualTo(80);
    }

    @Test
    void in_finnish_the_headers_status_and_last_seen_read_in_finnish() {
        signIn("Aino", tenantId, AppRoles.VIEWER);
        UI.getCurrent().setLocale(Locale.forLanguageTag("fi"));
        UI.getCurrent().navigate("devices");

        assertThat(GridKt._getColumnByKey(grid(), "INSTALLATION_STATUS").getHeaderText())
                .isEqualTo("Asennuksen tila");
        assertThat(cell(1, "LAST_SEEN")).isEqualTo("3 min sitten");
        assertThat(cell(0, "LAST_SEEN")).isEqualTo("Ei koskaan");
    }

    @Test
    void each_filter_narrows_the_list_and_an_empty_result_says_so() {
        open(AppRoles.INSTALLER);

        _setValue(_get(TextField.class, spec -> spec.withId("device-search")), "ar01");
        assertThat(tuids()).containsExactly(AIR);

        _setValue(_get(TextField.class, spec -> spec.withId("device-search")), "");
        _setValue(select("device-product"), ProductType.PRESENCE);
        assertThat(tuids()).containsExactly(PRESENCE);

        _setValue(select("device-product"), null);
        _setValue(select("device-status"), InstallationStatus.NEW);
        assertThat(tuids()).containsExactly(AIR);

        _setValue(select("device-status"), null);
        _setValue(_get(IntegerField.class, spec -> spec.withId("device-battery")), 20);
        assertThat(tuids()).containsExactly(AIR);

        _setValue(_get(IntegerField.class, spec -> spec.withId("device-battery")), null);
        _setValue(select("device-not-seen"), Duration.ofHours(1));
        assertThat(tuids()).containsExactly(AIR);

        _setValue(select("device-not-seen"), null);
        _setValue(groupFilter(), OFFICE);
        assertThat(tuids()).containsExactly(PRESENCE);

        _setValue(groupFilter(), DeviceFilter.NO_GROUP);
        _setValue(select("device-status"), InstallationStatus.INSTALLED);
        assertThat(tuids()).isEmpty();
        assertThat(grid().getEmptyStateText()).isEqualTo("No device matches the filters.");
    }

    @Test
    void the_group_filter_offers_the_groups_of_the_tenants_devices_and_no_group() {
        open(AppRoles.VIEWER);

        assertThat(groupFilter().getLazyDataView().getItems()).containsExactly(OFFICE, DeviceFilter.NO_GROUP);
    }

    @Test
    void a_tenant_without_devices_is_told_where_they_come_from() {
        signIn("Aino", TestData.tenant(jdbc, "Empty"), AppRoles.ADMIN);
        UI.getCurrent().navigate("devices");

        assertThat(GridKt._size(grid())).isZero();
        assertThat(grid().getEmptyStateText()).startsWith("No devices yet.");
    }

    @Test
    void sorting_by_battery_puts_the_emptiest_first() {
        open(AppRoles.ADMIN);

        GridKt._sortByKey(grid(), "BATTERY", SortDirection.ASCENDING);
        assertThat(tuids()).containsExactly(AIR, PRESENCE);
        GridKt._sortByKey(grid(), "BATTERY", SortDirection.DESCENDING);
        assertThat(tuids()).containsExactly(PRESENCE, AIR);
    }

    @Test
    void on_a_phone_each_device_is_one_card_and_on_a_desk_the_columns_return() {
        open(AppRoles.INSTALLER);
        var view = (DeviceListView) currentView();
        // Karibu's browser tells its window size (1846 px wide) on the first round trip: a desk.
        MockVaadin.clientRoundtrip();
        assertThat(grid().getColumnByKey("card").isVisible()).isFalse();

        view.fitWidth(360);
        assertThat(grid().getColumns().stream().filter(Grid.Column::isVisible).map(Grid.Column::getKey))
                .containsExactly("card");
        assertThat(GridKt._getCellComponent(grid(), 1, "card").getElement().getTextRecursively())
                .contains("Thingsee PRESENCE", PRESENCE, OFFICE, "Lobby", "Installed", "3 min ago", "80 %");

        view.fitWidth(1280);
        assertThat(grid().getColumnByKey("card").isVisible()).isFalse();
        assertThat(grid().getColumnByKey("TUID").isVisible()).isTrue();
    }

    @Test
    void on_a_phone_the_filters_other_than_the_search_fold_away_and_still_filter() {
        open(AppRoles.INSTALLER);
        var view = (DeviceListView) currentView();
        MockVaadin.clientRoundtrip();
        _assertNone(Details.class, spec -> spec.withId("device-more-filters"));

        view.fitWidth(360);
        Details more = _get(Details.class, spec -> spec.withId("device-more-filters"));
        assertThat(more.isOpened()).isFalse();
        _get(more, Select.class, spec -> spec.withId("device-product"));
        _setValue(select("device-product"), ProductType.PRESENCE);
        assertThat(tuids()).containsExactly(PRESENCE);

        view.fitWidth(1280);
        _assertNone(Details.class, spec -> spec.withId("device-more-filters"));
        assertThat(select("device-product").getValue()).isEqualTo(ProductType.PRESENCE);
    }

    @Test
    void a_live_change_of_a_shown_device_updates_its_row() {
        open(AppRoles.VIEWER);
        showRows();
        assertThat(shownItem(PRESENCE).batteryLevel()).isEqualTo(80);

        jdbc.sql("UPDATE device SET battery_level = 40, firmware = '1.3.0' WHERE tenant_id = ? AND tuid = ?")
                .params(tenantId, PRESENCE)
                .update();
        context.publishEvent(new DeviceStateChanged(tenantId, Set.of(PRESENCE)));

        await().pollInSameThread().atMost(Duration.ofSeconds(10)).until(() -> {
            MockVaadin.clientRoundtrip();
            return shownItem(PRESENCE).batteryLevel() == 40;
        });
        assertThat(shownItem(PRESENCE).firmware()).isEqualTo("1.3.0");
    }

    @Test
    void a_device_that_appears_live_is_added_to_the_list() {
        open(AppRoles.VIEWER);
        showRows();

        device("TSLK01CCC3", OFFICE, "new", now, 90, null);
        context.publishEvent(new DeviceStateChanged(tenantId, Set.of("TSLK01CCC3")));

        await().pollInSameThread().atMost(Duration.ofSeconds(10)).until(() -> {
            MockVaadin.clientRoundtrip();
            return shown("TSLK01CCC3");
        });
    }

    @Test
    void export_csv_downloads_the_filtered_list_of_the_tenant_in_the_lists_order() throws Exception {
        device("TSPR04CCC3", OFFICE, "installed", now.minus(Duration.ofHours(2)), 15, "2.0.1");
        jdbc.sql("UPDATE device SET asset_name = ? WHERE tenant_id = ? AND tuid = ?")
                .params("Kitchen, \"2nd\" floor", tenantId, "TSPR04CCC3")
                .update();
        device("TSPR04DDD4", OFFICE, "installed", now, 90, null);
        open(AppRoles.VIEWER);
        _setValue(groupFilter(), OFFICE);
        _setValue(_get(IntegerField.class, spec -> spec.withId("device-battery")), 80);
        GridKt._sortByKey(grid(), "BATTERY", SortDirection.DESCENDING);
        GridKt._fetch(grid(), 0, 10);

        var response = Mockito.mock(VaadinResponse.class);
        var body = new ByteArrayOutputStream();
        Mockito.when(response.getOutputStream()).thenReturn(body);
        exportHandler()
                .handleDownloadRequest(new DownloadEvent(
                        VaadinRequest.getCurrent(),
                        response,
                        VaadinSession.getCurrent(),
                        _get(Anchor.class, spec -> spec.withId("export-csv")).getElement()));

        // The office's devices at or below 80 %, fullest first as sorted; not the other tenant's office device.
        String[] lines = body.toString(StandardCharsets.UTF_8).split("\r\n", -1);
        assertThat(lines).hasSize(4);
        assertThat(lines[0])
                .isEqualTo("tuid,product,group,asset,installation_status,last_seen,stale_at,battery_percent,firmware");
        assertThat(lines[1])
                .startsWith(PRESENCE + ",Thingsee PRESENCE," + OFFICE + ",Lobby,installed,")
                .endsWith(",80,1.2.0");
        assertThat(lines[2])
                .startsWith("TSPR04CCC3,Thingsee PRESENCE," + OFFICE + ",\"Kitchen, \"\"2nd\"\" floor\",installed,")
                .endsWith(",15,2.0.1");
        assertThat(lines[3]).isEmpty();
        Mockito.verify(response).setContentType("text/csv; charset=utf-8");
        Mockito.verify(response).setHeader(Mockito.eq("Content-Disposition"), Mockito.contains("devices.csv"));
    }

    /** The handler behind the list's "Export CSV" link, as the session serves it to the browser. */
    private static DownloadHandler exportHandler() {
        String href = _get(Anchor.class, spec -> spec.withId("export-csv")).getHref();
        var resource = VaadinSession.getCurrent()
                .getResourceRegistry()
                .getResource(URI.create(href))
                .orElseThrow();
        return (DownloadHandler) ((StreamResourceRegistry.ElementStreamResource) resource).getElementRequestHandler();
    }

    private void open(String role) {
        signIn("Aino", tenantId, role);
        UI.getCurrent().navigate("devices");
    }

    /** As the browser does: asks for the first rows, which the grid then holds. */
    private static void showRows() {
        grid().getDataCommunicator().setViewportRange(0, 50);
        MockVaadin.clientRoundtrip();
    }

    private static boolean shown(String tuid) {
        return grid().getDataCommunicator().getKeyMapper().has(probe(tuid));
    }

    /** The row the grid holds now for the device, not a fresh read of the database. */
    private static DeviceListItem shownItem(String tuid) {
        DataKeyMapper<DeviceListItem> keys = grid().getDataCommunicator().getKeyMapper();
        assertThat(keys.has(probe(tuid))).isTrue();
        return keys.get(keys.key(probe(tuid)));
    }

    private static DeviceListItem probe(String tuid) {
        return new DeviceListItem(tuid, null, null, null, "new", null, null, null, null, false);
    }

    @SuppressWarnings("unchecked")
    private static Grid<DeviceListItem> grid() {
        return _get(Grid.class, spec -> spec.withId("devices"));
    }

    private static String cell(int row, String key) {
        return GridKt._getCellComponent(grid(), row, key).getElement().getTextRecursively();
    }

    private static ProgressBar batteryBar(int row) {
        return (ProgressBar) GridKt._getCellComponent(grid(), row, "BATTERY")
                .getChildren()
                .findFirst()
                .orElseThrow();
    }

    private static List<String> tuids() {
        return GridKt._fetch(grid(), 0, 100).stream().map(DeviceListItem::tuid).toList();
    }

    @SuppressWarnings("unchecked")
    private static <T> Select<T> select(String id) {
        return _get(Select.class, spec -> spec.withId(id));
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<String> groupFilter() {
        return _get(ComboBox.class, spec -> spec.withId("device-group"));
    }

    private void device(
            String tuid,
            @Nullable String group,
            String status,
            @Nullable Instant lastSeen,
            @Nullable Integer battery,
            @Nullable String firmware) {
        jdbc.sql("INSERT INTO device (tenant_id, tuid, created_at, group_id, product_type, asset_name,"
                        + " installation_status, last_seen, stale_at, battery_level, firmware)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        tenantId,
                        tuid,
                        Timestamp.from(now),
                        group,
                        ProductType.ofTuid(tuid).map(ProductType::productName).orElse(null),
                        group == null ? null : "Lobby",
                        status,
                        lastSeen == null ? null : Timestamp.from(lastSeen),
                        lastSeen == null ? null : Timestamp.from(lastSeen.plus(Duration.ofMinutes(15))),
                        battery,
                        firmware)
                .update();
    }
}
