package io.thingseeportal.group;

import static org.assertj.core.api.Assertions.assertThat;

import io.thingseeportal.thingsee.ThingseeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** One change to many devices: on past failures, with progress a few times a second at most. */
class DeviceBatchTest {

    @Test
    void progress_is_reported_at_most_every_quarter_second_however_fast_the_devices_go() {
        List<String> tuids = IntStream.range(0, 40).mapToObj(i -> "TSPR04" + i).toList();
        var reported = new ArrayList<DeviceBatchProgress>();
        var clock = new AtomicLong();
        long tenthOfASecond = DeviceBatch.PROGRESS_INTERVAL_NANOS / 25 * 10;

        DeviceBatch.run(tuids, Set.copyOf(tuids), tuid -> clock.addAndGet(tenthOfASecond), reported::add, clock::get);

        // 40 devices a tenth of a second each: the start, then every third device (0.3 s >= 0.25 s), and the end.
        assertThat(reported)
                .extracting(DeviceBatchProgress::done)
                .containsExactly(0, 3, 6, 9, 12, 15, 18, 21, 24, 27, 30, 33, 36, 39, 40);
        assertThat(reported.get(reported.size() - 1)).isEqualTo(new DeviceBatchProgress(40, 40, 0));
    }

    @Test
    void each_failure_is_reported_with_its_reason_and_the_others_go_on() {
        List<String> tuids = List.of("A", "B", "C", "D");

        var report = DeviceBatch.run(
                tuids,
                Set.of("A", "B", "D"),
                tuid -> {
                    if (tuid.equals("B")) {
                        throw new ThingseeException.InvalidRequest(400, "Bad Request", "");
                    }
                    if (tuid.equals("D")) {
                        throw new IllegalStateException("database gone");
                    }
                },
                progress -> {});

        assertThat(report.succeeded()).containsExactly("A");
        assertThat(report.failures())
                .containsExactly(
                        new DeviceFailure("B", DeviceFailure.Reason.THINGSEE, "400 Bad Request: "),
                        new DeviceFailure("C", DeviceFailure.Reason.NOT_IN_GROUP, ""),
                        new DeviceFailure("D", DeviceFailure.Reason.PORTAL, ""));
        assertThat(report.failedTuids()).containsExactly("B", "C", "D");
    }
}
