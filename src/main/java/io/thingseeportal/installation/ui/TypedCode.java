package io.thingseeportal.installation.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import io.thingseeportal.installation.LabelReading;
import io.thingseeportal.installation.LabelScanService;
import java.util.function.Consumer;

/** The last fallback: the installer types the TUID (or the label's text), or the PSN and IMC printed on the sensor. */
class TypedCode extends Composite<Details> {

    TypedCode(Consumer<LabelReading> read, LabelScanService scans) {
        var code = new TextField(getTranslation("scan.typed.code"));
        code.setId("typed-code");
        code.setPlaceholder("TSPR04EZU31901021");
        code.setWidthFull();
        var check =
                new Button(getTranslation("scan.typed.check"), event -> read.accept(scans.resolve(code.getValue())));
        check.setId("typed-check");
        check.addClickShortcut(Key.ENTER).listenOn(code);

        var psn = new TextField(getTranslation("scan.typed.psn"));
        psn.setId("typed-psn");
        psn.setPlaceholder("EZU31901021");
        var imc = new TextField(getTranslation("scan.typed.imc"));
        imc.setId("typed-imc");
        imc.setPlaceholder("TSPR04");
        var checkParts = new Button(
                getTranslation("scan.typed.check"),
                event -> read.accept(scans.resolve(psn.getValue(), imc.getValue())));
        checkParts.setId("typed-check-parts");
        checkParts.addClickShortcut(Key.ENTER).listenOn(psn, imc);

        var parts = new HorizontalLayout(psn, imc, checkParts);
        parts.setWrap(true);
        parts.setAlignItems(FlexComponent.Alignment.BASELINE);
        var column = new VerticalLayout(new HorizontalLayout(code, check), parts);
        column.setPadding(false);
        column.getChildren().findFirst().ifPresent(row -> {
            ((HorizontalLayout) row).setWidthFull();
            ((HorizontalLayout) row).setAlignItems(FlexComponent.Alignment.BASELINE);
        });

        Details details = getContent();
        details.setSummaryText(getTranslation("scan.typed.title"));
        details.setId("typed");
        details.add(column);
    }
}
