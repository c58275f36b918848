package io.thingseeportal.simulator;

import java.time.Instant;

/** One change of a device's installation status, with the group it was in at the time. */
record InstallationRecord(String tuid, String status, String groupId, Instant at) {}
