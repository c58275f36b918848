package io.thingseeportal.device;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import io.thingseeportal.MockedThingseeTest;
import io.thingseeportal.TestData;
import io.thingseeportal.security.AppRoles;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The device page listens for live changes only while it is open. */
class DevicePageSubscriptionTest extends MockedThingseeTest {

    @Autowired
    DeviceUpdates updates;

    @Test
    void the_page_subscribes_when_opened_and_unsubscribes_when_left() {
        long tenantId = TestData.tenant(jdbc, "Acme");
        DeviceRows.reportingDevice(jdbc, tenantId, "TSPR04SUBS", null, 80, Instant.now(), 300);
        signIn("Veera", tenantId, AppRoles.VIEWER);
        int before = updates.subscriptionCount();

        UI.getCurrent().navigate("devices/TSPR04SUBS");
        assertThat(updates.subscriptionCount()).isEqualTo(before + 1);

        // The group list, which follows no device (the start page does, for its counts).
        UI.getCurrent().navigate("groups");
        assertThat(updates.subscriptionCount()).isEqualTo(before);
    }

    @Test
    void a_page_moved_to_another_device_keeps_one_subscription() {
        long tenantId = TestData.tenant(jdbc, "Acme");
        DeviceRows.reportingDevice(jdbc, tenantId, "TSPR04SUBS1", null, 80, Instant.now(), 300);
        DeviceRows.reportingDevice(jdbc, tenantId, "TSPR04SUBS2", null, 70, Instant.now(), 300);
        signIn("Veera", tenantId, AppRoles.VIEWER);
        int before = updates.subscriptionCount();

        UI.getCurrent().navigate("devices/TSPR04SUBS1");
        UI.getCurrent().navigate("devices/TSPR04SUBS2");

        assertThat(updates.subscriptionCount()).isEqualTo(before + 1);
    }
}
