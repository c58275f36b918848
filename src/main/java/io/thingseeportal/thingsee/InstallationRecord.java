package io.thingseeportal.thingsee;

import org.jspecify.annotations.Nullable;

/** One entry of a device's installation history, or the answer to setting its status. */
public record InstallationRecord(
        String tuid, InstallationStatus status, @Nullable String groupId) {}
