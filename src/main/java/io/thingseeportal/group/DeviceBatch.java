package io.thingseeportal.group;

import io.thingseeportal.thingsee.ThingseeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes one change to each of many devices, one after the other, past individual failures, and reports progress at
 * most every {@link #PROGRESS_INTERVAL_NANOS} (plus the start and the end), so that a view pushes a few updates a
 * second however fast the devices go.
 */
final class DeviceBatch {

    static final long PROGRESS_INTERVAL_NANOS = 250_000_000L;

    private static final Logger log = LoggerFactory.getLogger(DeviceBatch.class);

    /** The change to one device; a {@link ThingseeException} is reported with the API's message. */
    interface Step {
        void apply(String tuid);
    }

    private DeviceBatch() {}

    /**
     * @param eligible the TUIDs that may be changed (the group's own); the others fail as not in the group
     */
    static DeviceBatchReport run(
            List<String> tuids, Set<String> eligible, Step step, Consumer<DeviceBatchProgress> progress) {
        return run(tuids, eligible, step, progress, System::nanoTime);
    }

    /** As above, on the given clock of nanoseconds (tests move it by hand). */
    static DeviceBatchReport run(
            List<String> tuids,
            Set<String> eligible,
            Step step,
            Consumer<DeviceBatchProgress> progress,
            LongSupplier nanoTime) {
        var succeeded = new ArrayList<String>();
        var failures = new ArrayList<DeviceFailure>();
        progress.accept(new DeviceBatchProgress(0, tuids.size(), 0));
        long lastReported = nanoTime.getAsLong();
        for (String tuid : tuids) {
            @Nullable
            DeviceFailure failure = eligible.contains(tuid)
                    ? tryStep(step, tuid)
                    : new DeviceFailure(tuid, DeviceFailure.Reason.NOT_IN_GROUP, "");
            if (failure == null) {
                succeeded.add(tuid);
            } else {
                failures.add(failure);
            }
            int done = succeeded.size() + failures.size();
            long now = nanoTime.getAsLong();
            if (done == tuids.size() || now - lastReported >= PROGRESS_INTERVAL_NANOS) {
                progress.accept(new DeviceBatchProgress(done, tuids.size(), failures.size()));
                lastReported = now;
            }
        }
        return new DeviceBatchReport(tuids.size(), succeeded, failures, false);
    }

    private static @Nullable DeviceFailure tryStep(Step step, String tuid) {
        try {
            step.apply(tuid);
            return null;
        } catch (ThingseeException e) {
            log.info("Device {}: {}", tuid, e.getMessage());
            String message = e.apiMessage().isBlank() ? e.getMessage() : e.apiMessage();
            return new DeviceFailure(tuid, DeviceFailure.Reason.THINGSEE, message);
        } catch (RuntimeException e) {
            log.warn("Device {}: the portal could not record the change", tuid, e);
            return new DeviceFailure(tuid, DeviceFailure.Reason.PORTAL, "");
        }
    }
}
