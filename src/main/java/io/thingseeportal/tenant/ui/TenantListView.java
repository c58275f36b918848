package io.thingseeportal.tenant.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.thingseeportal.security.AppRoles;
import io.thingseeportal.tenant.TenantService;
import io.thingseeportal.tenant.TenantStatus;
import io.thingseeportal.tenant.TenantSummary;
import io.thingseeportal.tenant.UnknownTenantException;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** The operator's start: every tenant on the platform, each of which the operator can disable and enable again. */
@Route("tenants")
@Menu(order = 10, icon = "vaadin:building", title = "menu.tenants")
@RolesAllowed(AppRoles.OPERATOR)
class TenantListView extends Composite<VerticalLayout> implements HasDynamicTitle {

    private final TenantService tenants;
    private final Grid<TenantSummary> grid = new Grid<>();

    TenantListView(TenantService tenants) {
        this.tenants = tenants;
        grid.setId("tenants");
        grid.addColumn(TenantSummary::name)
                .setHeader(getTranslation("tenants.name"))
                .setSortable(true);
        grid.addColumn(TenantSummary::slug).setHeader(getTranslation("tenants.slug"));
        grid.addColumn(tenant -> tenant.defaultCountry() == null
                        ? ""
                        : tenant.defaultCountry().toUpperCase())
                .setHeader(getTranslation("tenants.country"));
        var created = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(getLocale())
                .withZone(ZoneId.systemDefault());
        grid.addColumn(tenant -> created.format(tenant.createdAt())).setHeader(getTranslation("tenants.created"));
        grid.addComponentColumn(this::status).setKey("status").setHeader(getTranslation("tenants.status"));
        grid.addComponentColumn(this::action).setKey("access").setHeader(getTranslation("tenants.access"));
        grid.setItems(tenants.findAll());
        getContent().add(new H2(getTranslation("tenants.title")), grid);
        getContent().setSizeFull();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("tenants.title");
    }

    private Span status(TenantSummary tenant) {
        var badge = new Span(
                getTranslation("tenants.status." + tenant.status().name().toLowerCase()));
        badge.getElement().getThemeList().add(tenant.status() == TenantStatus.ACTIVE ? "badge success" : "badge error");
        badge.setId("tenant-status-" + tenant.slug());
        return badge;
    }

    private Button action(TenantSummary tenant) {
        boolean active = tenant.status() == TenantStatus.ACTIVE;
        var button = new Button(getTranslation(active ? "tenants.disable" : "tenants.enable"));
        button.setId((active ? "tenant-disable-" : "tenant-enable-") + tenant.slug());
        button.addThemeVariants(
                ButtonVariant.LUMO_SMALL, active ? ButtonVariant.LUMO_ERROR : ButtonVariant.LUMO_SUCCESS);
        button.addClickListener(click -> {
            if (active) {
                confirmDisable(tenant);
            } else {
                change(tenant, TenantStatus.ACTIVE);
            }
        });
        return button;
    }

    private void confirmDisable(TenantSummary tenant) {
        var confirm = new ConfirmDialog();
        confirm.setId("tenant-disable-confirm");
        confirm.setHeader(getTranslation("tenants.disable.title", tenant.name()));
        confirm.setText(getTranslation("tenants.disable.text"));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("tenants.disable.keep"));
        confirm.setConfirmText(getTranslation("tenants.disable"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(event -> change(tenant, TenantStatus.DISABLED));
        confirm.open();
    }

    private void change(TenantSummary tenant, TenantStatus status) {
        try {
            tenants.setStatus(tenant.id(), status);
            Notification.show(getTranslation("tenants.changed." + status.name().toLowerCase(), tenant.name()))
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (UnknownTenantException gone) {
            Notification.show(getTranslation("tenants.gone", tenant.name()))
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        grid.setItems(tenants.findAll());
    }
}
