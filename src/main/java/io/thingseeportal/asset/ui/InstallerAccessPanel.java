package io.thingseeportal.asset.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.thingseeportal.asset.Asset;
import io.thingseeportal.asset.InstallerAccessRefusedException;
import io.thingseeportal.asset.InstallerAccessService;
import io.thingseeportal.asset.InstallerGrant;
import io.thingseeportal.tenant.SeenUser;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.function.Supplier;

/**
 * Temporary installer access, on the asset page: who may install at which site until which day, each with an end
 * button; and a form to grant a person seen at sign-in the installer role for one site until a day.
 */
class InstallerAccessPanel extends Composite<VerticalLayout> {

    private final InstallerAccessService access;
    private final ZoneId zone = ZoneId.systemDefault();
    private final ComboBox<SeenUser> person = new ComboBox<>();
    private final ComboBox<Asset> site = new ComboBox<>();
    private final DatePicker lastDay = new DatePicker();
    private final Grid<InstallerGrant> grants = new Grid<>();
    private final Supplier<List<Asset>> sites;

    InstallerAccessPanel(InstallerAccessService access, List<SeenUser> people, Supplier<List<Asset>> sites) {
        this.access = access;
        this.sites = sites;
        var lastDayFormat =
                DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale());

        grants.setId("installer-access-grants");
        grants.addColumn(InstallerGrant::personName).setHeader(getTranslation("installer-access.person"));
        grants.addColumn(InstallerGrant::siteName).setHeader(getTranslation("installer-access.site"));
        grants.addColumn(grant -> lastDayFormat.format(
                        grant.endsAt().atZone(zone).toLocalDate().minusDays(1)))
                .setHeader(getTranslation("installer-access.until"));
        grants.addColumn(InstallerGrant::grantedByName).setHeader(getTranslation("installer-access.granted-by"));
        grants.addComponentColumn(grant -> {
                    var end = new Button(getTranslation("installer-access.end"), click -> {
                        access.end(grant.id());
                        refresh();
                    });
                    end.setId("installer-access-end-" + grant.id());
                    end.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
                    return end;
                })
                .setKey("end");
        grants.setAllRowsVisible(true);

        person.setId("installer-access-person");
        person.setLabel(getTranslation("installer-access.person"));
        person.setItems(people);
        person.setItemLabelGenerator(
                seen -> seen.email() == null ? seen.name() : seen.name() + " (" + seen.email() + ")");
        person.setHelperText(getTranslation("installer-access.person.help"));
        site.setId("installer-access-site");
        site.setLabel(getTranslation("installer-access.site"));
        site.setItemLabelGenerator(Asset::name);
        lastDay.setId("installer-access-last-day");
        lastDay.setLabel(getTranslation("installer-access.until"));
        lastDay.setMin(LocalDate.now(zone));
        var grant = new Button(getTranslation("installer-access.grant"), click -> grant());
        grant.setId("installer-access-grant");
        grant.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var form = new HorizontalLayout(person, site, lastDay, grant);
        form.setWrap(true);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);

        var content = getContent();
        content.setPadding(false);
        content.add(
                new H3(getTranslation("installer-access.title")),
                new Paragraph(getTranslation("installer-access.intro")),
                grants,
                form);
        refresh();
    }

    /** The grants that hold now, and the sites as the tree has them now. */
    void refresh() {
        grants.setItems(access.holding(null));
        site.setItems(sites.get());
    }

    private void grant() {
        person.setInvalid(person.isEmpty());
        site.setInvalid(site.isEmpty());
        lastDay.setInvalid(lastDay.isEmpty());
        person.setErrorMessage(getTranslation("installer-access.person.required"));
        site.setErrorMessage(getTranslation("installer-access.site.required"));
        lastDay.setErrorMessage(getTranslation("installer-access.day.required"));
        if (person.isEmpty() || site.isEmpty() || lastDay.isEmpty()) {
            return;
        }
        try {
            access.grant(person.getValue().subject(), site.getValue().id(), lastDay.getValue(), zone);
        } catch (InstallerAccessRefusedException refused) {
            var field = refused.messageKey().startsWith("installer-access.day")
                    ? lastDay
                    : refused.messageKey().startsWith("installer-access.site") ? site : person;
            field.setErrorMessage(getTranslation(refused.messageKey(), refused.arguments()));
            field.setInvalid(true);
            return;
        }
        person.clear();
        lastDay.clear();
        refresh();
    }
}
