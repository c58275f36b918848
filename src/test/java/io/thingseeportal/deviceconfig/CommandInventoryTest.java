package io.thingseeportal.deviceconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.thingseeportal.MockedThingseeTest;
import io.thingseeportal.TestData;
import io.thingseeportal.csv.Csv;
import io.thingseeportal.security.AppRoles;
import java.io.StringReader;
import java.io.StringWriter;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** The command inventory at the service: paging, the job filter, the export's pages, the tenant and the roles. */
class CommandInventoryTest extends MockedThingseeTest {

    static final ZoneId UTC = ZoneId.of("UTC");
    static final Instant START = Instant.parse("2026-12-01T00:00:00Z");

    @Autowired
    CommandInventory inventory;

    long tenantId;
    long otherTenantId;

    @BeforeEach
    void twoTenants() {
        tenantId = TestData.tenant(jdbc, "Acme");
        otherTenantId = TestData.tenant(jdbc, "Borealis");
        signIn("veera", tenantId, AppRoles.VIEWER);
    }

    @Test
    void pages_follow_each_other_newest_first_without_gaps_or_repeats() {
        for (int i = 0; i < 25; i++) {
            command(tenantId, i, null);
        }

        var filter = CommandFilter.all(UTC);
        List<Long> first = ids(inventory.find(filter, 0, 10));
        List<Long> second = ids(inventory.find(filter, 10, 10));
        List<Long> third = ids(inventory.find(filter, 20, 10));

        assertThat(inventory.count(filter)).isEqualTo(25);
        assertThat(first).hasSize(10).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(third).hasSize(5);
        assertThat(first.get(9)).isGreaterThan(second.get(0));
        assertThat(second.get(9)).isGreaterThan(third.get(0));
    }

    @Test
    void the_job_filter_takes_the_commands_of_one_bulk_job() {
        command(tenantId, 0, 7L);
        command(tenantId, 1, 7L);
        command(tenantId, 2, 8L);
        command(tenantId, 3, null);

        var job = new CommandFilter(Set.of(), null, null, null, null, null, UTC, 7L);

        assertThat(inventory.count(job)).isEqualTo(2);
        assertThat(inventory.find(job, 0, 10))
                .allSatisfy(command -> assertThat(command.jobId()).isEqualTo(7L));
    }

    @Test
    void the_export_reads_past_its_page_size_and_writes_each_command_once() throws Exception {
        int commands = CommandInventory.EXPORT_PAGE + 5;
        for (int i = 0; i < commands; i++) {
            command(tenantId, i, null);
        }
        command(otherTenantId, 0, null);

        var csv = new StringWriter();
        inventory.exportCsv(CommandFilter.all(UTC), csv);

        List<Csv.Record> records = Csv.read(new StringReader(csv.toString()));
        assertThat(records).hasSize(commands + 1);
        assertThat(records.get(0).fields()).isEqualTo(CommandInventory.HEADER);
        assertThat(records.stream()
                        .skip(1)
                        .map(record -> record.fields().get(7))
                        .distinct())
                .hasSize(commands);
        assertThat(records.get(1).fields().get(0)).isEqualTo("2026-12-01T00:" + minuteAndSecond(commands - 1));
    }

    @Test
    void another_tenants_command_is_not_found_by_its_id() {
        command(otherTenantId, 0, null);
        long foreign =
                jdbc.sql("SELECT max(id) FROM device_command").query(Long.class).single();

        assertThat(inventory.find(foreign)).isEmpty();
        assertThat(inventory.find(List.of(foreign))).isEmpty();
        assertThat(inventory.count(CommandFilter.all(UTC))).isZero();
    }

    @Test
    void the_operator_without_a_tenant_may_not_read_the_inventory() {
        signIn("otto", null, AppRoles.OPERATOR);

        assertThatThrownBy(() -> inventory.count(CommandFilter.all(UTC))).isInstanceOf(AccessDeniedException.class);
    }

    private static List<Long> ids(List<DeviceCommand> commands) {
        return commands.stream().map(DeviceCommand::id).toList();
    }

    private static String minuteAndSecond(int seconds) {
        return String.format("%02d:%02d", seconds / 60, seconds % 60);
    }

    private void command(long tenant, int second, Long jobId) {
        Timestamp time = Timestamp.from(START.plusSeconds(second));
        jdbc.sql("INSERT INTO device_command (tenant_id, tuid, tsm_id, tsm_ev, transaction_id, state, request, job_id,"
                        + " created_by, created_by_name, created_at, updated_at)"
                        + " VALUES (?, 'TSPR04EZU31901021', 1600, 35, ?, 'SENT', '{}', ?, 'aino', 'Aino', ?, ?)")
                .params(tenant, 10_000 + second, jobId, time, time)
                .update();
    }
}
