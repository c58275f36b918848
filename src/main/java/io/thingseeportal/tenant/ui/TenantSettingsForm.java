package io.thingseeportal.tenant.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.Setter;
import com.vaadin.flow.function.ValueProvider;
import io.thingseeportal.tenant.TenantSettings;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The fields of the tenant settings, with their rules: the organisation, its installations, its rollouts. */
class TenantSettingsForm extends Composite<FormLayout> {

    /** A page of the tenant's groups whose id or description has the text. */
    interface GroupChoices {
        List<String> matching(String text, int offset, int limit);
    }

    private final TextField name = new TextField();
    final ComboBox<Locale> country = new ComboBox<>();
    final ComboBox<String> group = new ComboBox<>();
    private final IntegerField echoDeadline = new IntegerField();
    private final IntegerField rolloutMax = new IntegerField();
    private final IntegerField rolloutStop = new IntegerField();

    TenantSettingsForm(List<Locale> countries, GroupChoices groups) {
        name.setId("tenant-name");
        name.setLabel(getTranslation("settings.name"));
        name.setMaxLength(TenantSettings.NAME_MAX_LENGTH);
        name.setRequiredIndicatorVisible(true);

        country.setId("default-country");
        country.setLabel(getTranslation("settings.country"));
        country.setHelperText(getTranslation("settings.country.help"));
        country.setPlaceholder(getTranslation("settings.country.none"));
        country.setClearButtonVisible(true);
        country.setItems(countries);
        Locale display = getLocale();
        country.setItemLabelGenerator(locale -> locale.getDisplayCountry(display) + " (" + locale.getCountry() + ")");

        group.setId("default-group");
        group.setLabel(getTranslation("settings.group"));
        group.setHelperText(getTranslation("settings.group.help"));
        group.setPlaceholder(getTranslation("settings.group.none"));
        group.setClearButtonVisible(true);
        group.setItems(
                query -> groups.matching(query.getFilter().orElse(""), query.getOffset(), query.getLimit()).stream());

        number(echoDeadline, "settings-echo-deadline", "settings.echo-deadline");
        number(rolloutMax, "settings-rollout-max", "settings.rollout-max");
        number(rolloutStop, "settings-rollout-stop", "settings.rollout-stop");

        FormLayout form = getContent();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        form.add(
                heading("settings.organisation"),
                name,
                country,
                heading("settings.installations"),
                group,
                heading("settings.commands"),
                echoDeadline,
                rolloutMax,
                rolloutStop);
    }

    /** A whole number, empty for the portal's default; its range is the binder's, which says it in words. */
    private void number(IntegerField field, String id, String key) {
        field.setId(id);
        field.setLabel(getTranslation(key));
        field.setHelperText(getTranslation(key + ".help"));
        field.setPlaceholder(getTranslation(key + ".default"));
        field.setClearButtonVisible(true);
    }

    private H3 heading(String key) {
        return new H3(getTranslation(key));
    }

    void bind(Binder<Values> binder) {
        binder.forField(name)
                .asRequired(getTranslation("settings.name.required"))
                .withValidator(value -> !value.isBlank(), getTranslation("settings.name.required"))
                .withValidator(
                        value -> value.trim().length() <= TenantSettings.NAME_MAX_LENGTH,
                        getTranslation("settings.name.too-long", TenantSettings.NAME_MAX_LENGTH))
                .bind(Values::getName, Values::setName);
        binder.forField(country).bind(Values::getCountry, Values::setCountry);
        binder.forField(group).bind(values -> values.group, (values, value) -> values.group = value);
        bindNumber(
                binder,
                echoDeadline,
                1,
                TenantSettings.ECHO_DEADLINE_MAX_MINUTES,
                "settings.echo-deadline.range",
                values -> values.echoDeadline,
                (values, value) -> values.echoDeadline = value);
        bindNumber(
                binder,
                rolloutMax,
                1,
                TenantSettings.ROLLOUT_MAX_DEVICES,
                "settings.rollout-max.range",
                values -> values.rolloutMax,
                (values, value) -> values.rolloutMax = value);
        bindNumber(
                binder,
                rolloutStop,
                0,
                100,
                "settings.rollout-stop.range",
                values -> values.rolloutStop,
                (values, value) -> values.rolloutStop = value);
    }

    private void bindNumber(
            Binder<Values> binder,
            IntegerField field,
            int min,
            int max,
            String message,
            ValueProvider<Values, @Nullable Integer> getter,
            Setter<Values, @Nullable Integer> setter) {
        binder.forField(field)
                .withValidator(
                        value -> value == null || (value >= min && value <= max), getTranslation(message, min, max))
                .bind(getter, setter);
    }

    /** The form's mutable values, as Binder wants them. */
    static final class Values {
        private String name = "";
        private @Nullable Locale country;
        private @Nullable String group;
        private @Nullable Integer echoDeadline;
        private @Nullable Integer rolloutMax;
        private @Nullable Integer rolloutStop;

        static Values of(TenantSettings settings) {
            var values = new Values();
            values.name = settings.name();
            values.country = settings.defaultCountry() == null ? null : new Locale("", settings.defaultCountry());
            values.group = settings.defaultGroupId();
            values.echoDeadline = settings.echoDeadlineMinutes();
            values.rolloutMax = settings.rolloutMaxDevices();
            values.rolloutStop = settings.rolloutStopPercent();
            return values;
        }

        TenantSettings toSettings() {
            return new TenantSettings(
                    name.trim(),
                    country == null ? null : country.getCountry().toLowerCase(Locale.ROOT),
                    group,
                    echoDeadline,
                    rolloutMax,
                    rolloutStop);
        }

        String getName() {
            return name;
        }

        void setName(String name) {
            this.name = name;
        }

        @Nullable
        Locale getCountry() {
            return country;
        }

        void setCountry(@Nullable Locale country) {
            this.country = country;
        }
    }
}
