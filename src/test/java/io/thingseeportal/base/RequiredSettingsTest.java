package io.thingseeportal.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.thingseeportal.Application;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

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
