package io.thingseeportal.installation.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.function.Consumer;

/** The pieces the work order's steps are made of: one column of full-width, thumb-sized buttons. */
final class WorkOrderParts {

    private WorkOrderParts() {}

    static VerticalLayout column(Component... children) {
        var column = new VerticalLayout(children);
        column.setPadding(false);
        column.setAlignItems(VerticalLayout.Alignment.STRETCH);
        return column;
    }

    /** The step's main action: a large button; {@code click} gets the button, to disable it while a call runs. */
    static Button primary(String id, String key, Consumer<Button> click) {
        var button = new Button();
        button.setText(button.getTranslation(key));
        button.setId(id);
        button.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        button.addClickListener(event -> click.accept(button));
        return button;
    }

    static Button secondary(String id, String key, Consumer<Button> click) {
        var button = primary(id, key, click);
        button.removeThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return button;
    }
}
