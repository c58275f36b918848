package io.thingseeportal.tenant.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.thingseeportal.thingsee.StreamSettings;
import io.thingseeportal.thingsee.StreamSettingsRefusedException;
import io.thingseeportal.thingsee.TenantStreamSettings;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An operator sets a tenant's data stream: the broker, the topics, the credentials (passwords write-only) and the
 * certificate files. Saving reconnects the stream on this node at once and on the others at their next check.
 */
class TenantStreamForm extends Composite<VerticalLayout> {

    private final TenantStreamSettings streams;
    private final long tenantId;
    private final Checkbox enabled = new Checkbox();
    private final TextField brokerUrl = new TextField();
    private final TextArea topicFilters = new TextArea();
    private final TextField sharedGroup = new TextField();
    private final TextField username = new TextField();
    private final PasswordField password = new PasswordField();
    private final TextField keyStore = new TextField();
    private final PasswordField keyStorePassword = new PasswordField();
    private final Select<String> keyStoreType = new Select<>();
    private final TextField trustStore = new TextField();
    private final PasswordField trustStorePassword = new PasswordField();
    private final Select<String> trustStoreType = new Select<>();
    private final Map<String, HasValidation> fields = new LinkedHashMap<>();

    TenantStreamForm(TenantStreamSettings streams, long tenantId) {
        this.streams = streams;
        this.tenantId = tenantId;
        enabled.setId("stream-enabled");
        enabled.setLabel(getTranslation("tenant.stream.enabled"));
        field(brokerUrl, "brokerUrl", "stream-broker-url", "tenant.stream.broker-url");
        brokerUrl.setHelperText(getTranslation("tenant.stream.broker-url.help"));
        field(topicFilters, "topicFilters", "stream-topic-filters", "tenant.stream.topic-filters");
        topicFilters.setHelperText(getTranslation("tenant.stream.topic-filters.help"));
        field(sharedGroup, "sharedGroup", "stream-shared-group", "tenant.stream.shared-group");
        sharedGroup.setHelperText(getTranslation("tenant.stream.shared-group.help"));
        field(username, "username", "stream-username", "tenant.stream.username");
        field(password, "password", "stream-password", "tenant.stream.password");
        field(keyStore, "keyStore", "stream-key-store", "tenant.stream.key-store");
        keyStore.setHelperText(getTranslation("tenant.stream.key-store.help"));
        field(keyStorePassword, "keyStorePassword", "stream-key-store-password", "tenant.stream.key-store-password");
        field(keyStoreType, "keyStoreType", "stream-key-store-type", "tenant.stream.key-store-type");
        field(trustStore, "trustStore", "stream-trust-store", "tenant.stream.trust-store");
        trustStore.setHelperText(getTranslation("tenant.stream.trust-store.help"));
        field(
                trustStorePassword,
                "trustStorePassword",
                "stream-trust-store-password",
                "tenant.stream.trust-store-password");
        field(trustStoreType, "trustStoreType", "stream-trust-store-type", "tenant.stream.trust-store-type");
        keyStoreType.setItems("PKCS12", "JKS");
        trustStoreType.setItems("PKCS12", "JKS");
        var save = new Button(getTranslation("tenant.stream.save"), click -> save());
        save.setId("stream-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Optional<StreamSettings> stored = streams.settings(tenantId);
        show(stored.orElseGet(StreamSettings::blank), stored.isPresent());
        getContent().setPadding(false);
        getContent()
                .add(
                        new H3(getTranslation("tenant.stream.title")),
                        new Paragraph(getTranslation("tenant.stream.intro")),
                        enabled,
                        new FormLayout(
                                brokerUrl,
                                topicFilters,
                                sharedGroup,
                                username,
                                password,
                                keyStore,
                                keyStorePassword,
                                keyStoreType,
                                trustStore,
                                trustStorePassword,
                                trustStoreType),
                        save);
    }

    private void field(com.vaadin.flow.component.Component field, String property, String id, String label) {
        field.setId(id);
        field.getElement().setProperty("label", getTranslation(label));
        fields.put(property, (HasValidation) field);
    }

    private void show(StreamSettings settings, boolean stored) {
        enabled.setValue(settings.enabled());
        brokerUrl.setValue(settings.brokerUrl());
        topicFilters.setValue(String.join("\n", settings.topicFilters()));
        sharedGroup.setValue(settings.sharedGroup());
        username.setValue(settings.username());
        keyStore.setValue(settings.keyStore());
        keyStoreType.setValue(settings.keyStoreType());
        trustStore.setValue(settings.trustStore());
        trustStoreType.setValue(settings.trustStoreType());
        stored(password, settings.hasPassword());
        stored(keyStorePassword, settings.hasKeyStorePassword());
        stored(trustStorePassword, settings.hasTrustStorePassword());
        enabled.setHelperText(stored ? "" : getTranslation("tenant.stream.none-yet"));
    }

    private void stored(PasswordField field, boolean isStored) {
        field.clear();
        field.setPlaceholder(isStored ? getTranslation("tenant.provider.secret.stored") : "");
    }

    private void save() {
        fields.values().forEach(field -> field.setInvalid(false));
        var settings = new StreamSettings(
                enabled.getValue(),
                brokerUrl.getValue(),
                username.getValue(),
                Arrays.stream(topicFilters.getValue().split("\\R"))
                        .map(String::strip)
                        .filter(filter -> !filter.isEmpty())
                        .toList(),
                sharedGroup.getValue(),
                keyStore.getValue(),
                keyStoreType.getValue(),
                trustStore.getValue(),
                trustStoreType.getValue(),
                false,
                false,
                false);
        try {
            streams.save(
                    tenantId,
                    settings,
                    new TenantStreamSettings.NewPasswords(
                            password.getValue(), keyStorePassword.getValue(), trustStorePassword.getValue()));
            show(streams.settings(tenantId).orElseThrow(), true);
            Notification.show(getTranslation("tenant.stream.saved")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (StreamSettingsRefusedException refused) {
            topicFilters.setErrorMessage(getTranslation(refused.messageKey(), refused.arguments()));
            topicFilters.setInvalid(true);
            Notification.show(getTranslation("tenant.stream.invalid")).addThemeVariants(NotificationVariant.LUMO_ERROR);
        } catch (ConstraintViolationException invalid) {
            for (ConstraintViolation<?> violation : invalid.getConstraintViolations()) {
                HasValidation field = fieldOf(violation);
                field.setErrorMessage(violation.getMessage());
                field.setInvalid(true);
            }
            Notification.show(getTranslation("tenant.stream.invalid")).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    /** The field a violation is about: its path reads {@code save.settings.<property>[<index>]...}. */
    private HasValidation fieldOf(ConstraintViolation<?> violation) {
        List<String> path = Arrays.asList(violation.getPropertyPath().toString().split("[.\\[]"));
        return fields.entrySet().stream()
                .filter(field -> path.contains(field.getKey()))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(brokerUrl);
    }
}
