package io.thingseeportal.simulator.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.thingseeportal.security.AppRoles;
import io.thingseeportal.simulator.DeviceLabel;
import io.thingseeportal.simulator.SimulatorLabelService;
import jakarta.annotation.security.RolesAllowed;

/**
 * The stickers of the simulated devices, to print and scan in the demo. Not registered at startup: {@link
 * SimulatorRoutes} adds it only while the simulator runs.
 */
@Route(value = DeviceLabelsView.PATH, registerAtStartup = false)
@Menu(order = 80, icon = "vaadin:qrcode", title = "menu.simulator-labels")
@RolesAllowed(AppRoles.ADMIN)
class DeviceLabelsView extends Composite<VerticalLayout> implements HasDynamicTitle {

    static final String PATH = "simulator/labels";

    DeviceLabelsView(SimulatorLabelService labels) {
        var print = new Button(getTranslation("labels.print"), VaadinIcon.PRINT.create());
        print.addClickListener(
                click -> click.getSource().getUI().ifPresent(ui -> ui.getPage().executeJs("window.print()")));
        print.addClassName("label-sheet-hidden-in-print");
        var hint = new Paragraph(getTranslation("labels.hint"));
        hint.addClassName("label-sheet-hidden-in-print");
        var sheet = new Div();
        sheet.addClassName("label-sheet");
        sheet.setId("labels");
        var all = labels.labelsOfCurrentTenant();
        all.forEach(label -> sheet.add(card(label)));
        var title = new H2(getTranslation("labels.title"));
        title.addClassName("label-sheet-hidden-in-print");
        getContent().add(title, hint, print);
        getContent().add(all.isEmpty() ? new Paragraph(getTranslation("labels.none")) : sheet);
    }

    private Component card(DeviceLabel label) {
        var card = new Div();
        card.addClassName("device-label");
        var codes = new Div(code(label.legacyQr(), "labels.format.legacy"));
        codes.addClassName("device-label-codes");
        if (label.haltianQr() != null) {
            codes.add(code(label.haltianQr(), "labels.format.haltian"));
        }
        var tuid = new Span(label.tuid());
        tuid.addClassName("device-label-tuid");
        var product = new Span(label.productName());
        product.addClassName("device-label-product");
        card.add(codes, tuid, product);
        return card;
    }

    private Component code(String content, String formatKey) {
        var image = new Image(QrCodes.dataUri(content), content);
        image.addClassName("device-label-qr");
        var format = new Span(getTranslation(formatKey));
        format.addClassName("device-label-format");
        var code = new Div(image, format);
        code.addClassName("device-label-code");
        return code;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("labels.title");
    }
}
