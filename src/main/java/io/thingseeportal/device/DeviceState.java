package io.thingseeportal.device;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** What the portal knows of a device from its data stream: the columns of {@code device} the ingest writes. */
record DeviceState(
        String tuid,
        @Nullable Instant lastSeen,
        @Nullable Instant lastArrivalAt,
        @Nullable Instant staleAt,
        @Nullable Integer reportIntervalSeconds,
        @Nullable String gatewayTuid,
        @Nullable Integer batteryLevel,
        @Nullable Integer batteryCharging,
        @Nullable Instant batteryAt,
        @Nullable String firmware,
        @Nullable Instant firmwareAt,
        @Nullable String groupId,
        @Nullable Instant groupAt) {}
