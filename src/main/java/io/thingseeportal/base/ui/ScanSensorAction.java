package io.thingseeportal.base.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/**
 * The installer's one large action. Scanning itself arrives with the installation feature; until then the action is
 * shown, disabled, with a sentence saying so, rather than leading to a page that does not exist.
 */
class ScanSensorAction extends Composite<VerticalLayout> {

    ScanSensorAction() {
        var scan = new Button(getTranslation("start.scan"), VaadinIcon.QRCODE.create());
        scan.setId("scan-sensor");
        scan.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        scan.addClassName("portal-scan-action");
        scan.setEnabled(false);
        VerticalLayout content = getContent();
        content.setPadding(false);
        content.setAlignItems(VerticalLayout.Alignment.STRETCH);
        content.add(scan, new Paragraph(getTranslation("start.scan.coming")));
    }
}
