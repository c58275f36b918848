package io.thingseeportal.device.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.formlayout.FormLayout.ResponsiveStep;
import com.vaadin.flow.component.html.Span;
import io.thingseeportal.device.DeviceDetails;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The device's facts: product, group, asset, status, when last heard of ("3 min ago" and the exact time), battery,
 * gateway, firmware, interval.
 */
class DeviceFacts extends Composite<FormLayout> {

    private static final String[] FACTS = {
        "product",
        "group",
        "asset",
        "status",
        "state",
        "last-seen",
        "last-arrival",
        "battery",
        "charging",
        "gateway",
        "firmware",
        "report-interval"
    };

    private final Map<String, Span> values = new LinkedHashMap<>();
    private final RelativeTime time = new RelativeTime(this, getLocale());

    DeviceFacts() {
        getContent().setId("device-facts");
        getContent()
                .setResponsiveSteps(
                        new ResponsiveStep("0", 1), new ResponsiveStep("32em", 2), new ResponsiveStep("60em", 3));
        for (String fact : FACTS) {
            var value = new Span();
            value.setId("device-" + fact);
            values.put(fact, value);
            getContent().addFormItem(value, getTranslation("device.page.fact." + fact));
        }
    }

    /** The device's facts, its times also worded relative to {@code now} ("3 min ago"). */
    void show(DeviceDetails device, Instant now) {
        Locale locale = getLocale();
        set("product", device.product());
        set("group", device.groupId() == null ? getTranslation("device.page.unassigned") : device.groupId());
        set("asset", device.assetName());
        set("status", getTranslation("device.status." + device.installationStatus()));
        Span state = values.get("state");
        if (device.lastSeen() == null) {
            ChangedText.set(state, getTranslation("device.page.state.never"));
            ChangedText.theme(state, "badge contrast");
        } else if (device.stale()) {
            ChangedText.set(state, getTranslation("device.page.state.stale"));
            ChangedText.theme(state, "badge error");
        } else {
            ChangedText.set(state, getTranslation("device.page.state.reporting"));
            ChangedText.theme(state, "badge success");
        }
        set("last-seen", ago(device.lastSeen(), now, locale));
        set("last-arrival", ago(device.lastArrival(), now, locale));
        set(
                "battery",
                device.batteryLevel() == null
                        ? null
                        : getTranslation("device.page.percent", String.valueOf(device.batteryLevel())));
        set(
                "charging",
                device.batteryCharging() == null
                        ? null
                        : getTranslation("device.page.charging." + device.batteryCharging()));
        set("gateway", device.gatewayTuid());
        set("firmware", device.firmware());
        set(
                "report-interval",
                device.reportIntervalSeconds() == null
                        ? null
                        : getTranslation("device.page.seconds", String.valueOf(device.reportIntervalSeconds())));
    }

    private @Nullable String ago(@Nullable Instant then, Instant now, Locale locale) {
        return then == null
                ? null
                : getTranslation("device.page.ago", time.ago(then, now), ValueFormat.dateTime(then, locale));
    }

    /** Only a fact that changed goes to the browser: the page shows the device again on each of its messages. */
    private void set(String fact, @Nullable String text) {
        ChangedText.set(values.get(fact), text == null || text.isBlank() ? "–" : text);
    }
}
