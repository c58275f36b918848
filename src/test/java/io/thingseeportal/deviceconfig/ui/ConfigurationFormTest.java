package io.thingseeportal.deviceconfig.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import io.thingseeportal.MockedThingseeTest;
import io.thingseeportal.TestData;
import io.thingseeportal.device.MessageCatalog;
import io.thingseeportal.device.MessageField;
import io.thingseeportal.device.MessageType;
import io.thingseeportal.device.NamedValue;
import io.thingseeportal.device.ParameterType;
import io.thingseeportal.device.ProductType;
import io.thingseeportal.security.AppRoles;
import io.thingseeportal.thingsee.CommandReceipt;
import io.thingseeportal.thingsee.ThingseeMessage;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The configuration form of every product's messages, as the catalog builds it: a value out of a parameter's range,
 * a decimal where a whole number belongs or a list of the wrong length marks its field with the reason and keeps Send
 * off; named values are the only choices; the message's own values make it sendable again.
 */
class ConfigurationFormTest extends MockedThingseeTest {

    /** A TUID prefix (IMC) of each product, from REFERENCE 4.2. */
    static final Map<ProductType, String> IMC = Map.ofEntries(
            Map.entry(ProductType.GATEWAY, "TSGW01"),
            Map.entry(ProductType.GATEWAY_LAN, "TSGW05"),
            Map.entry(ProductType.ENVIRONMENT, "TSPD02"),
            Map.entry(ProductType.ENVIRONMENT_RUGGED, "TSRU01"),
            Map.entry(ProductType.PRESENCE, "TSPR04"),
            Map.entry(ProductType.DISTANCE, "TSTF01"),
            Map.entry(ProductType.BEAM, "TSTF04"),
            Map.entry(ProductType.ANGLE, "TSAN01"),
            Map.entry(ProductType.AIR, "TSAR01"),
            Map.entry(ProductType.LEAKAGE, "TSLK01"),
            Map.entry(ProductType.COUNT, "TSAP01"),
            Map.entry(ProductType.ACTIVITY, "GOTG01"),
            Map.entry(ProductType.LOOLIGHT, "WHLL01"));

    @Autowired
    MessageCatalog catalog;

    long tenantId;

    @BeforeEach
    void anAdmin() {
        tenantId = TestData.tenant(jdbc, "Acme");
        when(stacks.forTenant(anyString())).thenReturn(Optional.of(STACK));
        when(thingsee.sendCommands(eq(STACK), anyString(), any()))
                .thenAnswer(call -> new CommandReceipt("api-user", call.getArgument(2)));
        signIn("Aino", tenantId, AppRoles.ADMIN);
    }

    @ParameterizedTest
    @EnumSource(ProductType.class)
    void every_parameter_of_every_message_of_a_product_is_checked_in_the_form(ProductType product) {
        String tuid = IMC.get(product) + "FORMTEST0001";
        TestData.device(jdbc, tenantId, tuid, null);
        List<MessageType> messages = catalog.sendableFor(product);
        UI.getCurrent().navigate("devices/" + tuid);
        if (messages.isEmpty()) {
            _assertNone(Button.class, spec -> spec.withId("device-configure"));
            return;
        }
        _click(_get(Button.class, spec -> spec.withId("device-configure")));
        @SuppressWarnings("unchecked")
        Select<MessageType> message = _get(Select.class, spec -> spec.withId("configuration-message"));
        assertThat(message.getListDataView().getItems().toList()).isEqualTo(messages);
        for (MessageType type : messages) {
            _setValue(message, type);
            for (MessageField field : type.fields()) {
                if (field.readOnly()) {
                    _assertNone(Component.class, spec -> spec.withId("parameter-" + field.name()));
                } else {
                    checkField(type, field);
                }
            }
            assertThat(send().isEnabled())
                    .as("message %d with its defaults is sendable", type.tsmId())
                    .isTrue();
        }
    }

    @Test
    void the_preview_shows_the_json_that_goes_out_and_send_sends_exactly_that() {
        String tuid = "TSPR04FORMSEND001";
        TestData.device(jdbc, tenantId, tuid, null);
        UI.getCurrent().navigate("devices/" + tuid);
        _click(_get(Button.class, spec -> spec.withId("device-configure")));
        choose(13200);
        _setValue(_get(IntegerField.class, spec -> spec.withId("parameter-threshold")), 250);

        assertThat(_get(Pre.class, spec -> spec.withId("configuration-preview")).getText())
                .contains("\"tsmId\" : 13200", "\"tsmEv\" : 30", "\"threshold\" : 250", "\"mode\" : 0");
        _click(send());

        awaitUi(() -> !_get(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withId("device-command-said"))
                .getText()
                .isBlank());
        verify(thingsee)
                .sendCommands(
                        eq(STACK),
                        eq(tuid),
                        org.mockito.ArgumentMatchers.argThat((List<ThingseeMessage> sent) -> sent.size() == 1
                                && Integer.valueOf(250)
                                        .equals(
                                                sent.get(0).fields().get("threshold") instanceof Number n
                                                        ? n.intValue()
                                                        : null)));
    }

    private void checkField(MessageType type, MessageField field) {
        String id = "parameter-" + field.name();
        Component input = _get(Component.class, spec -> spec.withId(id));
        String what = type.tsmId() + "." + field.name();
        if (!field.namedValues().isEmpty()) {
            @SuppressWarnings("unchecked")
            Select<NamedValue> select = (Select<NamedValue>) input;
            assertThat(select.getListDataView().getItems().toList())
                    .as("%s offers its named values only", what)
                    .isEqualTo(field.namedValues());
            return;
        }
        if (field.type() == ParameterType.INTEGER && input instanceof IntegerField number) {
            Object initial = number.getValue();
            if (field.max() != null) {
                _setValue(number, field.max().intValue() + 1);
                assertRefused(input, what + " above its maximum");
            }
            if (field.min() != null && field.min().compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) > 0) {
                _setValue(number, field.min().intValue() - 1);
                assertRefused(input, what + " below its minimum");
            }
            _setValue(number, (Integer) initial);
            assertAccepted(input, what);
        } else if (input instanceof BigDecimalField number) {
            BigDecimal initial = number.getValue();
            if (field.max() != null) {
                _setValue(number, field.max().add(BigDecimal.ONE));
                assertRefused(input, what + " above its maximum");
            }
            if (field.type() == ParameterType.INTEGER) {
                _setValue(number, new BigDecimal("1.5"));
                assertRefused(input, what + " as a fraction");
            }
            _setValue(number, initial);
            assertAccepted(input, what);
        } else if (field.type() == ParameterType.INTEGERS && input instanceof TextField text) {
            String initial = text.getValue();
            _setValue(text, "1");
            assertRefused(input, what + " as a list of the wrong length");
            _setValue(text, initial);
            assertAccepted(input, what);
        }
    }

    private void assertRefused(Component input, String what) {
        assertThat(input.getElement().getProperty("invalid", false)).as(what).isTrue();
        assertThat(input.getElement().getProperty("errorMessage", "")).as(what).isNotBlank();
        assertThat(send().isEnabled()).as(what + " keeps Send off").isFalse();
    }

    private void assertAccepted(Component input, String what) {
        assertThat(input.getElement().getProperty("invalid", false))
                .as(what + " back in range")
                .isFalse();
    }

    private void choose(int tsmId) {
        @SuppressWarnings("unchecked")
        Select<MessageType> message = _get(Select.class, spec -> spec.withId("configuration-message"));
        _setValue(
                message,
                message.getListDataView()
                        .getItems()
                        .filter(type -> type.tsmId() == tsmId)
                        .findFirst()
                        .orElseThrow());
    }

    private static Button send() {
        return _get(Button.class, spec -> spec.withId("configuration-send"));
    }
}
