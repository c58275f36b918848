package io.thingseeportal.group;

/**
 * How far a change of many devices has come.
 *
 * @param done devices handled so far, failed ones included
 * @param total devices in the change
 * @param failed devices that failed so far
 */
public record DeviceBatchProgress(int done, int total, int failed) {}
