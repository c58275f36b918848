package io.thingseeportal.installation.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import io.thingseeportal.device.ProductType;
import io.thingseeportal.installation.LabelReading;
import io.thingseeportal.installation.UnreadableImageException;
import org.jspecify.annotations.Nullable;

/** What the last scan, photo or typed code came to, in words for the installer; empty before the first. */
class ScanResult extends Composite<Div> {

    ScanResult() {
        getContent().setId("scan-result");
        getContent().addClassName("scan-result");
        getContent().getElement().setAttribute("aria-live", "polite");
    }

    /** A Thingsee sensor: its product and TUID. */
    void show(LabelReading.Sensor sensor) {
        var title = new H3(sensor.product()
                .map(ProductType::productName)
                .orElseGet(() -> getTranslation("scan.sensor.unknown-product", sensor.imc())));
        title.setId("scan-product");
        var tuid = new Span(sensor.tuid());
        tuid.setId("scan-tuid");
        tuid.addClassName("scan-tuid");
        var icon = ProductIcons.of(sensor.product());
        icon.addClassName("scan-found-icon");
        replace("scan-result--found", icon, title, tuid);
    }

    /** A code that is not a sensor's, and why. */
    void show(LabelReading.NotASensor notASensor) {
        paragraph("scan-result--wrong-code", getTranslation(notASensor.messageKey(), notASensor.shown()));
    }

    /** An image that could not be looked at. */
    void show(UnreadableImageException unreadable) {
        paragraph("scan-result--problem", getTranslation(unreadable.messageKey(), unreadable.arguments()));
    }

    /** A sentence of the given kind (a problem, a hint). */
    void paragraph(String kind, String text) {
        var paragraph = new Paragraph(text);
        paragraph.setId("scan-message");
        replace(kind, paragraph);
    }

    void clear() {
        replace(null);
    }

    private void replace(@Nullable String kind, Component... children) {
        Div content = getContent();
        content.removeAll();
        content.getClassNames().removeIf(name -> name.startsWith("scan-result--"));
        if (kind != null) {
            content.addClassName(kind);
        }
        content.add(children);
    }
}
