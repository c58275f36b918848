package io.thingseeportal.installation.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import io.thingseeportal.asset.AssetService;
import io.thingseeportal.device.DeviceDetailsService;
import io.thingseeportal.device.DeviceUpdates;
import io.thingseeportal.device.ProductType;
import io.thingseeportal.device.ui.RelativeTime;
import io.thingseeportal.group.GroupService;
import io.thingseeportal.installation.InstallationProperties;
import io.thingseeportal.installation.LabelScanService;
import io.thingseeportal.installation.WorkOrder;
import io.thingseeportal.installation.WorkOrderConfirmation;
import io.thingseeportal.installation.WorkOrderPlaces;
import io.thingseeportal.installation.WorkOrderService;
import io.thingseeportal.security.AppRoles;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One installation, at its current step: what Thingsee said of the sensor, then the asset, the group, the confirmation
 * and the live check that the sensor is alive. Every choice is stored on the server before the next step shows, so a
 * reload, a sleeping phone or another phone continues here ({@code work/<id>}). Calls that go to Thingsee run in the
 * background; their buttons are disabled until the answer comes.
 */
@Route("work")
@RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER})
class WorkOrderView extends Composite<VerticalLayout> implements HasUrlParameter<Long>, HasDynamicTitle {

    private static final Logger log = LoggerFactory.getLogger(WorkOrderView.class);
    private static final List<WorkOrder.Step> NUMBERED =
            List.of(WorkOrder.Step.ASSET, WorkOrder.Step.GROUP, WorkOrder.Step.CONFIRM, WorkOrder.Step.DONE);

    private final WorkOrderService orders;
    private final WorkOrderPlaces places;
    private final WorkOrderConfirmation confirmation;
    private final AssetService assets;
    private final GroupService groups;
    private final DeviceDetailsService details;
    private final DeviceUpdates updates;
    private final InstallationProperties properties;
    private final LabelScanService scans;
    private final Div header = new Div();
    private final Div body = new Div();
    private @Nullable WorkOrder order;

    WorkOrderView(
            WorkOrderService orders,
            WorkOrderPlaces places,
            WorkOrderConfirmation confirmation,
            AssetService assets,
            GroupService groups,
            DeviceDetailsService details,
            DeviceUpdates updates,
            InstallationProperties properties,
            LabelScanService scans) {
        this.orders = orders;
        this.places = places;
        this.confirmation = confirmation;
        this.assets = assets;
        this.groups = groups;
        this.details = details;
        this.updates = updates;
        this.properties = properties;
        this.scans = scans;
        header.addClassName("work-header");
        body.addClassName("work-body");
        body.setId("work-body");
        body.getElement().setAttribute("aria-live", "polite");
        getContent().addClassName("work-view");
        getContent().setAlignItems(VerticalLayout.Alignment.STRETCH);
        getContent().add(header, body);
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        orders.find(id).ifPresentOrElse(this::show, () -> {
            header.removeAll();
            body.removeAll();
            var missing = new Paragraph(getTranslation("work.not-found"));
            missing.setId("work-not-found");
            body.add(missing, scanNext());
        });
    }

    @Override
    public String getPageTitle() {
        return getTranslation("work.title");
    }

    /** Shows the work order at its step. */
    void show(WorkOrder shown) {
        this.order = shown;
        showHeader(shown);
        body.removeAll();
        WorkOrder.Failure failure = shown.failure();
        if (failure != null) {
            var reason = new Paragraph(getTranslation(failure.messageKey(), failure.detail()));
            reason.setId("work-failure");
            reason.addClassName("work-failure");
            body.add(reason);
        }
        body.add(
                switch (shown.step()) {
                    case CHECKING -> checking(shown);
                    case ALREADY_INSTALLED -> alreadyInstalled(shown);
                    case REPLACEMENT -> replacement(shown);
                    case ASSET ->
                        new AssetStep(
                                shown,
                                places,
                                assets,
                                this::show,
                                this::cancelButton,
                                scans.photoMaxSize().toBytes());
                    case GROUP -> new GroupStep(shown, places, orders, groups, this::show);
                    case CONFIRM -> confirm(shown);
                    case DONE -> done(shown);
                    case CANCELLED -> cancelled();
                });
    }

    private void showHeader(WorkOrder shown) {
        header.removeAll();
        var title = new H2(shown.product()
                .map(ProductType::productName)
                .orElseGet(() -> getTranslation(
                        "scan.sensor.unknown-product", shown.tuid().substring(0, 6))));
        var tuid = new Span(shown.tuid());
        tuid.setId("work-tuid");
        tuid.addClassName("scan-tuid");
        var step = new Paragraph(stepText(shown.step()));
        step.setId("work-step");
        step.addClassName("work-step");
        var icon = ProductIcons.of(shown.product());
        icon.addClassName("work-product-icon");
        header.add(icon, title, tuid);
        if (shown.replacesTuid() != null) {
            header.add(new Paragraph(getTranslation("work.replacing", shown.replacesTuid())));
        }
        var facts = new Paragraph(facts(shown));
        facts.addClassName("work-facts");
        header.add(facts, step);
    }

    private String stepText(WorkOrder.Step step) {
        String name = getTranslation("work.step." + step.name().toLowerCase(java.util.Locale.ROOT));
        int number = NUMBERED.indexOf(step);
        return number < 0 ? name : getTranslation("work.step-of", number + 1, name);
    }

    private String facts(WorkOrder shown) {
        var time = new RelativeTime(this, getLocale());
        String seen = shown.lastSeen() == null
                ? getTranslation("work.never-seen")
                : getTranslation("work.last-seen", lowerFirst(time.ago(shown.lastSeen(), Instant.now())));
        return shown.batteryLevel() == null
                ? seen
                : getTranslation("work.battery", shown.batteryLevel()) + " · " + seen;
    }

    private Component checking(WorkOrder shown) {
        var column = WorkOrderParts.column();
        if (shown.failure() == null) {
            column.add(new Paragraph(getTranslation("work.checking")));
        }
        column.add(
                WorkOrderParts.primary(
                        "work-retry", "work.retry", button -> run(button, () -> orders.checkInBackground(shown.id()))),
                cancelButton(shown));
        return column;
    }

    private Component alreadyInstalled(WorkOrder shown) {
        String place = shown.previousAsset() == null ? getTranslation("work.unknown-place") : shown.previousAsset();
        var where = new Paragraph(getTranslation("work.installed-at", place, shown.previousGroupId()));
        where.setId("work-installed-at");
        return WorkOrderParts.column(
                where,
                WorkOrderParts.primary(
                        "work-reinstall", "work.reinstall", button -> show(orders.reinstall(shown.id()))),
                WorkOrderParts.secondary("work-replace", "work.replace", button -> show(orders.replace(shown.id()))),
                cancelButton(shown));
    }

    private Component replacement(WorkOrder shown) {
        return WorkOrderParts.column(
                WorkOrderParts.primary(
                        "work-scan-replacement",
                        "work.scan-replacement",
                        button -> UI.getCurrent()
                                .navigate(
                                        "scan",
                                        QueryParameters.simple(Map.of("replacing", String.valueOf(shown.id()))))),
                cancelButton(shown));
    }

    private Component confirm(WorkOrder shown) {
        String asset = String.valueOf(shown.asset());
        var summary = new Paragraph(
                shown.replacesTuid() == null
                        ? getTranslation("work.confirm.summary", shown.tuid(), asset, shown.groupId())
                        : getTranslation(
                                "work.confirm.summary-replace",
                                shown.tuid(),
                                shown.replacesTuid(),
                                asset,
                                shown.groupId()));
        summary.setId("work-summary");
        var column = WorkOrderParts.column(
                summary,
                WorkOrderParts.primary(
                        "work-confirm",
                        shown.failure() == null ? "work.confirm" : "work.retry",
                        button -> run(button, () -> confirmation.confirmInBackground(shown.id()))));
        if (shown.done().isEmpty()) {
            column.add(
                    WorkOrderParts.secondary("work-back", "work.back", button -> show(orders.back(shown.id()))),
                    cancelButton(shown));
        }
        return column;
    }

    private Component done(WorkOrder shown) {
        var done = new Paragraph(getTranslation("work.done", shown.tuid(), shown.asset(), shown.groupId()));
        done.setId("work-done");
        done.addClassName("work-done");
        Instant since = shown.finishedAt() == null ? Instant.now() : shown.finishedAt();
        return WorkOrderParts.column(
                done, new LivenessCheck(shown.tuid(), since, details, updates, properties), scanNext());
    }

    private Component cancelled() {
        var cancelled = new Paragraph(getTranslation("work.cancelled"));
        cancelled.setId("work-cancelled");
        return WorkOrderParts.column(cancelled, scanNext());
    }

    private Button scanNext() {
        return WorkOrderParts.primary(
                "work-scan-next", "work.scan-next", button -> UI.getCurrent().navigate("scan"));
    }

    private Button cancelButton(WorkOrder shown) {
        var cancel = WorkOrderParts.secondary("work-cancel", "work.cancel", button -> show(orders.cancel(shown.id())));
        cancel.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        return cancel;
    }

    /** Runs a Thingsee step in the background with its button disabled, and shows the order it comes back with. */
    private void run(Button button, Supplier<CompletableFuture<WorkOrder>> call) {
        UI ui = UI.getCurrent();
        button.setEnabled(false);
        long id = order == null ? -1 : order.id();
        call.get()
                .whenComplete((answer, failure) -> ui.access(() -> {
                    if (failure != null) {
                        log.warn("Work order {} failed", id, failure);
                        button.setEnabled(true);
                        var reason = new Paragraph(getTranslation("work.failure.unexpected"));
                        reason.setId("work-failure");
                        body.addComponentAsFirst(reason);
                    } else {
                        show(answer);
                    }
                }));
    }

    /** "Just now" inside a sentence. */
    static String lowerFirst(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toLowerCase(java.util.Locale.ROOT) + text.substring(1);
    }
}
