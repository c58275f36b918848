package io.thingseeportal.tenant.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import io.thingseeportal.tenant.TenantSettings;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The fields of the tenant settings, with their rules. */
class TenantSettingsForm extends Composite<FormLayout> {

    private final TextField name = new TextField();
    private final ComboBox<Locale> country = new ComboBox<>();

    TenantSettingsForm(List<Locale> countries) {
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

        getContent().add(name, country);
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
    }

    /** The form's mutable values, as Binder wants them. */
    static final class Values {
        private String name = "";
        private @Nullable Locale country;

        static Values of(TenantSettings settings) {
            var values = new Values();
            values.name = settings.name();
            values.country = settings.defaultCountry() == null ? null : new Locale("", settings.defaultCountry());
            return values;
        }

        TenantSettings toSettings() {
            return new TenantSettings(
                    name.trim(), country == null ? null : country.getCountry().toLowerCase(Locale.ROOT));
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
