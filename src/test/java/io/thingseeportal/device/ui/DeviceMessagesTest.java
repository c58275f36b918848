package io.thingseeportal.device.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static io.thingseeportal.device.DeviceRows.message;
import static io.thingseeportal.device.DeviceRows.reading;
import static io.thingseeportal.device.DeviceRows.reportingDevice;
import static io.thingseeportal.device.ui.LivePage.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.internal.PendingJavaScriptInvocation;
import com.vaadin.flow.component.internal.UIInternals;
import io.thingseeportal.MockedThingseeTest;
import io.thingseeportal.TestData;
import io.thingseeportal.device.DeviceStateChanged;
import io.thingseeportal.device.RecentMessage;
import io.thingseeportal.security.AppRoles;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The device page's messages grid following its device: at its top it shows new messages first; scrolled down it holds
 * still and is not read again, until the user scrolls back to the top.
 */
class DeviceMessagesTest extends MockedThingseeTest {

    static final String TUID = "TSPR04GRID000001";

    @Autowired
    Clock clock;

    long tenantId;
    Instant now;

    @BeforeEach
    void aPresenceSensorWithTwoMessages() {
        now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant seen = now.minusSeconds(330);
        tenantId = TestData.tenant(jdbc, "Acme");
        reportingDevice(jdbc, tenantId, TUID, "prfi00office", 87, seen, 300);
        reading(jdbc, tenantId, TUID, 1110, seen, "\"batl\":87");
        reading(jdbc, tenantId, TUID, 13100, seen, "\"moveCount\":12");
        signIn("Ilkka", tenantId, AppRoles.INSTALLER);
    }

    @Test
    void the_messages_grid_at_its_top_shows_a_new_message_first() {
        open();
        Grid<RecentMessage> grid = messages();
        browserShowsRows(grid, 0);

        aBatteryMessage(42);

        awaitUi(() -> GridKt._size(grid) == 3);
        assertThat(GridKt._get(grid, 0).time()).isEqualTo(now);
    }

    @Test
    void the_messages_grid_is_not_read_again_when_no_message_arrived() {
        open();
        Grid<RecentMessage> grid = messages();
        browserShowsRows(grid, 0);
        AtomicInteger refreshes = refreshesOf(grid);

        jdbc.sql("UPDATE device SET battery_level = 42 WHERE tenant_id = ? AND tuid = ?")
                .params(tenantId, TUID)
                .update();
        changed();

        awaitUi(() -> text("device-battery").equals("42 %"));
        assertThat(refreshes).hasValue(0);
    }

    @Test
    void the_messages_grid_scrolled_down_is_not_read_again_when_messages_arrive() {
        olderMessages(120);
        open();
        Grid<RecentMessage> grid = messages();
        browserShowsRows(grid, 100);
        AtomicInteger refreshes = refreshesOf(grid);

        aBatteryMessage(42);

        awaitUi(() -> text("device-battery").equals("42 %"));
        assertThat(refreshes).hasValue(0);
        assertThat(GridKt._size(grid)).as("rows, still without the new message").isEqualTo(122);
    }

    @Test
    void the_messages_grid_scrolled_back_to_the_top_shows_the_messages_that_arrived_meanwhile() {
        olderMessages(120);
        open();
        Grid<RecentMessage> grid = messages();
        browserShowsRows(grid, 100);
        aBatteryMessage(42);
        awaitUi(() -> text("device-battery").equals("42 %"));

        browserShowsRows(grid, 0);

        awaitUi(() -> GridKt._size(grid) == 123);
        assertThat(GridKt._get(grid, 0).time()).isEqualTo(now);
    }

    @Test
    void messages_that_come_faster_than_the_grid_catches_up_are_shown_together_when_it_does() {
        open();
        Grid<RecentMessage> grid = messages();
        browserShowsRows(grid, 0);
        aBatteryMessage(42);
        awaitUi(() -> GridKt._size(grid) == 3);

        aBatteryMessage(41, now.plusSeconds(1));
        aBatteryMessage(40, now.plusSeconds(2));

        awaitUi(() -> text("device-battery").equals("40 %"));
        assertThat(GridKt._size(grid)).as("the grid caught up a moment ago").isEqualTo(3);
        awaitUi(DeviceMessages.CATCH_UP.plusSeconds(5), () -> GridKt._size(grid) == 5);
        assertThat(GridKt._get(grid, 0).time()).isEqualTo(now.plusSeconds(2));
    }

    @Test
    void an_open_message_stays_open_when_new_messages_arrive() {
        open();
        Grid<RecentMessage> grid = messages();
        browserShowsRows(grid, 0);
        RecentMessage opened = GridKt._get(grid, 0);
        grid.setDetailsVisible(opened, true);

        aBatteryMessage(42);

        awaitUi(() -> GridKt._size(grid) == 3);
        assertThat(grid.isDetailsVisible(opened)).isTrue();
    }

    /** A battery message as the ingest takes it in: the device row, the history and the latest value; then its event. */
    private void aBatteryMessage(int level) {
        aBatteryMessage(level, now);
    }

    private void aBatteryMessage(int level, Instant at) {
        jdbc.sql("UPDATE device SET battery_level = ? WHERE tenant_id = ? AND tuid = ?")
                .params(level, tenantId, TUID)
                .update();
        reading(jdbc, tenantId, TUID, 1110, at, "\"batl\":" + level);
        changed();
    }

    private void changed() {
        context.publishEvent(new DeviceStateChanged(tenantId, Set.of(TUID)));
    }

    private void olderMessages(int count) {
        for (int i = 1; i <= count; i++) {
            message(jdbc, tenantId, TUID, 13100, now.minus(Duration.ofMinutes(10 + i)), "\"moveCount\":" + i);
        }
    }

    private static void open() {
        UI.getCurrent().navigate("devices/" + TUID);
    }

    /**
     * The browser, which has the page, scrolled the grid to show the rows from {@code first} on: it asks for them, and
     * confirms the answer as the grid's connector does, upon which the server forgets the rows out of view.
     */
    private static void browserShowsRows(Grid<RecentMessage> grid, int first) {
        MockVaadin.clientRoundtrip();
        UIInternals internals = UI.getCurrent().getInternals();
        // Sent: from now on the grid updates what the browser has instead of sending its first page afresh.
        internals.getStateTree().collectChanges(change -> {});
        grid.getDataCommunicator().setViewportRange(first, 20);
        internals.getStateTree().runExecutionsBeforeClientResponse();
        for (PendingJavaScriptInvocation call : internals.dumpPendingJavaScriptInvocations()) {
            List<Object> parameters = call.getInvocation().getParameters();
            if (call.getOwner() == grid.getElement().getNode()
                    && call.getInvocation().getExpression().contains("$connector.confirm")) {
                grid.getDataCommunicator().confirmUpdate(((Number) parameters.get(parameters.size() - 1)).intValue());
            }
        }
        MockVaadin.clientRoundtrip();
    }

    private static AtomicInteger refreshesOf(Grid<RecentMessage> grid) {
        var refreshes = new AtomicInteger();
        grid.getDataProvider().addDataProviderListener(event -> refreshes.incrementAndGet());
        return refreshes;
    }

    @SuppressWarnings("unchecked")
    private static Grid<RecentMessage> messages() {
        return _get(Grid.class, spec -> spec.withId("device-messages"));
    }
}
