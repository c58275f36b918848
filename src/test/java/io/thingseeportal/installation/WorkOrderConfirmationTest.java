package io.thingseeportal.installation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.thingseeportal.MockedThingseeTest;
import io.thingseeportal.TestData;
import io.thingseeportal.group.GroupId;
import io.thingseeportal.security.AppRoles;
import io.thingseeportal.thingsee.DeviceInfo;
import io.thingseeportal.thingsee.GroupAssignment;
import io.thingseeportal.thingsee.InstallationRecord;
import io.thingseeportal.thingsee.InstallationStatus;
import io.thingseeportal.thingsee.ThingseeException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A confirmation runs once however often it is asked for: a double tap, a second phone. */
class WorkOrderConfirmationTest extends MockedThingseeTest {

    static final String TUID = "TSPR04EZU31901021";

    @Autowired
    WorkOrderService orders;

    @Autowired
    WorkOrderPlaces places;

    @Autowired
    WorkOrderConfirmation confirmation;

    @Test
    void a_second_confirmation_while_the_first_runs_changes_nothing_and_one_after_it_finds_the_order_done()
            throws Exception {
        long id = anOrderReadyToConfirm();
        var callMade = new CountDownLatch(1);
        var answer = new CountDownLatch(1);
        when(thingsee.setInstallationStatus(eq(STACK), eq(TUID), any())).thenAnswer(call -> {
            callMade.countDown();
            answer.await(10, TimeUnit.SECONDS);
            return new InstallationRecord(TUID, InstallationStatus.INSTALLED, null);
        });

        CompletableFuture<WorkOrder> first = confirmation.confirmInBackground(id);
        assertThat(callMade.await(10, TimeUnit.SECONDS)).isTrue();
        WorkOrder second = confirmation.confirm(id);
        answer.countDown();

        assertThat(second.step()).isEqualTo(WorkOrder.Step.CONFIRM);
        assertThat(first.get(10, TimeUnit.SECONDS).step()).isEqualTo(WorkOrder.Step.DONE);
        assertThat(confirmation.confirm(id).step()).isEqualTo(WorkOrder.Step.DONE);
        verify(thingsee, times(1)).setInstallationStatus(STACK, TUID, InstallationStatus.INSTALLED);
        verify(thingsee, times(1)).setDeviceGroup(STACK, TUID, "prfi00office");
    }

    @Test
    void an_order_held_by_a_confirmation_on_another_node_is_left_alone_until_its_hold_runs_out() {
        long id = anOrderReadyToConfirm();
        when(thingsee.setInstallationStatus(eq(STACK), eq(TUID), any()))
                .thenReturn(new InstallationRecord(TUID, InstallationStatus.INSTALLED, null));
        jdbc.sql("UPDATE work_order SET claimed_by = 'other-node', running_since = ? WHERE id = ?")
                .params(java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(60)), id)
                .update();

        assertThat(confirmation.confirm(id).step()).isEqualTo(WorkOrder.Step.CONFIRM);
        verify(thingsee, times(0)).setInstallationStatus(STACK, TUID, InstallationStatus.INSTALLED);

        jdbc.sql("UPDATE work_order SET running_since = ? WHERE id = ?")
                .params(java.sql.Timestamp.from(java.time.Instant.now().minus(WorkOrderConfirmation.HOLD)), id)
                .update();
        assertThat(confirmation.confirm(id).step()).isEqualTo(WorkOrder.Step.DONE);
    }

    @Test
    void an_order_whose_installations_call_may_have_reached_thingsee_cannot_be_cancelled_or_changed() {
        long id = anOrderReadyToConfirm();
        when(thingsee.setInstallationStatus(eq(STACK), eq(TUID), any()))
                .thenThrow(new ThingseeException.Unavailable(0, "No answer in time", "", null));

        assertThat(confirmation.confirm(id).failure()).isNotNull();

        assertThat(orders.cancel(id).step()).isEqualTo(WorkOrder.Step.CONFIRM);
        assertThat(orders.back(id).step()).isEqualTo(WorkOrder.Step.CONFIRM);
    }

    private long anOrderReadyToConfirm() {
        long tenantId = TestData.tenant(jdbc, "Acme");
        TestData.group(jdbc, tenantId, "prfi00office");
        long lobby = TestData.asset(jdbc, tenantId, null, "SITE", "Lobby");
        when(stacks.forTenant(anyString())).thenReturn(Optional.of(STACK));
        signInTo("acme", tenantId, "Ilkka", AppRoles.INSTALLER);
        when(thingsee.getDevice(STACK, TUID)).thenReturn(new DeviceInfo(TUID, 97, null, null, null, null));
        when(thingsee.getInstallationStatus(STACK, TUID)).thenReturn(Optional.empty());
        when(thingsee.setDeviceGroup(STACK, TUID, "prfi00office"))
                .thenReturn(new GroupAssignment(TUID, "prfi00office"));
        long id =
                orders.start((LabelReading.Sensor) LabelResolver.resolve(TUID)).id();
        places.chooseAsset(id, lobby, null, null);
        places.chooseGroup(id, GroupId.parse("prfi00office"));
        return id;
    }
}
