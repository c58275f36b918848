package io.thingseeportal.group.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.thingseeportal.group.GroupChange;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GroupHistoryTest {

    @ParameterizedTest
    @ValueSource(strings = {"translations.properties", "translations_en.properties", "translations_fi.properties"})
    void every_kind_of_change_has_words_in_every_language(String bundle) throws IOException {
        var texts = new Properties();
        try (var in = new InputStreamReader(
                getClass().getResourceAsStream("/vaadin-i18n/" + bundle), StandardCharsets.UTF_8)) {
            texts.load(in);
        }

        for (GroupChange.Kind kind : GroupChange.Kind.values()) {
            assertThat(texts)
                    .as(kind.name())
                    .containsKey("group.history."
                            + kind.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
    }
}
