package io.thingseeportal.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.thingseeportal.Translations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class GroupIdTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "prfi00northernfinland",
                "rdxx00testlab",
                "dmse00showroom",
                "prgb00londonoffice",
                "prfi002024oamk1",
                "prus00a",
                "prfi0012345678901234567890123456789012"
            })
    void valid_ids_are_read_and_written_back_unchanged(String id) {
        assertThat(GroupId.problemOf(id)).isEmpty();
        assertThat(GroupId.parse(id).value()).isEqualTo(id);
    }

    @Test
    void an_id_is_made_of_environment_country_00_and_name() {
        GroupId id = GroupId.parse("prfi00northernfinland");

        assertThat(id.environment()).isEqualTo(GroupEnvironment.PRODUCTION);
        assertThat(id.country()).isEqualTo("fi");
        assertThat(id.name()).isEqualTo("northernfinland");
        assertThat(GroupId.of(GroupEnvironment.DEVELOPMENT, GroupId.NO_COUNTRY, "testlab")
                        .value())
                .isEqualTo("rdxx00testlab");
    }

    @ParameterizedTest(name = "\"{0}\" is invalid: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "''                                       | EMPTY",
                "unassigned                               | UNASSIGNED_IS_RESERVED",
                "PRFI00office                             | UPPER_CASE",
                "prfi00Office                             | UPPER_CASE",
                "unxx00spare                              | ENVIRONMENT_RESERVED",
                "xxfi00office                             | UNKNOWN_ENVIRONMENT",
                "p                                        | UNKNOWN_ENVIRONMENT",
                "prf                                      | COUNTRY_MISSING",
                "pruk00london                             | UNKNOWN_COUNTRY",
                "przz00office                             | UNKNOWN_COUNTRY",
                "prfi01office                             | RESERVED_NOT_00",
                "prfi0                                    | RESERVED_NOT_00",
                "prfi00                                   | NAME_MISSING",
                "prfi00123456789012345678901234567890123  | NAME_TOO_LONG",
                "prfi00north finland                      | NAME_INVALID_CHARACTERS",
                "prfi00jyväskylä                          | NAME_INVALID_CHARACTERS",
                "prfi00hq-2                               | NAME_INVALID_CHARACTERS"
            })
    void invalid_ids_say_why(String id, GroupIdProblem.Kind kind) {
        assertThat(GroupId.problemOf(id)).get().extracting(GroupIdProblem::kind).isEqualTo(kind);
        assertThatThrownBy(() -> GroupId.parse(id))
                .isInstanceOfSatisfying(
                        InvalidGroupIdException.class,
                        e -> assertThat(e.problem().kind()).isEqualTo(kind));
    }

    @Test
    void the_explanation_names_what_is_wrong() {
        assertThat(GroupId.problemOf("pruk00london").orElseThrow().describe())
                .isEqualTo("'uk' is not an ISO 3166-1 country code; use xx for no specific country.");
        assertThat(GroupId.problemOf("prfi00north finland!").orElseThrow().describe())
                .isEqualTo("The name may only have letters a–z and digits; remove: \" \", \"!\"");
    }

    @Test
    void invalid_characters_are_listed_once_each() {
        assertThat(GroupId.problemOf("prfi00a b c!!").orElseThrow().arguments()).containsExactly("\" \", \"!\"");
    }

    @Test
    void parts_that_make_no_valid_id_are_refused() {
        assertThatThrownBy(() -> GroupId.of(GroupEnvironment.PRODUCTION, "FI", "office"))
                .isInstanceOf(InvalidGroupIdException.class);
        assertThatThrownBy(() -> GroupId.of(GroupEnvironment.PRODUCTION, "fi", ""))
                .isInstanceOfSatisfying(
                        InvalidGroupIdException.class,
                        e -> assertThat(e.problem().kind()).isEqualTo(GroupIdProblem.Kind.NAME_MISSING));
    }

    @ParameterizedTest(name = "\"{0}\" becomes {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Northern Finland – HQ!              | northernfinlandhq",
                "Jyväskylä Ö-talo                    | jyvaskylaotalo",
                "Straße 5                            | strasse5",
                "Ørsted Æble                         | orstedaeble",
                "Floor 2, Room 214                   | floor2room214",
                "'   '                               | ''",
                "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 | abcdefghijklmnopqrstuvwxyz012345"
            })
    void free_text_becomes_a_valid_name_part(String text, String namePart) {
        assertThat(GroupId.toNamePart(text)).isEqualTo(namePart);
        if (!namePart.isEmpty()) {
            assertThat(GroupId.problemOf("prfi00" + namePart)).isEmpty();
        }
    }

    @Test
    void free_text_can_be_read_without_the_cut_so_that_a_form_can_say_the_name_is_too_long() {
        String text = "ABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789!";

        assertThat(GroupId.toNamePartUncut(text)).isEqualTo("abcdefghijklmnopqrstuvwxyz0123456789");
        assertThat(GroupId.toNamePart(text)).isEqualTo("abcdefghijklmnopqrstuvwxyz012345");
        assertThat(GroupId.problemOf("prfi00" + GroupId.toNamePartUncut(text)))
                .map(GroupIdProblem::kind)
                .contains(GroupIdProblem.Kind.NAME_TOO_LONG);
    }

    @ParameterizedTest
    @EnumSource(GroupIdProblem.Kind.class)
    void every_problem_is_explained_in_english_and_finnish(GroupIdProblem.Kind kind) {
        String key = GroupIdProblem.of(kind).messageKey();
        for (String language : Translations.LANGUAGES) {
            assertThat(Translations.bundle(language).getProperty(key))
                    .as(language + " " + key)
                    .isNotBlank();
        }
    }

    @ParameterizedTest
    @EnumSource(GroupEnvironment.class)
    void every_environment_has_a_sentence_in_english_and_finnish(GroupEnvironment environment) {
        for (String language : Translations.LANGUAGES) {
            assertThat(Translations.bundle(language).getProperty(environment.descriptionKey()))
                    .as(language)
                    .isNotBlank();
        }
    }
}
