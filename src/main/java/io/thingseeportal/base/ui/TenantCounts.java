package io.thingseeportal.base.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/** The tenant's key figures as large tiles. */
class TenantCounts extends Composite<Div> {

    TenantCounts(long devices, long groups, long commandsAwaitingEcho) {
        Div tiles = getContent();
        tiles.addClassName("portal-tiles");
        tiles.add(
                tile("count-devices", devices, "start.count.devices"),
                tile("count-groups", groups, "start.count.groups"),
                tile("count-awaiting-echo", commandsAwaitingEcho, "start.count.awaiting-echo"));
    }

    private Div tile(String id, long value, String labelKey) {
        var number = new Span(String.valueOf(value));
        number.addClassName("portal-tile-value");
        number.setId(id);
        var label = new Span(getTranslation(labelKey));
        label.addClassName("portal-tile-label");
        var tile = new Div(number, label);
        tile.addClassName("portal-tile");
        return tile;
    }
}
