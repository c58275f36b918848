package io.thingseeportal.device.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.progressbar.ProgressBarVariant;
import io.thingseeportal.device.DeviceListItem;
import io.thingseeportal.device.ProductType;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The cells of the device list, on a desk (one per column) and on a phone (one card per device). */
final class DeviceCells {

    static final String DEVICE_ROUTE = "devices/";

    private final Component texts;
    private final RelativeTime time;
    private final int lowBattery;

    DeviceCells(Component texts, RelativeTime time, int lowBattery) {
        this.texts = texts;
        this.time = time;
        this.lowBattery = lowBattery;
    }

    Component product(DeviceListItem device) {
        var icon = icon(device.product().orElse(null)).create();
        icon.addClassName("device-list-product-icon");
        var cell = new Span(icon, new Span(productName(device)));
        cell.addClassName("device-list-product");
        return cell;
    }

    String productName(DeviceListItem device) {
        return device.product()
                .map(ProductType::productName)
                .orElseGet(() -> device.productType() != null
                        ? device.productType()
                        : texts.getTranslation("device.list.product.unknown"));
    }

    /** The TUID, a link to the device's page, with a badge when the device drifts from its desired configuration. */
    Component tuid(DeviceListItem device) {
        var link = new Anchor(DEVICE_ROUTE + device.tuid(), device.tuid());
        link.addClassName("device-list-tuid");
        if (!device.configDrift()) {
            return link;
        }
        return new Span(link, drift());
    }

    /** "Drift": the device reports a configuration other than the one asked of it. */
    Span drift() {
        var badge = new Span(texts.getTranslation("device.drift"));
        badge.getElement().getThemeList().add("badge warning small");
        badge.addClassName("device-drift");
        badge.setTitle(texts.getTranslation("device.drift.title"));
        badge.getStyle().set("margin-inline-start", "var(--lumo-space-xs)");
        return badge;
    }

    String group(DeviceListItem device) {
        return device.group() == null ? texts.getTranslation("device.list.group.none") : device.group();
    }

    String status(DeviceListItem device) {
        String key = "device.status." + device.installationStatus();
        String text = texts.getTranslation(key);
        // An unknown status (Thingsee added one) is shown as Thingsee names it.
        return text.startsWith("!") || text.equals(key) ? device.installationStatus() : text;
    }

    Component lastSeen(DeviceListItem device, Instant now) {
        var seen = new Span(time.ago(device.lastSeen(), now));
        seen.addClassName("device-list-seen");
        if (device.lastSeen() != null) {
            seen.setTitle(time.exact(device.lastSeen()));
        }
        if (device.isStale(now)) {
            seen.addClassName("device-list-stale");
        }
        return seen;
    }

    /** A bar and the number; red at or below the low-battery percentage. Nothing when the level is unknown. */
    Component battery(DeviceListItem device) {
        Integer level = device.batteryLevel();
        var cell = new Div();
        cell.addClassName("device-list-battery");
        if (level == null) {
            return cell;
        }
        var bar = new ProgressBar(0, 100, Math.max(0, Math.min(100, level)));
        bar.getElement().setAttribute("aria-label", texts.getTranslation("device.list.column.battery"));
        if (level <= lowBattery) {
            bar.addThemeVariants(ProgressBarVariant.LUMO_ERROR);
            cell.addClassName("device-list-battery-low");
        }
        cell.add(bar, new Span(level + " %"));
        return cell;
    }

    /** Everything of a device in a few lines, for a 360 px phone; a tap anywhere on the card opens the device's page. */
    Component card(DeviceListItem device, Instant now) {
        var tuid = new Span(device.tuid());
        tuid.addClassName("device-list-tuid");
        var title = device.configDrift() ? new Div(product(device), tuid, drift()) : new Div(product(device), tuid);
        title.addClassName("device-list-card-title");
        var where = new Div(new Span(group(device)), new Span(text(device.assetName())));
        where.addClassName("device-list-card-line");
        var state = new Div(new Span(status(device)), lastSeen(device, now));
        state.addClassName("device-list-card-line");
        var card = new Anchor(DEVICE_ROUTE + device.tuid());
        card.add(title, where, state, battery(device));
        card.addClassName("device-list-card");
        return card;
    }

    static String text(@Nullable String value) {
        return value == null ? "" : value;
    }

    static VaadinIcon icon(@Nullable ProductType product) {
        if (product == null) {
            return VaadinIcon.QUESTION_CIRCLE_O;
        }
        return switch (product) {
            case GATEWAY -> VaadinIcon.SIGNAL;
            case GATEWAY_LAN -> VaadinIcon.CONNECT;
            case ENVIRONMENT -> VaadinIcon.SUN_O;
            case ENVIRONMENT_RUGGED -> VaadinIcon.SHIELD;
            case PRESENCE -> VaadinIcon.USER;
            case DISTANCE -> VaadinIcon.RESIZE_V;
            case BEAM -> VaadinIcon.ARROWS_LONG_H;
            case ANGLE -> VaadinIcon.ANGLE_RIGHT;
            case AIR -> VaadinIcon.CLOUD;
            case LEAKAGE -> VaadinIcon.DROP;
            case COUNT -> VaadinIcon.USERS;
            case ACTIVITY -> VaadinIcon.STOPWATCH;
            case LOOLIGHT -> VaadinIcon.LIGHTBULB;
        };
    }
}
