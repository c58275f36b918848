package io.thingseeportal.base.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/** The installer's one large action: to the scanner (the installation feature's route {@code scan}). */
class ScanSensorAction extends Composite<VerticalLayout> {

    ScanSensorAction() {
        var scan = new Button(getTranslation("start.scan"), VaadinIcon.QRCODE.create());
        scan.setId("scan-sensor");
        scan.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        scan.addClassName("portal-scan-action");
        // By its route, not its class: the shell does not depend on the features it leads to.
        scan.addClickListener(event -> scan.getUI().ifPresent(ui -> ui.navigate("scan")));
        VerticalLayout content = getContent();
        content.setPadding(false);
        content.setAlignItems(VerticalLayout.Alignment.STRETCH);
        content.add(scan);
    }
}
