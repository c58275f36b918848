package io.thingseeportal.bulk.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import io.thingseeportal.MockedThingseeTest;
import io.thingseeportal.TestData;
import io.thingseeportal.bulk.BulkJobs;
import io.thingseeportal.group.GroupId;
import io.thingseeportal.group.GroupService;
import io.thingseeportal.security.AppRoles;
import io.thingseeportal.thingsee.GroupAssignment;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The engine's progress panel, following a group move (a job whose Thingsee calls the test holds). */
class BulkProgressPanelTest extends MockedThingseeTest {

    static final GroupId OFFICE = GroupId.parse("prfi00office");
    static final GroupId LAB = GroupId.parse("prfi00lab");

    @Autowired
    BulkJobs jobs;

    @Autowired
    GroupService groups;

    private final CountDownLatch release = new CountDownLatch(1);
    long tenantId;

    @BeforeEach
    void aMoveOfTwoDevicesWhoseCallsWait() {
        tenantId = TestData.tenant(jdbc, "Acme");
        TestData.group(jdbc, tenantId, OFFICE.value());
        TestData.group(jdbc, tenantId, LAB.value());
        TestData.device(jdbc, tenantId, "TSPR04A", OFFICE.value());
        TestData.device(jdbc, tenantId, "TSPR04B", OFFICE.value());
        when(stacks.forTenant(anyString())).thenReturn(Optional.of(STACK));
        when(thingsee.setDeviceGroup(eq(STACK), anyString(), eq(LAB.value()))).thenAnswer(call -> {
            release.await(10, TimeUnit.SECONDS);
            return new GroupAssignment(call.getArgument(1), LAB.value());
        });
        signIn("Aino Virtanen", tenantId, AppRoles.ADMIN);
    }

    @AfterEach
    void letTheCallsGo() {
        release.countDown();
    }

    @Test
    void the_panel_counts_the_items_per_state_and_an_admin_can_pause_the_job() {
        long job = groups.moveDevices(OFFICE, List.of("TSPR04A", "TSPR04B"), LAB);
        UI.getCurrent().add(new BulkProgressPanel(jobs, job, true, true));

        awaitUi(() -> text("bulk-counts").equals("Running: 2"));
        assertThat(text("bulk-state")).isEqualTo("Running");
        assertThat(text("bulk-time")).endsWith("so far");

        _click(_get(Button.class, spec -> spec.withId("bulk-pause")));

        assertThat(text("bulk-state")).isEqualTo("Paused");
        _get(Button.class, spec -> spec.withId("bulk-resume"));
        _assertNone(Button.class, spec -> spec.withId("bulk-pause"));

        release.countDown();

        awaitUi(() -> text("bulk-state").equals("Finished"));
        assertThat(text("bulk-counts")).isEqualTo("Done: 2");
        _assertNone(Button.class, spec -> spec.withId("bulk-cancel"));
        _assertNone(Button.class, spec -> spec.withId("bulk-retry-failed"));
    }

    @Test
    void a_viewer_follows_the_job_without_buttons_to_steer_it() {
        long job = groups.moveDevices(OFFICE, List.of("TSPR04A", "TSPR04B"), LAB);
        signIn("Veera", tenantId, AppRoles.VIEWER);
        UI.getCurrent().add(new BulkProgressPanel(jobs, job, false, true));

        awaitUi(() -> text("bulk-counts").equals("Running: 2"));
        for (String button : List.of("bulk-pause", "bulk-resume", "bulk-cancel", "bulk-retry-failed")) {
            _assertNone(Button.class, spec -> spec.withId(button));
        }
    }

    private static String text(String id) {
        return _get(Span.class, spec -> spec.withId(id)).getText();
    }
}
