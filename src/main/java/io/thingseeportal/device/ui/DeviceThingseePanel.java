package io.thingseeportal.device.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.server.Command;
import io.thingseeportal.device.DeviceDetailsService;
import io.thingseeportal.device.DeviceUnknownToThingseeException;
import io.thingseeportal.device.NoSuchDeviceException;
import io.thingseeportal.thingsee.InstallationRecord;
import io.thingseeportal.thingsee.NoThingseeStackException;
import io.thingseeportal.thingsee.ThingseeException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What Thingsee itself says of the device: "Refresh from Thingsee" (its facts, recorded in the portal) and the
 * installation and group history, each asked in the background with a progress bar and the result in a notification.
 */
class DeviceThingseePanel extends Composite<VerticalLayout> {

    private static final Logger log = LoggerFactory.getLogger(DeviceThingseePanel.class);

    private final DeviceDetailsService devices;
    private final String tuid;
    private final Runnable onRefreshed;
    private final Button refresh = new Button();
    private final Button loadHistory = new Button();
    private final ProgressBar progress = new ProgressBar();
    private final Grid<InstallationRecord> history = new Grid<>();

    DeviceThingseePanel(DeviceDetailsService devices, String tuid, Runnable onRefreshed) {
        this.devices = devices;
        this.tuid = tuid;
        this.onRefreshed = onRefreshed;
        refresh.setId("refresh-from-thingsee");
        refresh.setText(getTranslation("device.page.refresh"));
        refresh.setIcon(VaadinIcon.REFRESH.create());
        refresh.addClickListener(click -> run(() -> devices.refreshFromThingsee(tuid), (details, failure) -> {
            if (failure == null) {
                Notification.show(getTranslation("device.page.refresh.done"))
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                this.onRefreshed.run();
            }
        }));
        loadHistory.setId("load-history");
        loadHistory.setText(getTranslation("device.page.history.load"));
        loadHistory.addClickListener(click -> run(() -> devices.installationHistory(tuid), (records, failure) -> {
            if (records != null) {
                history.setItems(records);
                history.setVisible(true);
            }
        }));
        progress.setId("thingsee-progress");
        progress.setIndeterminate(true);
        progress.setVisible(false);
        progress.setWidth("8rem");
        history.setId("installation-history");
        history.addColumn(record ->
                        getTranslation("device.status." + record.status().wireValue()))
                .setHeader(getTranslation("device.page.history.status"));
        history.addColumn(record -> record.groupId() == null ? "" : record.groupId())
                .setHeader(getTranslation("device.page.history.group"));
        history.setAllRowsVisible(true);
        history.setVisible(false);
        var actions = new HorizontalLayout(refresh, loadHistory, progress);
        actions.setWrap(true);
        actions.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        getContent().setPadding(false);
        getContent().add(actions, history);
    }

    /** Starts a Thingsee call in the background; its result comes back to this page through push. */
    private <T> void run(Supplier<CompletableFuture<T>> call, BiConsumer<@Nullable T, @Nullable Throwable> done) {
        UI ui = UI.getCurrent();
        busy(true);
        try {
            call.get().whenComplete((result, failure) -> push(ui, () -> finished(result, failure, done)));
        } catch (RuntimeException e) {
            finished(null, e, done);
        }
    }

    private <T> void finished(
            @Nullable T result, @Nullable Throwable failure, BiConsumer<@Nullable T, @Nullable Throwable> done) {
        busy(false);
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause != null) {
            Notification.show(message(cause)).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        done.accept(result, cause);
    }

    private void busy(boolean busy) {
        refresh.setEnabled(!busy);
        loadHistory.setEnabled(!busy);
        progress.setVisible(busy);
    }

    private String message(Throwable failure) {
        if (failure instanceof DeviceUnknownToThingseeException) {
            return getTranslation("device.page.thingsee.unknown");
        }
        if (failure instanceof ThingseeException thingsee) {
            String said = thingsee.apiMessage().isBlank() ? thingsee.getMessage() : thingsee.apiMessage();
            return getTranslation("device.page.thingsee.failed", said);
        }
        if (failure instanceof NoThingseeStackException) {
            return getTranslation("device.page.thingsee.no-stack");
        }
        if (failure instanceof NoSuchDeviceException) {
            return getTranslation("device.page.not-found", tuid);
        }
        log.error("Asking Thingsee about device {} failed", tuid, failure);
        return getTranslation("device.page.thingsee.error");
    }

    /** Updates the page from the background; once the user has left it, there is nothing to update. */
    private static void push(UI ui, Command command) {
        try {
            ui.access(command);
        } catch (UIDetachedException gone) {
            log.debug("The device page was closed before Thingsee answered");
        }
    }
}
