package io.thingseeportal.simulator;

/** The fault settings one device has of its own, in place of the global ones. */
public record DeviceFaults(String tuid, FaultSettings settings) {}
