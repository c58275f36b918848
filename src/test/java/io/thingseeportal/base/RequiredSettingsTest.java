package io.thingseeportal.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.thingseeportal.Application;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.mock.env.MockEnvironment;

/** Production mode refuses to start without its required settings, and says which and how to set them. */
class RequiredSettingsTest {

    @Test
    void a_missing_client_secret_stops_the_start_naming_the_setting_and_its_variable() {
        List<String> args = completeExcept("portal.oidc.client-secret");

        assertThatThrownBy(() -> start(args))
                .isInstanceOfSatisfying(
                        MissingSettingsException.class,
                        e -> assertThat(e.missing())
                                .containsExactly(new RequiredSettings.Setting(
                                        "portal.oidc.client-secret", "PORTAL_OIDC_CLIENT_SECRET")))
                .hasMessageContaining("portal.oidc.client-secret (environment variable PORTAL_OIDC_CLIENT_SECRET)");
    }

    @Test
    void with_nothing_set_every_required_setting_is_named_at_once() {
        List<String> args = new ArrayList<>();
        RequiredSettings.REQUIRED.forEach(setting -> args.add("--" + setting.property() + "="));

        assertThatThrownBy(() -> start(args))
                .isInstanceOfSatisfying(
                        MissingSettingsException.class,
                        e -> assertThat(e.missing()).containsExactlyElementsOf(RequiredSettings.REQUIRED));
    }

    @Test
    void the_failure_report_lists_each_missing_setting_with_its_variable() {
        var exception = new MissingSettingsException(RequiredSettings.REQUIRED);
        var analysis = new MissingSettingsFailureAnalyzer().analyze(exception);

        assertThat(analysis.getDescription())
                .contains("spring.datasource.url  (set PORTAL_DB_URL)")
                .contains("portal.oidc.issuer-uri  (set PORTAL_OIDC_ISSUER_URI)");
        assertThat(analysis.getAction()).contains("docs/configuration.md");
    }

    @Test
    void the_simulator_without_the_demo_profile_stops_the_start() {
        List<String> args = completeExcept("none");
        args.add("--portal.simulator.enabled=true");

        assertThatThrownBy(() -> start(args))
                .isInstanceOf(SimulatorOutsideDemoException.class)
                .hasMessageContaining("portal.simulator.enabled=true needs the demo profile");
    }

    @Test
    void the_simulator_runs_in_the_demo_profile_and_in_the_test_suites() {
        for (String profile : List.of("demo", "test")) {
            var environment = complete().withProperty("portal.simulator.enabled", "true");
            environment.setActiveProfiles(profile);

            assertThatCode(() -> check(environment)).as(profile).doesNotThrowAnyException();
        }
    }

    @Test
    void production_without_the_simulator_needs_no_profile() {
        assertThatCode(() -> check(complete().withProperty("portal.simulator.enabled", "false")))
                .doesNotThrowAnyException();
    }

    @Test
    void the_failure_report_says_how_to_run_without_the_simulator_or_as_the_demo() {
        var analysis = new SimulatorOutsideDemoFailureAnalyzer().analyze(new SimulatorOutsideDemoException());

        assertThat(analysis.getDescription()).contains("PORTAL_SIMULATOR_ENABLED");
        assertThat(analysis.getAction()).contains("--spring.profiles.active=demo");
    }

    private static MockEnvironment complete() {
        var environment = new MockEnvironment();
        RequiredSettings.REQUIRED.forEach(setting -> environment.setProperty(setting.property(), "set"));
        return environment;
    }

    private static void check(MockEnvironment environment) {
        var settings = new RequiredSettings();
        settings.setEnvironment(environment);
        settings.postProcessBeanFactory(new DefaultListableBeanFactory());
    }

    private static List<String> completeExcept(String missing) {
        List<String> args = new ArrayList<>();
        RequiredSettings.REQUIRED.forEach(setting ->
                args.add("--" + setting.property() + "=" + (setting.property().equals(missing) ? "" : "set")));
        return args;
    }

    private static void start(List<String> args) {
        new SpringApplicationBuilder(Application.class)
                .web(WebApplicationType.NONE)
                .run(args.toArray(String[]::new))
                .close();
    }
}
