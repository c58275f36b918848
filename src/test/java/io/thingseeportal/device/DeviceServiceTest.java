package io.thingseeportal.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.thingseeportal.KaribuTest;
import io.thingseeportal.TestData;
import io.thingseeportal.security.AppRoles;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/** A group's devices, a page at a time, sorted in SQL and scoped to the signed-in user's tenant. */
class DeviceServiceTest extends KaribuTest {

    static final String OFFICE = "prfi00office";
    static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

    @Autowired
    DeviceService devices;

    @Autowired
    JdbcClient jdbc;

    long tenantId;

    @BeforeEach
    void aGroupOfFiveDevices() {
        tenantId = TestData.tenant(jdbc, "Acme");
        TestData.group(jdbc, tenantId, OFFICE);
        TestData.device(jdbc, tenantId, "TSPR04A", OFFICE, "presence", 80, NOW.minusSeconds(60));
        TestData.device(jdbc, tenantId, "TSPR04B", OFFICE, "presence", null, null);
        TestData.device(jdbc, tenantId, "TSEN01C", OFFICE, "environment", 15, NOW.minusSeconds(600));
        TestData.device(jdbc, tenantId, "TSAR01D", OFFICE, "air", 95, NOW);
        TestData.device(jdbc, tenantId, "TSLK01E", OFFICE, "leakage", 50, NOW.minusSeconds(3600));
        TestData.device(jdbc, tenantId, "TSPR04X", null);
        signIn("Aino", tenantId, AppRoles.ADMIN);
    }

    @Test
    void the_first_page_is_sorted_by_tuid_and_the_count_covers_the_whole_group() {
        assertThat(devices.groupDevices(OFFICE, DevicePage.first(3)))
                .extracting(GroupDevice::tuid)
                .containsExactly("TSAR01D", "TSEN01C", "TSLK01E");
        assertThat(devices.countGroupDevices(OFFICE)).isEqualTo(5);
    }

    @Test
    void a_later_page_continues_where_the_first_ended() {
        assertThat(devices.groupDevices(OFFICE, new DevicePage(3, 3, DeviceSort.TUID, false)))
                .extracting(GroupDevice::tuid)
                .containsExactly("TSPR04A", "TSPR04B");
    }

    @Test
    void sorting_by_battery_puts_devices_without_a_reading_last_in_both_directions() {
        assertThat(devices.groupDevices(OFFICE, new DevicePage(0, 10, DeviceSort.BATTERY, true)))
                .extracting(GroupDevice::tuid)
                .containsExactly("TSAR01D", "TSPR04A", "TSLK01E", "TSEN01C", "TSPR04B");
        assertThat(devices.groupDevices(OFFICE, new DevicePage(0, 10, DeviceSort.BATTERY, false)))
                .extracting(GroupDevice::tuid)
                .containsExactly("TSEN01C", "TSLK01E", "TSPR04A", "TSAR01D", "TSPR04B");
    }

    @Test
    void equal_values_are_ordered_by_tuid_so_that_pages_never_overlap() {
        assertThat(devices.groupDevices(OFFICE, new DevicePage(0, 2, DeviceSort.PRODUCT_TYPE, true)))
                .extracting(GroupDevice::tuid)
                .containsExactly("TSPR04B", "TSPR04A");
    }

    @Test
    void a_row_carries_what_thingsee_last_told_of_the_device() {
        assertThat(devices.groupDevices(OFFICE, new DevicePage(0, 1, DeviceSort.LAST_SEEN, true)))
                .containsExactly(new GroupDevice("TSAR01D", "air", null, "new", NOW, 95));
    }

    @Test
    void another_tenant_sees_no_device_of_the_group_and_changes_none() {
        signIn("Britt", TestData.tenant(jdbc, "Borealis"), AppRoles.ADMIN);

        assertThat(devices.groupDevices(OFFICE, DevicePage.first(10))).isEmpty();
        assertThat(devices.countGroupDevices(OFFICE)).isZero();
        assertThat(devices.inGroup(OFFICE, java.util.List.of("TSPR04A"))).isEmpty();
        assertThat(devices.assignGroup("TSPR04A", null)).isFalse();
        assertThat(devices.renameGroup(OFFICE, "prfi00lab")).isZero();

        signIn("Aino", tenantId, AppRoles.ADMIN);
        assertThat(devices.countGroupDevices(OFFICE)).isEqualTo(5);
    }

    @Test
    void a_viewer_reads_the_devices_but_changes_none() {
        signIn("Veera", tenantId, AppRoles.VIEWER);

        assertThat(devices.countGroupDevices(OFFICE)).isEqualTo(5);
        assertThatThrownBy(() -> devices.assignGroup("TSPR04A", null)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void an_installer_does_not_list_group_devices() {
        signIn("Ilkka", tenantId, AppRoles.INSTALLER);

        assertThatThrownBy(() -> devices.groupDevices(OFFICE, DevicePage.first(10)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_page_larger_than_the_limit_is_refused() {
        assertThatThrownBy(() -> DevicePage.first(DevicePage.MAX_LIMIT + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
