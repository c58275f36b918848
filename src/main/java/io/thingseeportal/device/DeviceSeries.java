package io.thingseeportal.device;

/** A numeric field of a data message, for a chart over time: for example 1110 {@code batl}, 12100 {@code temp}. */
public record DeviceSeries(int tsmId, String field) {

    public static final DeviceSeries BATTERY = new DeviceSeries(1110, "batl");
}
