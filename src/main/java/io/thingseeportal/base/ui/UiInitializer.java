package io.thingseeportal.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;

/**
 * Sets up every session and UI: the language the user chose earlier, and an error handler that shows a friendly
 * notification with an incident id while the details go to the log.
 */
@Component
class UiInitializer implements VaadinServiceInitListener {

    private final Incidents incidents;

    UiInitializer(Incidents incidents) {
        this.incidents = incidents;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(this::handle));
        event.getSource().addUIInitListener(init -> {
            VaadinRequest request = VaadinRequest.getCurrent();
            if (request != null) {
                LanguagePreference.chosen(request).ifPresent(init.getUI()::setLocale);
            }
        });
    }

    private void handle(ErrorEvent event) {
        String incident = incidents.record(event.getThrowable());
        UI ui = UI.getCurrent();
        if (ui != null) {
            ui.access(() -> {
                var notification = Notification.show(
                        ui.getTranslation("error.unexpected", incident), 8000, Notification.Position.BOTTOM_CENTER);
                notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
            });
        }
    }
}
