package io.thingseeportal.device.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import io.thingseeportal.device.DeviceDetailsService;
import io.thingseeportal.device.RecentMessage;

/**
 * The device's recent messages, newest first, paged from the database as the grid scrolls. A click on a row opens the
 * message's JSON as it arrived, read only then.
 */
class DeviceMessages extends Grid<RecentMessage> {

    DeviceMessages(DeviceDetailsService devices, String tuid) {
        setId("device-messages");
        addColumn(message -> ValueFormat.dateTime(message.time(), getLocale()))
                .setHeader(getTranslation("device.page.messages.time"))
                .setFlexGrow(1);
        addColumn(RecentMessage::tsmId)
                .setHeader(getTranslation("device.page.messages.tsm-id"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        addColumn(RecentMessage::tsmEv)
                .setHeader(getTranslation("device.page.messages.tsm-ev"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        setItemDetailsRenderer(new ComponentRenderer<>(message -> {
            var json = new Pre(devices.payload(tuid, message).orElse(getTranslation("device.page.messages.gone")));
            json.addClassName("device-message-json");
            json.getStyle()
                    .set("white-space", "pre-wrap")
                    .set("word-break", "break-all")
                    .set("margin", "0");
            return json;
        }));
        setItems(query -> devices.messages(tuid, query.getOffset(), query.getLimit()).stream(), query ->
                (int) Math.min(Integer.MAX_VALUE, devices.countMessages(tuid)));
        setHeight("24rem");
        setWidthFull();
    }

    /** New messages arrived: the grid reads its rows again. */
    void refresh() {
        getDataProvider().refreshAll();
    }
}
