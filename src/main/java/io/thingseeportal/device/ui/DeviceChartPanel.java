package io.thingseeportal.device.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import io.thingseeportal.device.DeviceDetailsService;
import io.thingseeportal.device.DeviceSeries;
import io.thingseeportal.device.SeriesPoint;
import io.thingseeportal.device.SeriesRange;
import java.util.List;
import java.util.Locale;

/** The device's chart: which series (battery, temperature, distance, ...) over the last 24 hours or 7 days. */
class DeviceChartPanel extends Composite<VerticalLayout> {

    private final DeviceDetailsService devices;
    private final String tuid;
    private final Select<DeviceSeries> series = new Select<>();
    private final Select<SeriesRange> range = new Select<>();
    private final DeviceChart chart = new DeviceChart();

    DeviceChartPanel(DeviceDetailsService devices, String tuid) {
        this.devices = devices;
        this.tuid = tuid;
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
        listSeries();
        series.addValueChangeListener(change -> draw());
        range.addValueChangeListener(change -> draw());
        draw();
    }

    /** New readings arrived: appended to the chart, and a new kind of reading becomes a choice. */
    void update() {
        if (!devices.seriesOf(tuid).equals(series.getListDataView().getItems().toList())) {
            listSeries();
        }
        DeviceSeries shown = series.getValue();
        if (shown != null && chart.points().isEmpty()) {
            draw();
        } else if (shown != null) {
            devices.readingsAfter(tuid, shown, chart.newest()).forEach(chart::append);
        }
    }

    DeviceChart chart() {
        return chart;
    }

    private void listSeries() {
        DeviceSeries selected = series.getValue();
        List<DeviceSeries> available = devices.seriesOf(tuid);
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
    }

    private String label(DeviceSeries shown) {
        return ValueFormat.label(this, shown.tsmId(), shown.field()) + " (" + shown.tsmId() + ")";
    }
}
