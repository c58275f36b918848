package io.thingseeportal.settings;

import java.util.regex.Pattern;
import org.springframework.core.env.Environment;
import org.springframework.util.PropertyPlaceholderHelper;

/**
 * Resolves the placeholders that a stored address (a Thingsee base URL, an issuer URI) may name: the portal's own
 * port ({@code ${local.server.port}}) and the demo's addresses ({@code ${portal.demo.idp.issuer}}), which are known
 * only once the portal runs. Nothing else: an address an operator types must not read another setting, such as
 * {@code ${spring.datasource.password}}, into a page, a log or a request.
 */
public final class AddressPlaceholders {

    private static final Pattern ALLOWED = Pattern.compile("local\\.server\\.port|portal\\.demo\\.[a-z0-9.-]+");
    private static final PropertyPlaceholderHelper PLACEHOLDERS = new PropertyPlaceholderHelper("${", "}");

    private AddressPlaceholders() {}

    /**
     * The address with its placeholders resolved.
     *
     * @throws IllegalArgumentException when it names a setting it may not, or one that has no value
     */
    public static String resolve(String address, Environment environment) {
        return PLACEHOLDERS.replacePlaceholders(address, name -> {
            if (!ALLOWED.matcher(name).matches()) {
                throw new IllegalArgumentException("An address may not name the setting ${" + name + "}");
            }
            String value = environment.getProperty(name);
            if (value == null) {
                throw new IllegalArgumentException("The setting ${" + name + "} has no value here");
            }
            return value;
        });
    }
}
