package io.thingseeportal.device.ui;

import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.HasText;

/**
 * Sets a text or a theme only when it differs from what is shown. Vaadin sends a text to the browser again even when
 * it is the same (the element's text node is taken out and put back), and a live page sets its texts several times a
 * second.
 */
final class ChangedText {

    private ChangedText() {}

    static void set(HasText component, String text) {
        if (!text.equals(component.getText())) {
            component.setText(text);
        }
    }

    /** The element's whole {@code theme} attribute, for example {@code "badge success"}. */
    static void theme(HasElement component, String theme) {
        if (!theme.equals(component.getElement().getAttribute("theme"))) {
            component.getElement().getThemeList().clear();
            component.getElement().getThemeList().add(theme);
        }
    }
}
