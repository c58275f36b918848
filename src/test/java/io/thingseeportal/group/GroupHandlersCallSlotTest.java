package io.thingseeportal.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;

import io.thingseeportal.MockedThingseeTest;
import io.thingseeportal.TestData;
import io.thingseeportal.bulk.BulkItemContext;
import io.thingseeportal.bulk.WatchedSlot;
import io.thingseeportal.security.AppRoles;
import io.thingseeportal.security.PortalUser;
import io.thingseeportal.thingsee.GroupAssignment;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The group page's bulk handlers make each Thingsee call while they hold the tenant's call slot, so that a move or a
 * delete keeps to {@code portal.bulk.tenant-concurrency}.
 */
class GroupHandlersCallSlotTest extends MockedThingseeTest {

    static final String OFFICE = "prfi00office";
    static final String LAB = "prfi00lab";
    static final String TUID = "TSPR04SLOT0001";

    @Autowired
    GroupReassignHandler reassign;

    @Autowired
    GroupDeleteHandler delete;

    final WatchedSlot slot = new WatchedSlot();
    final List<String> calls = new CopyOnWriteArrayList<>();
    long tenantId;
    PortalUser admin;

    @BeforeEach
    void aDeviceInTheOffice() {
        tenantId = TestData.tenant(jdbc, "Acme");
        String slug = jdbc.sql("SELECT slug FROM tenant WHERE id = ?")
                .param(tenantId)
                .query(String.class)
                .single();
        TestData.group(jdbc, tenantId, OFFICE);
        TestData.group(jdbc, tenantId, LAB);
        TestData.device(jdbc, tenantId, TUID, OFFICE);
        admin = signInTo(slug, tenantId, "Aino", AppRoles.ADMIN);
        when(stacks.forTenant(anyString())).thenReturn(Optional.of(STACK));
        when(thingsee.setDeviceGroup(eq(STACK), eq(TUID), anyString())).thenAnswer(call -> {
            calls.add("group " + slot.heldHere());
            return new GroupAssignment(TUID, call.getArgument(2));
        });
        when(thingsee.setInstallationStatus(eq(STACK), eq(TUID), any())).thenAnswer(call -> {
            calls.add("installation " + slot.heldHere());
            return null;
        });
    }

    @Test
    void a_move_calls_thingsee_while_it_holds_the_slot() {
        reassign.run(
                item(GroupDeviceJobs.REASSIGN, GroupDeviceJobs.json(new GroupDeviceJobs.Reassign(OFFICE, LAB))),
                slot.slot());

        assertThat(calls).containsExactly("group true");
    }

    @Test
    void a_delete_calls_thingsee_while_it_holds_the_slot() {
        delete.run(item(GroupDeviceJobs.DELETE, "{}"), slot.slot());

        assertThat(calls).containsExactly("installation true", "group true");
    }

    private BulkItemContext item(String kind, String params) {
        return new BulkItemContext(1, tenantId, kind, TUID, 0, OFFICE, params, 1, admin);
    }
}
