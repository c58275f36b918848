package io.thingseeportal.device.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasStyle;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/** The look the device page's cards share: a framed box, a bold title with the message's name, quiet lines. */
final class CardLook {

    private CardLook() {}

    static void frame(HasStyle card) {
        card.addClassName("device-card");
        card.getStyle()
                .set("border", "1px solid var(--lumo-contrast-10pct)")
                .set("border-radius", "var(--lumo-border-radius-m)")
                .set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
                .set("min-width", "min(16rem, 100%)")
                .set("box-sizing", "border-box");
    }

    /** The card's title: the name of the message it shows. */
    static Div title(Component card, int tsmId) {
        var title = new Div(new Span(ValueFormat.messageName(card, tsmId)));
        title.getStyle().set("font-weight", "600");
        return title;
    }

    /** A line in the secondary colour and the small size, such as the time of the message shown. */
    static void quiet(HasStyle line) {
        line.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
    }
}
