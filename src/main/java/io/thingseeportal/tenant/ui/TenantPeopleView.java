package io.thingseeportal.tenant.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.thingseeportal.security.AppRoles;
import io.thingseeportal.security.InstallerAccess;
import io.thingseeportal.security.InstallerGrants;
import io.thingseeportal.tenant.SeenUser;
import io.thingseeportal.tenant.TenantService;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Map;
import java.util.Optional;

/**
 * A customer admin's view of the people who signed in to their organisation: their role as the organisation's
 * identity provider gave it at their last sign-in (or none: they saw "no access"), and when; and the temporary installer
 * access that holds for them (granted on the Assets page).
 */
@Route("people")
@Menu(order = 85, icon = "vaadin:users", title = "menu.people")
@RolesAllowed(AppRoles.ADMIN)
class TenantPeopleView extends Composite<VerticalLayout> implements HasDynamicTitle {

    TenantPeopleView(TenantService tenants, InstallerGrants grants) {
        var time = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(getLocale())
                .withZone(ZoneId.systemDefault());
        Grid<SeenUser> grid = new Grid<>();
        grid.setId("people");
        grid.addColumn(SeenUser::name).setKey("name").setHeader(getTranslation("people.name"));
        grid.addColumn(user -> user.email() == null ? "" : user.email())
                .setKey("email")
                .setHeader(getTranslation("people.email"));
        grid.addColumn(user -> getTranslation(user.role() == null ? "people.no-role" : "role." + user.role()))
                .setKey("role")
                .setHeader(getTranslation("people.role"));
        var day = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(getLocale())
                .withZone(ZoneId.systemDefault());
        Map<String, InstallerAccess> access = grants.holdingByPerson();
        grid.addColumn(user -> Optional.ofNullable(access.get(user.subject()))
                        .map(granted -> getTranslation(
                                "people.installer-access",
                                granted.siteName(),
                                day.format(granted.endsAt().minusSeconds(1))))
                        .orElse(""))
                .setKey("access")
                .setHeader(getTranslation("people.access"));
        grid.addColumn(user -> time.format(user.lastSignInAt()))
                .setKey("last")
                .setHeader(getTranslation("people.last-sign-in"));
        grid.addColumn(user -> time.format(user.firstSeenAt()))
                .setKey("first")
                .setHeader(getTranslation("people.first-seen"));
        grid.setItems(tenants.seenUsers());
        getContent().add(new H2(getTranslation("people.title")), new Paragraph(getTranslation("people.hint")), grid);
        getContent().setSizeFull();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("people.title");
    }
}
