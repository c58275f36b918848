package io.thingseeportal.simulator.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import io.thingseeportal.KaribuTest;
import io.thingseeportal.security.AppRoles;
import io.thingseeportal.simulator.DeviceFaults;
import io.thingseeportal.simulator.FaultSettings;
import io.thingseeportal.simulator.SimulatorFaultService;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class SimulatorFaultsViewTest extends KaribuTest {

    @Autowired
    SimulatorFaultService faults;

    @BeforeEach
    void signInAsAdmin() {
        signIn("aino", 1L, AppRoles.ADMIN);
        faults.reset();
        UI.getCurrent().navigate("simulator");
    }

    @AfterEach
    void heal() {
        signIn("aino", 1L, AppRoles.ADMIN);
        faults.reset();
    }

    @Test
    void an_admin_sets_latency_error_rate_and_rate_limit_for_the_whole_simulator() {
        _setValue(_get(IntegerField.class, spec -> spec.withId("global-latency")), 20);
        _setValue(_get(NumberField.class, spec -> spec.withId("global-error-rate")), 0.5);
        _setValue(_get(IntegerField.class, spec -> spec.withId("rate-limit")), 500);
        _setValue(_get(Checkbox.class, spec -> spec.withId("global-duplicate")), true);
        _click(_get(Button.class, spec -> spec.withId("save-global")));

        assertThat(faults.global()).isEqualTo(new FaultSettings(20, 0.5, false, 0, true, false, false));
        assertThat(faults.rateLimit()).isEqualTo(500);
    }

    @Test
    void an_error_rate_above_one_is_explained_and_nothing_is_saved() {
        NumberField errorRate = _get(NumberField.class, spec -> spec.withId("global-error-rate"));
        _setValue(errorRate, 2.0);
        _click(_get(Button.class, spec -> spec.withId("save-global")));

        assertThat(errorRate.isInvalid()).isTrue();
        assertThat(errorRate.getErrorMessage()).isEqualTo("Enter a number from 0 to 1.");
        assertThat(faults.global()).isEqualTo(FaultSettings.NONE);
    }

    @Test
    void an_admin_takes_one_device_offline_and_sees_it_in_the_list() {
        String tuid = faults.deviceTuids().get(0);
        _setValue(deviceField(), tuid);
        _setValue(_get(Checkbox.class, spec -> spec.withId("device-offline")), true);
        _click(_get(Button.class, spec -> spec.withId("save-device")));

        assertThat(faults.devices()).containsExactly(new DeviceFaults(tuid, offline()));
        assertThat(faults.global()).isEqualTo(FaultSettings.NONE);
        Grid<DeviceFaults> grid = overrides();
        assertThat(GridKt._size(grid)).isEqualTo(1);
        assertThat(GridKt._getFormattedRow(grid, 0)).contains(tuid, "Offline: no echo");
    }

    @Test
    void removing_a_device_from_the_list_gives_it_the_global_settings_again() {
        String tuid = faults.deviceTuids().get(0);
        faults.override(tuid, offline());
        UI.getCurrent().navigate("simulator");

        _click((Button) GridKt._getCellComponent(overrides(), 0, "remove"));

        assertThat(faults.devices()).isEmpty();
        assertThat(GridKt._size(overrides())).isZero();
    }

    @Test
    void saving_for_a_device_without_choosing_one_asks_for_it() {
        _click(_get(Button.class, spec -> spec.withId("save-device")));

        assertThat(deviceField().isInvalid()).isTrue();
        assertThat(faults.devices()).isEmpty();
    }

    @Test
    void an_installer_is_denied_the_page() {
        signIn("ilkka", 1L, AppRoles.INSTALLER);
        UI.getCurrent().navigate("simulator");

        assertThat(currentView()).isNotInstanceOf(SimulatorFaultsView.class);
        assertThat(currentView().getClass().getSimpleName()).isEqualTo("AccessDeniedView");
    }

    @Test
    void the_page_speaks_finnish_to_a_finnish_user() {
        UI.getCurrent().setLocale(new Locale("fi"));
        UI.getCurrent().navigate("simulator");

        assertThat(_get(H2.class).getText()).isEqualTo("Simulaattorin viat");
        assertThat(_get(Button.class, spec -> spec.withId("save-device")).getText())
                .isEqualTo("Tallenna laitteelle");
    }

    private static FaultSettings offline() {
        return new FaultSettings(0, 0, true, 0, false, false, false);
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<String> deviceField() {
        return _get(ComboBox.class, spec -> spec.withId("device-tuid"));
    }

    @SuppressWarnings("unchecked")
    private static Grid<DeviceFaults> overrides() {
        return _get(Grid.class, spec -> spec.withId("device-overrides"));
    }
}
