package io.thingseeportal.tenant.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import io.thingseeportal.KaribuTest;
import io.thingseeportal.TestData;
import io.thingseeportal.security.AppRoles;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class TenantSettingsViewTest extends KaribuTest {

    @Autowired
    JdbcClient jdbc;

    long tenantId;

    @BeforeEach
    void signInAsAdmin() {
        tenantId = TestData.tenant(jdbc, "Acme Facilities");
        signIn("aino", tenantId, AppRoles.ADMIN);
        UI.getCurrent().navigate(TenantSettingsView.class);
    }

    @Test
    void an_admin_saves_a_new_name_and_default_country() {
        _setValue(_get(TextField.class, spec -> spec.withId("tenant-name")), "Acme Facilities Oy");
        _setValue(countryField(), new Locale("", "FI"));
        _click(_get(Button.class, spec -> spec.withId("save-settings")));

        assertThat(stored()).containsEntry("name", "Acme Facilities Oy").containsEntry("default_country", "fi");
    }

    @Test
    void saving_the_settings_keeps_a_status_an_operator_changed_meanwhile() {
        jdbc.sql("UPDATE tenant SET status = 'DISABLED' WHERE id = ?")
                .param(tenantId)
                .update();

        _setValue(_get(TextField.class, spec -> spec.withId("tenant-name")), "Acme Facilities Oy");
        _click(_get(Button.class, spec -> spec.withId("save-settings")));

        assertThat(stored()).containsEntry("name", "Acme Facilities Oy").containsEntry("status", "DISABLED");
    }

    @Test
    void clearing_the_country_stores_no_specific_country() {
        jdbc.sql("UPDATE tenant SET default_country = 'se' WHERE id = ?")
                .param(tenantId)
                .update();
        UI.getCurrent().navigate(TenantSettingsView.class);

        _setValue(countryField(), null);
        _click(_get(Button.class, spec -> spec.withId("save-settings")));

        assertThat(stored()).containsEntry("default_country", null);
    }

    @Test
    void a_blank_name_is_explained_and_nothing_is_saved() {
        TextField name = _get(TextField.class, spec -> spec.withId("tenant-name"));
        _setValue(name, "   ");
        _click(_get(Button.class, spec -> spec.withId("save-settings")));

        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).isEqualTo("Enter the name of your organisation.");
        assertThat(stored()).containsEntry("name", "Acme Facilities");
    }

    @Test
    void an_admin_sets_a_default_group_an_echo_deadline_and_the_rollout_limits() {
        TestData.group(jdbc, tenantId, "prfi00office");
        UI.getCurrent().navigate(TenantSettingsView.class);

        _setValue(groupField(), "prfi00office");
        _setValue(number("settings-echo-deadline"), 30);
        _setValue(number("settings-rollout-max"), 500);
        _setValue(number("settings-rollout-stop"), 10);
        _click(_get(Button.class, spec -> spec.withId("save-settings")));

        assertThat(stored())
                .containsEntry("default_group_id", "prfi00office")
                .containsEntry("echo_deadline_minutes", 30)
                .containsEntry("rollout_max_devices", 500)
                .containsEntry("rollout_stop_percent", 10);
        assertThat(TestData.audit(jdbc, tenantId))
                .singleElement()
                .asString()
                .startsWith("TENANT_SETTINGS_CHANGED " + TestData.slug(jdbc, tenantId) + ": ")
                .contains("defaultGroupId=prfi00office", "echoDeadlineMinutes=30");
    }

    @Test
    void the_group_list_offers_only_the_admins_own_groups() {
        TestData.group(jdbc, tenantId, "prfi00office");
        TestData.group(jdbc, TestData.tenant(jdbc, "Borealis"), "prfi00borealisstore");
        UI.getCurrent().navigate(TenantSettingsView.class);

        assertThat(groupField().getLazyDataView().getItems()).containsExactly("prfi00office");
    }

    @Test
    void a_group_deleted_since_it_was_chosen_is_explained_on_its_field_and_nothing_is_saved() {
        _setValue(_get(TextField.class, spec -> spec.withId("tenant-name")), "Acme Facilities Oy");
        _setValue(groupField(), "prfi00gone");
        _click(_get(Button.class, spec -> spec.withId("save-settings")));

        assertThat(groupField().isInvalid()).isTrue();
        assertThat(groupField().getErrorMessage())
                .isEqualTo("Your organisation has no group prfi00gone (any more). Choose another one, or none.");
        assertThat(stored()).containsEntry("name", "Acme Facilities").containsEntry("default_group_id", null);
    }

    @Test
    void an_echo_deadline_out_of_range_is_explained_and_nothing_is_saved() {
        IntegerField deadline = number("settings-echo-deadline");
        _setValue(deadline, 0);
        _click(_get(Button.class, spec -> spec.withId("save-settings")));

        assertThat(deadline.isInvalid()).isTrue();
        assertThat(deadline.getErrorMessage())
                .isEqualTo("Enter a number of minutes from 1 to 1,440, or leave it empty.");
        assertThat(stored()).containsEntry("echo_deadline_minutes", null);
    }

    @Test
    void emptied_fields_go_back_to_the_portals_defaults() {
        jdbc.sql("UPDATE tenant SET echo_deadline_minutes = 30, rollout_max_devices = 5, rollout_stop_percent = 1"
                        + " WHERE id = ?")
                .param(tenantId)
                .update();
        UI.getCurrent().navigate(TenantSettingsView.class);
        assertThat(number("settings-rollout-max").getValue()).isEqualTo(5);

        _setValue(number("settings-echo-deadline"), null);
        _setValue(number("settings-rollout-max"), null);
        _setValue(number("settings-rollout-stop"), null);
        _click(_get(Button.class, spec -> spec.withId("save-settings")));

        assertThat(stored())
                .containsEntry("echo_deadline_minutes", null)
                .containsEntry("rollout_max_devices", null)
                .containsEntry("rollout_stop_percent", null);
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<String> groupField() {
        return _get(ComboBox.class, spec -> spec.withId("default-group"));
    }

    private static IntegerField number(String id) {
        return _get(IntegerField.class, spec -> spec.withId(id));
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<Locale> countryField() {
        return _get(ComboBox.class, spec -> spec.withId("default-country"));
    }

    private Map<String, Object> stored() {
        return jdbc.sql("SELECT name, default_country, status, default_group_id, echo_deadline_minutes,"
                        + " rollout_max_devices, rollout_stop_percent FROM tenant WHERE id = ?")
                .param(tenantId)
                .query()
                .singleRow();
    }
}
