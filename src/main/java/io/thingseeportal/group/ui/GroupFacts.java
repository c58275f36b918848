package io.thingseeportal.group.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import io.thingseeportal.group.DeploymentGroup;
import io.thingseeportal.group.GroupId;
import java.util.Locale;

/** The group's header facts: description, environment, country and how many devices it has. */
class GroupFacts extends Composite<FlexLayout> {

    private final Span deviceCount = new Span();

    GroupFacts(DeploymentGroup group, long devices) {
        GroupId id = group.id();
        String country = GroupId.NO_COUNTRY.equals(id.country())
                ? getTranslation("group.country.none")
                : new Locale("", id.country().toUpperCase(Locale.ROOT)).getDisplayCountry(getLocale());
        deviceCount.setId("group-device-count");
        setDeviceCount(devices);
        var description = new Span(group.description() == null ? "" : group.description());
        description.setId("group-description");
        var environment = new Span(getTranslation(
                "group.environment",
                getTranslation("group.environment." + id.environment().code())));
        environment.setId("group-environment");
        var countryFact = new Span(getTranslation("group.country", country));
        countryFact.setId("group-country");
        getContent().add(description, environment, countryFact, deviceCount);
        getContent().setFlexWrap(FlexLayout.FlexWrap.WRAP);
        getContent().getStyle().set("gap", "var(--lumo-space-l)");
    }

    void setDeviceCount(long devices) {
        deviceCount.setText(getTranslation("group.device-count", String.valueOf(devices)));
    }
}
