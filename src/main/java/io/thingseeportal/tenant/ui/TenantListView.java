package io.thingseeportal.tenant.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.thingseeportal.security.AppRoles;
import io.thingseeportal.tenant.TenantService;
import io.thingseeportal.tenant.TenantSummary;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** The operator's start: every tenant on the platform. */
@Route("tenants")
@Menu(order = 10, icon = "vaadin:building", title = "menu.tenants")
@RolesAllowed(AppRoles.OPERATOR)
class TenantListView extends Composite<VerticalLayout> implements HasDynamicTitle {

    TenantListView(TenantService tenants) {
        var grid = new Grid<TenantSummary>();
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
        grid.setItems(tenants.findAll());
        getContent().add(new H2(getTranslation("tenants.title")), grid);
        getContent().setSizeFull();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("tenants.title");
    }
}
