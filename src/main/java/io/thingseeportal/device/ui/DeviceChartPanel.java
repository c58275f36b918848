package io.thingseeportal.device.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import io.thingseeportal.device.DeviceDetailsService;
import io.thingseeportal.device.DeviceSeries;
import io.thingseeportal.device.DeviceValue;
import io.thingseeportal.device.SeriesPoint;
import io.thingseeportal.device.SeriesRange;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The device's chart: which series (battery, temperature, distance, ...) over the last 24 hours or 7 days. It follows
 * the device's latest values: the series to choose from are their numeric fields, and only a newer value of the shown
 * series' message has readings to append.
 */
class DeviceChartPanel extends Composite<VerticalLayout> {

    private final DeviceDetailsService devices;
    private final String tuid;
    private final Select<DeviceSeries> series = new Select<>();
    private final Select<SeriesRange> range = new Select<>();
    private final DeviceChart chart = new DeviceChart();
    private List<DeviceSeries> listed = List.of();
    /** The time of each message's latest value, by tsmId, as the page last read them. */
    private Map<Integer, Instant> valueTimes;
    /** The shown series' readings up to this time are in the chart. */
    private Instant readUpTo = Instant.EPOCH;

    DeviceChartPanel(DeviceDetailsService devices, String tuid, List<DeviceValue> values) {
        this.devices = devices;
        this.tuid = tuid;
        this.valueTimes = times(values);
        series.setId("chart-series");
        series.setLabel(getTranslation("device.page.chart.series"));
        series.setItemLabelGenerator(this::label);
        series.setEmptySelectionAllowed(false);
        range.setId("chart-range");
        range.setLabel(getTranslation("device.page.chart.range"));
        range.setItems(SeriesRange.values());
        range.setItemLabelGenerator(value ->
                getTranslation("device.page.chart.range." + value.name().toLowerCase(Locale.ROOT)));
        range.setValue(SeriesRange.DAY);
        chart.setId("device-chart");
        chart.setEmptyText(getTranslation("device.page.chart.empty"));
        var choices = new HorizontalLayout(series, range);
        choices.setWrap(true);
        choices.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        getContent().setPadding(false);
        getContent().add(choices, chart);
        listSeries(DeviceSeries.of(values));
        series.addValueChangeListener(change -> draw());
        range.addValueChangeListener(change -> draw());
        draw();
    }

    /**
     * The device's latest values now: a new kind of reading becomes a choice, and a newer value of the shown series'
     * message has its readings appended. Other messages of the device cost the chart no query.
     */
    void update(List<DeviceValue> values) {
        valueTimes = times(values);
        List<DeviceSeries> available = DeviceSeries.of(values);
        if (!available.equals(listed)) {
            listSeries(available);
        }
        DeviceSeries shown = series.getValue();
        @Nullable Instant newest = shown == null ? null : valueTimes.get(shown.tsmId());
        if (shown == null || newest == null || !newest.isAfter(readUpTo)) {
            return;
        }
        if (chart.isEmpty()) {
            draw();
        } else {
            devices.readingsAfter(tuid, shown, chart.newest()).forEach(chart::append);
            readUpTo = newest;
        }
    }

    DeviceChart chart() {
        return chart;
    }

    private void listSeries(List<DeviceSeries> available) {
        DeviceSeries selected = series.getValue();
        listed = available;
        series.setItems(available);
        if (selected != null && available.contains(selected)) {
            series.setValue(selected);
        } else if (!available.isEmpty()) {
            series.setValue(available.get(0));
        }
    }

    private void draw() {
        DeviceSeries shown = series.getValue();
        List<SeriesPoint> points = shown == null ? List.of() : devices.series(tuid, shown, range.getValue());
        chart.show(shown == null ? "" : label(shown), points);
        // The series was read up to now: the latest value the page knows of is in it (when in the range).
        Instant known = shown == null ? Instant.EPOCH : valueTimes.getOrDefault(shown.tsmId(), Instant.EPOCH);
        readUpTo = known.isAfter(chart.newest()) ? known : chart.newest();
    }

    private String label(DeviceSeries shown) {
        return ValueFormat.label(this, shown.tsmId(), shown.field()) + " (" + shown.tsmId() + ")";
    }

    private static Map<Integer, Instant> times(List<DeviceValue> values) {
        return values.stream().collect(Collectors.toMap(DeviceValue::tsmId, DeviceValue::time));
    }
}
