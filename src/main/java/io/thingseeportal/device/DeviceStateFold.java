package io.thingseeportal.device;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Folds a device's new messages into what the portal knows of it. Newest information wins, each kind by its own time:
 * a message older than what the device row has changes nothing of it, except when the device last sent anything.
 */
final class DeviceStateFold {

    static final int SYSTEM_INFO = 1100;
    static final int BATTERY = 1110;
    static final int INTERVALS = 1500;
    static final String UNASSIGNED = "unassigned";
    /** REFERENCE 9.6; kept here rather than taken from {@code group.GroupId}, since group depends on device. */
    private static final Pattern GROUP_ID = Pattern.compile("^(un|pr|dm|rd)[a-z]{2}00[a-z0-9]{1,32}$");

    private static final int FIRMWARE_MAX_LENGTH = 100;
    private static final int GATEWAY_MAX_LENGTH = 64;

    private final Duration defaultReportInterval;
    private final int staleAfterReports;

    DeviceStateFold(Duration defaultReportInterval, int staleAfterReports) {
        this.defaultReportInterval = defaultReportInterval;
        this.staleAfterReports = staleAfterReports;
    }

    /**
     * @param messages the device's new messages, oldest first
     * @param intervalsAt the time of the 1500 configuration the device row's report interval came from, if any
     */
    DeviceState fold(DeviceState state, List<IncomingMessage> messages, @Nullable Instant intervalsAt) {
        var next = new Builder(state, intervalsAt);
        messages.forEach(next::apply);
        return next.build();
    }

    static boolean isGroupId(String id) {
        return GROUP_ID.matcher(id).matches();
    }

    private final class Builder {

        private final DeviceState old;
        private @Nullable Instant lastSeen;
        private @Nullable Instant lastArrivalAt;
        private @Nullable Integer reportInterval;
        private @Nullable Instant reportIntervalAt;
        private @Nullable String gatewayTuid;
        private @Nullable Integer batteryLevel;
        private @Nullable Integer batteryCharging;
        private @Nullable Instant batteryAt;
        private @Nullable String firmware;
        private @Nullable Instant firmwareAt;
        private @Nullable String groupId;
        private @Nullable Instant groupAt;

        Builder(DeviceState old, @Nullable Instant intervalsAt) {
            this.old = old;
            lastSeen = old.lastSeen();
            lastArrivalAt = old.lastArrivalAt();
            reportInterval = old.reportIntervalSeconds();
            reportIntervalAt = intervalsAt;
            gatewayTuid = old.gatewayTuid();
            batteryLevel = old.batteryLevel();
            batteryCharging = old.batteryCharging();
            batteryAt = old.batteryAt();
            firmware = old.firmware();
            firmwareAt = old.firmwareAt();
            groupId = old.groupId();
            groupAt = old.groupAt();
        }

        void apply(IncomingMessage message) {
            Instant at = message.seenAt();
            if (lastArrivalAt == null || message.receivedAt().isAfter(lastArrivalAt)) {
                lastArrivalAt = message.receivedAt();
            }
            if (newer(at, lastSeen)) {
                lastSeen = at;
                String gateway = message.gatewayTuid();
                if (gateway != null && !gateway.isBlank() && gateway.length() <= GATEWAY_MAX_LENGTH) {
                    gatewayTuid = gateway;
                }
            }
            if (message.tsmId() == BATTERY
                    && message.message().field("batl").orElse(null) instanceof Number level
                    && newer(at, batteryAt)) {
                batteryLevel = (int) Math.max(0, Math.min(100, Math.round(level.doubleValue())));
                batteryCharging = message.message().field("chrg").orElse(null) instanceof Number charging
                        ? charging.intValue()
                        : null;
                batteryAt = at;
            }
            if (message.tsmId() == SYSTEM_INFO
                    && message.message().field("swVersion").orElse(null) instanceof String version
                    && newer(at, firmwareAt)) {
                firmware = version.length() > FIRMWARE_MAX_LENGTH ? version.substring(0, FIRMWARE_MAX_LENGTH) : version;
                firmwareAt = at;
            }
            String group = message.groupId();
            if (group != null && (group.equals(UNASSIGNED) || isGroupId(group)) && newer(at, groupAt)) {
                groupId = group.equals(UNASSIGNED) ? null : group;
                groupAt = at;
            }
            if (message.tsmId() == INTERVALS
                    && message.isReportedConfiguration()
                    && message.message().field("reportInterval").orElse(null) instanceof Number interval
                    && interval.longValue() > 0
                    && interval.longValue() <= Integer.MAX_VALUE
                    && newer(at, reportIntervalAt)) {
                reportInterval = interval.intValue();
                reportIntervalAt = at;
            }
        }

        DeviceState build() {
            Instant staleAt = old.staleAt();
            if (lastSeen != null) {
                Duration interval = reportInterval == null ? defaultReportInterval : Duration.ofSeconds(reportInterval);
                staleAt = lastSeen.plus(interval.multipliedBy(staleAfterReports));
            }
            return new DeviceState(
                    old.tuid(),
                    lastSeen,
                    lastArrivalAt,
                    staleAt,
                    reportInterval,
                    gatewayTuid,
                    batteryLevel,
                    batteryCharging,
                    batteryAt,
                    firmware,
                    firmwareAt,
                    groupId,
                    groupAt);
        }
    }

    private static boolean newer(Instant at, @Nullable Instant than) {
        return than == null || at.isAfter(than);
    }
}
