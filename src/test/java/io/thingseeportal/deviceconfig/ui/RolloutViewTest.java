package io.thingseeportal.deviceconfig.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import io.thingseeportal.MockedThingseeTest;
import io.thingseeportal.TestData;
import io.thingseeportal.bulk.BulkJobs;
import io.thingseeportal.device.DeviceStateChanged;
import io.thingseeportal.device.MessageType;
import io.thingseeportal.deviceconfig.ConfigurationRollouts;
import io.thingseeportal.deviceconfig.RolloutRequest;
import io.thingseeportal.security.AppRoles;
import io.thingseeportal.thingsee.CommandReceipt;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A rollout from the group page: only the parameters filled in go out, "Check" says who gets it and who is skipped
 * why, and "Start" opens the rollout's page, which follows the engine and the commands live.
 */
class RolloutViewTest extends MockedThingseeTest {

    static final String OFFICE = "prfi00office";

    @Autowired
    ConfigurationRollouts rollouts;

    @Autowired
    BulkJobs jobs;

    long tenantId;

    @BeforeEach
    void anOfficeOfTwentyPresenceSensorsAndTwoEnvironmentSensors() {
        tenantId = TestData.tenant(jdbc, "Acme");
        TestData.group(jdbc, tenantId, OFFICE);
        Instant now = Instant.now();
        for (int i = 0; i < 20; i++) {
            TestData.device(
                    jdbc,
                    tenantId,
                    String.format("TSPR04VIEW%07d", i),
                    OFFICE,
                    "Thingsee PRESENCE",
                    80,
                    now.minusSeconds(60));
        }
        TestData.device(jdbc, tenantId, "TSPD02VIEW0000001", OFFICE, "Thingsee ENVIRONMENT", 80, now.minusSeconds(60));
        TestData.device(jdbc, tenantId, "TSPD02VIEW0000002", OFFICE, "Thingsee ENVIRONMENT", 80, now.minusSeconds(60));
        jdbc.sql("UPDATE device SET stale_at = ? WHERE tenant_id = ?")
                .params(Timestamp.from(now.plus(Duration.ofHours(1))), tenantId)
                .update();
        when(stacks.forTenant(anyString())).thenReturn(Optional.of(STACK));
        when(thingsee.sendCommands(eq(STACK), anyString(), any()))
                .thenAnswer(call -> new CommandReceipt("api-user", call.getArgument(2)));
        signIn("Aino", tenantId, AppRoles.ADMIN);
    }

    @Test
    void an_admin_rolls_a_threshold_out_to_a_group_and_follows_it_to_the_end() {
        checkAThresholdForTheOffice();
        assertThat(_get(Paragraph.class, spec -> spec.withId("rollout-plan")).getText())
                .isEqualTo("20 devices get it. Skipped: other product 2.");
        _click(_get(Button.class, spec -> spec.withId("rollout-start")));

        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath())
                .startsWith("rollouts/");
        awaitUi(() -> _get(Paragraph.class, spec -> spec.withId("rollout-commands"))
                .getText()
                .equals("Commands: Sent 20"));
        @SuppressWarnings("unchecked")
        Grid<io.thingseeportal.bulk.BulkItemView> leftOut = _get(Grid.class, spec -> spec.withId("rollout-left-out"));
        assertThat(GridKt._size(leftOut)).isEqualTo(2);
        assertThat(GridKt._getFormattedRow(leftOut, 0)).contains("other product");
        String jobId =
                UI.getCurrent().getInternals().getActiveViewLocation().getPath().substring("rollouts/".length());
        assertThat(_get(
                                com.vaadin.flow.component.html.Anchor.class,
                                spec -> spec.withText("This rollout's commands in the inventory"))
                        .getHref())
                .isEqualTo("commands?job=" + jobId);
    }

    @Test
    void a_rollout_larger_than_the_organisation_allows_says_so_and_cannot_start() {
        jdbc.sql("UPDATE tenant SET rollout_max_devices = 10 WHERE id = ?")
                .param(tenantId)
                .update();

        checkAThresholdForTheOffice();

        assertThat(_get(Paragraph.class, spec -> spec.withId("rollout-plan")).getText())
                .isEqualTo("20 devices get it. Skipped: other product 2. Your organisation allows at most 10 devices in"
                        + " one rollout: choose fewer, or ask an admin to change the limit in the settings.");
        assertThat(_get(Button.class, spec -> spec.withId("rollout-start")).isEnabled())
                .isFalse();
    }

    private void checkAThresholdForTheOffice() {
        UI.getCurrent().navigate("groups/" + OFFICE);
        _click(_get(Button.class, spec -> spec.withId("configure-devices")));
        @SuppressWarnings("unchecked")
        Select<MessageType> message = _get(Select.class, spec -> spec.withId("configuration-message"));
        _setValue(
                message,
                message.getListDataView()
                        .getItems()
                        .filter(type -> type.tsmId() == 13200)
                        .findFirst()
                        .orElseThrow());
        IntegerField threshold = _get(IntegerField.class, spec -> spec.withId("parameter-threshold"));
        assertThat(threshold.getValue())
                .as("a rollout sends only what is filled in")
                .isNull();
        _setValue(threshold, 200);

        _click(_get(Button.class, spec -> spec.withId("rollout-check")));
    }

    @Test
    void the_counts_follow_changes_of_commands_and_not_every_report_of_the_devices() {
        long jobId = rollouts.start(
                new RolloutRequest(13200, Map.of("threshold", 200), List.of(), OFFICE, false, false, null));
        UI.getCurrent().navigate("rollouts/" + jobId);
        awaitUi(() -> jobs.job(jobId).state().isFinal() && counts().equals("Commands: Sent 20"));
        // The job's last changes reach the page within a quarter of a second of each other.
        roundtripsFor(Duration.ofMillis(600));
        String tuid = String.format("TSPR04VIEW%07d", 0);
        jdbc.sql("UPDATE device_command SET state = 'CONFIRMED' WHERE tenant_id = ? AND tuid = ?")
                .params(tenantId, tuid)
                .update();

        context.publishEvent(new DeviceStateChanged(tenantId, Set.of(tuid)));
        roundtripsFor(Duration.ofMillis(600));
        assertThat(counts()).as("a report does not count the commands again").isEqualTo("Commands: Sent 20");

        context.publishEvent(DeviceStateChanged.ofCommands(tenantId, Set.of(tuid)));
        awaitUi(() -> counts().equals("Commands: Sent 19 · Confirmed 1"));
    }

    @Test
    void another_tenants_rollout_is_not_found() {
        UI.getCurrent().navigate("rollouts/999999");

        assertThat(_get(Paragraph.class).getText()).startsWith("Your organisation has no such rollout, or no longer");
    }

    private static String counts() {
        return _get(Paragraph.class, spec -> spec.withId("rollout-commands")).getText();
    }

    /** Answers the browser's round trips for a while, as it would while a refresh could still come. */
    private static void roundtripsFor(Duration duration) {
        await().pollInSameThread()
                .during(duration)
                .atMost(duration.multipliedBy(4))
                .until(() -> {
                    MockVaadin.clientRoundtrip();
                    return true;
                });
    }
}
