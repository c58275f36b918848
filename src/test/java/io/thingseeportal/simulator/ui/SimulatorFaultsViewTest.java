package io.thingseeportal.simulator.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import io.thingseeportal.KaribuTest;
import io.thingseeportal.security.AppRoles;
import io.thingseeportal.simulator.DeviceFaults;
import io.thingseeportal.simulator.FaultSettings;
import io.thingseeportal.simulator.SimulatorFaultService;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The fault page of an admin: the stack named like the admin's tenant, and no other. */
class SimulatorFaultsViewTest extends KaribuTest {

    @Autowired
    SimulatorFaultService faults;

    @BeforeEach
    void signInAsAdmin() {
        heal();
        signInToAcme();
        UI.getCurrent().navigate("simulator");
    }

    @AfterEach
    void heal() {
        signInToBorealis();
        faults.reset();
        signInToAcme();
        faults.reset();
    }

    @Test
    void an_admin_sets_latency_error_rate_and_rate_limit_for_the_own_stack() {
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
    void an_acme_admin_sees_only_the_devices_and_settings_of_acme() {
        signInToBorealis();
        List<String> borealisDevices = faults.deviceTuids();
        faults.update(new FaultSettings(30, 0, false, 0, false, false, false), 7);
        faults.override(borealisDevices.get(0), offline());
        signInToAcme();
        List<String> acmeDevices = faults.deviceTuids();

        UI.getCurrent().navigate("simulator");

        assertThat(acmeDevices).isNotEmpty().doesNotContainAnyElementsOf(borealisDevices);
        assertThat(deviceField().getListDataView().getItems()).containsExactlyElementsOf(acmeDevices);
        assertThat(_get(IntegerField.class, spec -> spec.withId("global-latency"))
                        .getValue())
                .isZero();
        assertThat(_get(IntegerField.class, spec -> spec.withId("rate-limit")).getValue())
                .isEqualTo(50);
        assertThat(GridKt._size(overrides())).isZero();
    }

    @Test
    void a_borealis_admins_change_does_not_reach_acme() {
        signInToBorealis();
        UI.getCurrent().navigate("simulator");
        _setValue(_get(NumberField.class, spec -> spec.withId("global-error-rate")), 1.0);
        _setValue(_get(IntegerField.class, spec -> spec.withId("rate-limit")), 3);
        _click(_get(Button.class, spec -> spec.withId("save-global")));

        assertThat(faults.global().apiErrorRate()).isEqualTo(1.0);
        signInToAcme();
        assertThat(faults.global()).isEqualTo(FaultSettings.NONE);
        assertThat(faults.rateLimit()).isEqualTo(50);
    }

    @Test
    void an_admin_cannot_override_a_device_of_another_stack() {
        signInToBorealis();
        String borealisDevice = faults.deviceTuids().get(0);
        signInToAcme();

        assertThatThrownBy(() -> faults.override(borealisDevice, offline()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("in stack acme");
        assertThat(faults.devices()).isEmpty();
    }

    @Test
    void an_admin_whose_tenant_has_no_simulated_stack_is_told_so() {
        signIn("aino", 1L, AppRoles.ADMIN);
        UI.getCurrent().navigate("simulator");

        assertThat(_get(Paragraph.class, spec -> spec.withId("no-stack")).getText())
                .isEqualTo("The simulator has no stack for your organisation, so there are no faults to show or"
                        + " change here.");
        _assertNone(Button.class, spec -> spec.withId("save-global"));
        assertThat(faults.stack()).isEmpty();
        assertThat(faults.deviceTuids()).isEmpty();
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

    private static void signInToAcme() {
        signInTo("acme", 1L, "aino", AppRoles.ADMIN);
    }

    private static void signInToBorealis() {
        signInTo("borealis", 2L, "bea", AppRoles.ADMIN);
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
