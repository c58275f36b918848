package io.thingseeportal.tenant.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.thingseeportal.KaribuTest;
import io.thingseeportal.TestData;
import io.thingseeportal.security.AppRoles;
import io.thingseeportal.thingsee.ConfiguredStream;
import io.thingseeportal.thingsee.ConfiguredStreams;
import io.thingseeportal.thingsee.TenantStreamSettings;
import io.thingseeportal.thingsee.ThingseeProperties;
import java.net.URI;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The operator sets a tenant's data stream on its Thingsee page, the passwords write-only. */
class TenantStreamFormTest extends KaribuTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ConfiguredStreams configured;

    @Autowired
    TenantStreamSettings streams;

    long tenantId;
    String slug;

    @BeforeEach
    void anOperatorOnATenantsThingseePage() {
        tenantId = TestData.tenant(jdbc, "Cumulus");
        slug = TestData.slug(jdbc, tenantId);
        signIn("otto", null, AppRoles.OPERATOR);
        UI.getCurrent().navigate(TenantThingseeView.class, tenantId);
    }

    @Test
    void a_tenant_without_a_stream_is_offered_thingsees_topics_and_told_it_has_no_live_data_yet() {
        assertThat(_get(TextArea.class, spec -> spec.withId("stream-topic-filters"))
                        .getValue())
                .isEqualTo("cloudext/json/#");
        assertThat(_get(Checkbox.class, spec -> spec.withId("stream-enabled")).getHelperText())
                .startsWith("No data stream yet");
    }

    @Test
    void a_saved_stream_is_the_one_the_portal_receives_and_its_password_is_not_shown_again() {
        field("stream-broker-url").setValue("tcp://broker.example:1883");
        _get(TextArea.class, spec -> spec.withId("stream-topic-filters"))
                .setValue("cumulus/cloudext/json/#\n\ncumulus/extra/#\n");
        field("stream-username").setValue("cumulus");
        password("stream-password").setValue("broker-secret-4711");

        _click(_get(Button.class, spec -> spec.withId("stream-save")));

        expectNotifications("Saved. This node reconnects the stream now, the other nodes within 30 seconds; its state"
                + " shows in the tenant list.");
        ThingseeProperties.Stream stream = stream();
        assertThat(stream.brokerUrl()).isEqualTo(URI.create("tcp://broker.example:1883"));
        assertThat(stream.topicFilters()).containsExactly("cumulus/cloudext/json/#", "cumulus/extra/#");
        assertThat(stream.password()).isEqualTo("broker-secret-4711");
        assertThat(password("stream-password").getValue()).isEmpty();
        assertThat(password("stream-password").getPlaceholder()).isEqualTo("Stored; type a new one to replace it");
    }

    @Test
    void settings_that_cannot_work_are_marked_on_their_fields_and_nothing_is_saved() {
        field("stream-broker-url").setValue("broker.example");
        _get(TextArea.class, spec -> spec.withId("stream-topic-filters")).setValue("cumulus/#/json");

        _click(_get(Button.class, spec -> spec.withId("stream-save")));

        expectNotifications("Not saved: see the marked fields.");
        assertThat(field("stream-broker-url").isInvalid()).isTrue();
        assertThat(field("stream-broker-url").getErrorMessage())
                .isEqualTo("must read tcp://host:port or ssl://host:port (port 1 to 65535)");
        var filters = _get(TextArea.class, spec -> spec.withId("stream-topic-filters"));
        assertThat(filters.isInvalid()).isTrue();
        assertThat(filters.getErrorMessage()).startsWith("must be an MQTT topic filter");
        assertThat(configured.enabled())
                .noneMatch(configured -> configured.tenant().equals(slug));
    }

    @Test
    void a_filter_that_would_take_another_tenants_messages_on_the_same_broker_is_explained_on_its_field() {
        long other = TestData.tenant(jdbc, "Nimbus");
        String otherSlug = TestData.slug(jdbc, other);
        streams.save(
                other,
                TestData.stream(true, "tcp://shared-broker.example:1883", "", otherSlug + "/cloudext/json/#"),
                TenantStreamSettings.NewPasswords.none());
        field("stream-broker-url").setValue("tcp://shared-broker.example:1883");
        _get(TextArea.class, spec -> spec.withId("stream-topic-filters")).setValue("cloudext/json/#\n#");

        _click(_get(Button.class, spec -> spec.withId("stream-save")));

        expectNotifications("Not saved: see the marked fields.");
        var filters = _get(TextArea.class, spec -> spec.withId("stream-topic-filters"));
        assertThat(filters.isInvalid()).isTrue();
        assertThat(filters.getErrorMessage()).startsWith("The filter # could receive what tenant " + otherSlug);
        assertThat(configured.enabled())
                .noneMatch(configured -> configured.tenant().equals(slug));
    }

    private ThingseeProperties.Stream stream() {
        return configured.enabled().stream()
                .filter(configured -> configured.tenant().equals(slug))
                .map(ConfiguredStream::stream)
                .findFirst()
                .orElseThrow();
    }

    private static TextField field(String id) {
        return _get(TextField.class, spec -> spec.withId(id));
    }

    private static PasswordField password(String id) {
        return _get(PasswordField.class, spec -> spec.withId(id));
    }
}
