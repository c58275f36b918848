package io.thingseeportal.tenant.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.thingseeportal.security.AppRoles;
import io.thingseeportal.tenant.TenantAdministration;
import io.thingseeportal.tenant.TenantService;
import io.thingseeportal.tenant.TenantStatus;
import io.thingseeportal.tenant.TenantSummary;
import io.thingseeportal.tenant.UnknownTenantException;
import io.thingseeportal.thingsee.TenantHealth;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/**
 * The operator's start: every tenant on the platform, which the operator adds, disables and enables again, and whose
 * sign-in they set up.
 */
@Route("tenants")
@Menu(order = 10, icon = "vaadin:building", title = "menu.tenants")
@RolesAllowed(AppRoles.OPERATOR)
class TenantListView extends Composite<VerticalLayout> implements HasDynamicTitle {

    private final TenantService tenants;
    private final Grid<TenantSummary> grid = new Grid<>();

    TenantListView(TenantService tenants, TenantAdministration administration, TenantHealth health) {
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
        grid.addComponentColumn(tenant -> new TenantHealthCell(tenant.slug(), health.of(tenant.slug())))
                .setKey("health")
                .setHeader(getTranslation("tenants.health"));
        grid.addComponentColumn(this::setUp).setKey("set-up").setHeader(getTranslation("tenants.set-up"));
        grid.setItems(tenants.findAll());
        var add = new Button(
                getTranslation("tenants.new"),
                click -> new NewTenantDialog(administration, added -> {
                            Notification.show(getTranslation("tenants.added", added.name()))
                                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                            UI.getCurrent().navigate(TenantSignInView.class, added.id());
                        })
                        .open());
        add.setId("tenant-new");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getContent().add(new H2(getTranslation("tenants.title")), add, grid);
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

    private HorizontalLayout setUp(TenantSummary tenant) {
        var signIn = new Button(
                getTranslation("tenants.sign-in.edit"),
                click -> UI.getCurrent().navigate(TenantSignInView.class, tenant.id()));
        signIn.setId("tenant-sign-in-" + tenant.slug());
        signIn.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        var thingsee = new Button(
                getTranslation("tenants.thingsee.edit"),
                click -> UI.getCurrent().navigate(TenantThingseeView.class, tenant.id()));
        thingsee.setId("tenant-thingsee-" + tenant.slug());
        thingsee.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        var both = new HorizontalLayout(signIn, thingsee);
        both.setSpacing(false);
        return both;
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
