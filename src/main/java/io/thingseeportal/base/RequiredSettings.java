package io.thingseeportal.base;

import java.util.List;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * Refuses to start the portal while a setting it cannot run without is missing, naming every missing setting and the
 * environment variable that sets it. The demo profile supplies all of them; production must. It also refuses the
 * built-in Thingsee cloud simulator outside the demo.
 *
 * <p>It runs before any bean is created, so that a missing database URL is reported as such and not as a failed
 * connection pool.
 */
public class RequiredSettings implements BeanFactoryPostProcessor, EnvironmentAware {

    /** A setting the portal needs, and the environment variable that {@code application.properties} reads it from. */
    public record Setting(String property, String environmentVariable) {}

    static final List<Setting> REQUIRED = List.of(
            new Setting("spring.datasource.url", "PORTAL_DB_URL"),
            new Setting("spring.datasource.username", "PORTAL_DB_USERNAME"),
            new Setting("portal.oidc.issuer-uri", "PORTAL_OIDC_ISSUER_URI"),
            new Setting("portal.oidc.client-id", "PORTAL_OIDC_CLIENT_ID"),
            new Setting("portal.oidc.client-secret", "PORTAL_OIDC_CLIENT_SECRET"),
            new Setting("portal.secrets.key", "PORTAL_SECRETS_KEY"));

    /**
     * Where the simulator may run: the demo, and the test suite's own profile (its settings exist only in the sources,
     * under {@code src/test/resources}, not in the packaged portal).
     */
    static final Profiles SIMULATED = Profiles.of("demo | test");

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        if (environment.getProperty("portal.simulator.enabled", Boolean.class, false)
                && !environment.acceptsProfiles(SIMULATED)) {
            throw new SimulatorOutsideDemoException();
        }
        List<Setting> missing = REQUIRED.stream()
                .filter(setting ->
                        environment.getProperty(setting.property(), "").isBlank())
                .toList();
        if (!missing.isEmpty()) {
            throw new MissingSettingsException(missing);
        }
    }
}
