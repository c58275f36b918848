package io.thingseeportal.base.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import io.thingseeportal.device.FleetCounts;

/** The tenant's key figures as large tiles; the fleet's follow the devices live. */
class TenantCounts extends Composite<Div> {

    private final Span devices = new Span();
    private final Span online = new Span();
    private final Span stale = new Span();
    private final Span lowBattery = new Span();

    TenantCounts(FleetCounts fleet, long groups, long commandsAwaitingEcho) {
        Div tiles = getContent();
        tiles.addClassName("portal-tiles");
        tiles.add(
                tile(devices, "count-devices", "start.count.devices"),
                tile(online, "count-online", "start.count.online"),
                tile(stale, "count-stale", "start.count.stale"),
                tile(lowBattery, "count-low-battery", "start.count.low-battery"),
                tile(new Span(String.valueOf(groups)), "count-groups", "start.count.groups"),
                tile(
                        new Span(String.valueOf(commandsAwaitingEcho)),
                        "count-awaiting-echo",
                        "start.count.awaiting-echo"));
        show(fleet);
    }

    void show(FleetCounts fleet) {
        devices.setText(String.valueOf(fleet.devices()));
        online.setText(String.valueOf(fleet.online()));
        stale.setText(String.valueOf(fleet.stale()));
        lowBattery.setText(String.valueOf(fleet.lowBattery()));
    }

    private Div tile(Span number, String id, String labelKey) {
        number.addClassName("portal-tile-value");
        number.setId(id);
        var label = new Span(getTranslation(labelKey));
        label.addClassName("portal-tile-label");
        var tile = new Div(number, label);
        tile.addClassName("portal-tile");
        return tile;
    }
}
