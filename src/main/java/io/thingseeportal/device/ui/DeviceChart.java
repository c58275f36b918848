package io.thingseeportal.device.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import elemental.json.Json;
import elemental.json.JsonArray;
import io.thingseeportal.device.SeriesPoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code <device-chart>} web component (uPlot, {@code frontend/components/device-chart.ts}): one numeric series
 * over time. The whole series is sent once; a new reading is appended in the browser without sending it again.
 */
@Tag("device-chart")
@NpmPackage(value = "uplot", version = "1.6.32")
@JsModule("./components/device-chart.ts")
class DeviceChart extends Component {

    private final List<SeriesPoint> points = new ArrayList<>();
    private boolean attachedBefore;

    DeviceChart() {
        getElement().setProperty("height", 240);
    }

    /** Shows this series instead of the one shown before. */
    void show(String label, List<SeriesPoint> series) {
        points.clear();
        points.addAll(series);
        getElement().setProperty("label", label);
        sendPoints();
    }

    /** What the chart says when the series has no points in the range. */
    void setEmptyText(String text) {
        getElement().setProperty("emptyText", text);
    }

    /** Adds a reading: at the end, or in its place when it is older than the newest one. */
    void append(SeriesPoint point) {
        int at = points.size();
        while (at > 0 && points.get(at - 1).time().isAfter(point.time())) {
            at--;
        }
        if (at > 0 && points.get(at - 1).time().equals(point.time())) {
            points.set(at - 1, point);
        } else {
            points.add(at, point);
        }
        getElement().callJsFunction("appendPoint", (double) point.time().getEpochSecond(), point.value());
    }

    /** The newest reading shown, if any. */
    Instant newest() {
        return points.isEmpty() ? Instant.EPOCH : points.get(points.size() - 1).time();
    }

    /** Whether the chart shows no point. */
    boolean isEmpty() {
        return points.isEmpty();
    }

    /** The points the chart shows now, oldest first. */
    List<SeriesPoint> points() {
        return List.copyOf(points);
    }

    String label() {
        return getElement().getProperty("label", "");
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        // The browser's copy was made anew: give it every point, including those appended since the last send.
        if (attachedBefore) {
            sendPoints();
        }
        attachedBefore = true;
    }

    private void sendPoints() {
        JsonArray array = Json.createArray();
        for (SeriesPoint point : points) {
            JsonArray pair = Json.createArray();
            pair.set(0, point.time().getEpochSecond());
            pair.set(1, point.value());
            array.set(array.length(), pair);
        }
        getElement().setPropertyJson("points", array);
    }
}
