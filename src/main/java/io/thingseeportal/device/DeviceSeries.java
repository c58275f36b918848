package io.thingseeportal.device;

import io.thingseeportal.thingsee.ThingseeMessage;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** A numeric field of a data message, for a chart over time: for example 1110 {@code batl}, 12100 {@code temp}. */
public record DeviceSeries(int tsmId, String field) {

    public static final DeviceSeries BATTERY = new DeviceSeries(1110, "batl");

    /** The numeric fields of a device's latest values: the series its chart can show, battery first. */
    public static List<DeviceSeries> of(List<DeviceValue> values) {
        return values.stream()
                .flatMap(value -> value.fields().entrySet().stream()
                        .filter(field -> field.getValue() instanceof Number
                                && !ThingseeMessage.HEADER_FIELDS.contains(field.getKey()))
                        .map(Map.Entry::getKey)
                        .map(field -> new DeviceSeries(value.tsmId(), field)))
                .sorted(Comparator.comparing(series -> !series.equals(DeviceSeries.BATTERY)))
                .toList();
    }
}
