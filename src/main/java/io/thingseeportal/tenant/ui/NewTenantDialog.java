package io.thingseeportal.tenant.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.thingseeportal.tenant.NewTenant;
import io.thingseeportal.tenant.TenantAdministration;
import io.thingseeportal.tenant.TenantChangeRefusedException;
import io.thingseeportal.tenant.TenantSummary;
import jakarta.validation.ConstraintViolationException;
import java.text.Normalizer;
import java.util.Locale;
import java.util.function.Consumer;

/** An operator adds a customer organisation: its name, short name (suggested from the name) and default country. */
class NewTenantDialog extends Dialog {

    private final TextField name = new TextField();
    private final TextField slug = new TextField();
    private final TextField country = new TextField();
    private boolean slugEdited;

    NewTenantDialog(TenantAdministration administration, Consumer<TenantSummary> added) {
        setId("tenant-new-dialog");
        setHeaderTitle(getTranslation("tenant.new.title"));
        name.setLabel(getTranslation("tenant.new.name"));
        name.setId("tenant-new-name");
        name.setRequired(true);
        name.setValueChangeMode(ValueChangeMode.EAGER);
        name.addValueChangeListener(change -> {
            if (!slugEdited) {
                slug.setValue(suggestedSlug(change.getValue()));
            }
        });
        slug.setLabel(getTranslation("tenant.new.slug"));
        slug.setHelperText(getTranslation("tenant.new.slug.help"));
        slug.setId("tenant-new-slug");
        slug.setRequired(true);
        slug.addValueChangeListener(change -> slugEdited |= change.isFromClient());
        country.setLabel(getTranslation("tenant.new.country"));
        country.setHelperText(getTranslation("tenant.new.country.help"));
        country.setId("tenant-new-country");
        country.setMaxLength(2);
        add(new FormLayout(name, slug, country));

        var save = new Button(getTranslation("tenant.new.save"), click -> {
            String code = country.getValue().trim().toLowerCase(Locale.ROOT);
            try {
                TenantSummary tenant = administration.create(
                        new NewTenant(slug.getValue().trim(), name.getValue(), code.isEmpty() ? null : code));
                close();
                added.accept(tenant);
            } catch (TenantChangeRefusedException refused) {
                TextField field = refused.messageKey().contains("country") ? country : slug;
                field.setInvalid(true);
                field.setErrorMessage(getTranslation(refused.messageKey(), refused.arguments()));
            } catch (ConstraintViolationException invalid) {
                showViolations(invalid);
            }
        });
        save.setId("tenant-new-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("tenant.new.cancel"), click -> close()), save);
    }

    private void showViolations(ConstraintViolationException invalid) {
        for (var violation : invalid.getConstraintViolations()) {
            String property = violation.getPropertyPath().toString();
            TextField field = property.endsWith("name") ? name : property.endsWith("slug") ? slug : country;
            field.setInvalid(true);
            field.setErrorMessage(
                    getTranslation("tenant.new.invalid." + field.getId().orElseThrow()));
        }
    }

    /** "Cumulus Logistics Oy" becomes "cumulus-logistics-oy". */
    static String suggestedSlug(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^[^a-z]+|-+$", "");
        return plain.length() > 40 ? plain.substring(0, 40).replaceAll("-+$", "") : plain;
    }
}
