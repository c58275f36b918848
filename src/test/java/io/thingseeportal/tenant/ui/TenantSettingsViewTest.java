package io.thingseeportal.tenant.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
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

    @SuppressWarnings("unchecked")
    private static ComboBox<Locale> countryField() {
        return _get(ComboBox.class, spec -> spec.withId("default-country"));
    }

    private Map<String, Object> stored() {
        return jdbc.sql("SELECT name, default_country, status FROM tenant WHERE id = ?")
                .param(tenantId)
                .query()
                .singleRow();
    }
}
