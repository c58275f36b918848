package io.thingseeportal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.Properties;

/** The portal's translation bundles as the tests read them: every language the portal speaks. */
public final class Translations {

    /** The bundles of the languages the portal speaks, English first. */
    public static final List<String> LANGUAGES = List.of("en", "fi");

    private Translations() {}

    /** The bundle of a language, for example {@code fi}. */
    public static Properties bundle(String language) {
        var properties = new Properties();
        try (InputStream in =
                Translations.class.getResourceAsStream("/vaadin-i18n/translations_" + language + ".properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    /** The key's sentence in the language, formatted with the arguments as Vaadin's i18n provider formats it. */
    public static String format(String language, String key, Object... arguments) {
        String pattern = bundle(language).getProperty(key);
        if (pattern == null || pattern.isBlank()) {
            throw new AssertionError("No " + key + " in the " + language + " bundle");
        }
        return arguments.length == 0 ? pattern : new MessageFormat(pattern).format(arguments);
    }
}
