package io.thingseeportal.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** What the portal may send: requested values checked against the catalog's ranges and offered values. */
class ConfigurationCheckTest {

    final ConfigurationCheck check = new ConfigurationCheck(new MessageCatalog(new ObjectMapper()));

    @Test
    void values_in_range_pass_and_come_out_as_json_ready_values() {
        var checked = check.check(13200, Map.of("threshold", 200, "mode", 1, "passiveReportInterval", 7200L));

        assertThat(checked.problems()).isEmpty();
        assertThat(checked.valuesToSend())
                .containsEntry("threshold", 200L)
                .containsEntry("mode", 1L)
                .containsEntry("passiveReportInterval", 7200L);
    }

    @Test
    void decimals_come_out_as_big_decimals() {
        var checked = check.check(12210, Map.of("temperatureHysteresis", 0.25, "humidityHysteresis", 3));

        assertThat(checked.valuesToSend())
                .containsEntry("temperatureHysteresis", new BigDecimal("0.25"))
                .containsEntry("humidityHysteresis", new BigDecimal("3"));
    }

    @Test
    void a_whole_number_written_with_decimals_passes_as_a_whole_number() {
        assertThat(check.check(13200, Map.of("threshold", new BigDecimal("150.00")))
                        .valuesToSend())
                .containsEntry("threshold", 150L);
    }

    @Test
    void no_values_at_all_is_a_read_of_the_current_configuration() {
        var checked = check.check(1500, Map.of());

        assertThat(checked.valid()).isTrue();
        assertThat(checked.valuesToSend()).isEmpty();
    }

    @Test
    void a_value_below_the_minimum_is_a_problem_with_the_range_and_unit() {
        assertThat(problems(1500, "reportInterval", 30))
                .containsExactly(new ConfigurationProblem(
                        "reportInterval", "catalog.problem.range", List.of(bd("60"), bd("3600"), "s")));
    }

    @Test
    void a_value_above_the_maximum_is_a_problem_even_though_the_device_would_clamp_it() {
        assertThat(problems(13200, "threshold", 5000))
                .containsExactly(new ConfigurationProblem(
                        "threshold", "catalog.problem.range", List.of(bd("60"), bd("1100"), "")));
    }

    @Test
    void a_field_with_only_a_minimum_says_so() {
        assertThat(problems(17220, "reportingHysteresisAbsolute", -1))
                .containsExactly(new ConfigurationProblem(
                        "reportingHysteresisAbsolute", "catalog.problem.min", List.of(bd("0"), "mm")));
    }

    @Test
    void a_decimal_for_a_whole_number_field_is_a_problem() {
        assertThat(problems(13200, "threshold", 150.5))
                .extracting(ConfigurationProblem::messageKey)
                .containsExactly("catalog.problem.whole-number");
    }

    @Test
    void an_unknown_field_is_a_problem() {
        assertThat(problems(13200, "sensitivity", 3))
                .extracting(ConfigurationProblem::field, ConfigurationProblem::messageKey)
                .containsExactly(tuple("sensitivity", "catalog.problem.unknown"));
    }

    @Test
    void text_for_a_number_is_a_problem() {
        assertThat(problems(13200, "threshold", "150"))
                .extracting(ConfigurationProblem::messageKey)
                .containsExactly("catalog.problem.number");
    }

    @Test
    void a_number_for_a_text_is_a_problem() {
        assertThat(problems(1402, "command", 1))
                .extracting(ConfigurationProblem::messageKey)
                .containsExactly("catalog.problem.text");
    }

    @Test
    void a_value_the_field_does_not_offer_is_a_problem() {
        assertThat(problems(17220, "rangingTimingBudget", 40))
                .extracting(ConfigurationProblem::messageKey)
                .containsExactly("catalog.problem.not-offered");
        assertThat(problems(1402, "command", "FORMAT_DISK"))
                .extracting(ConfigurationProblem::messageKey)
                .containsExactly("catalog.problem.not-offered");
    }

    @Test
    void an_offered_value_passes() {
        assertThat(check.check(12200, Map.of("hallMode", -1)).valuesToSend()).containsEntry("hallMode", -1L);
        assertThat(check.check(1402, Map.of("command", "REBOOT")).valuesToSend())
                .containsEntry("command", "REBOOT");
    }

    @Test
    void a_read_only_field_is_a_problem() {
        assertThat(problems(1402, "result", 0))
                .extracting(ConfigurationProblem::messageKey)
                .containsExactly("catalog.problem.read-only");
    }

    @Test
    void a_region_of_interest_of_the_wrong_length_is_a_problem() {
        assertThat(problems(17220, "rangingROI", List.of(4, 4, 11)))
                .containsExactly(new ConfigurationProblem("rangingROI", "catalog.problem.list", List.of(4)));
    }

    @Test
    void a_region_of_interest_with_a_corner_off_the_grid_is_a_range_problem() {
        assertThat(problems(17220, "rangingROI", List.of(4, 4, 11, 16)))
                .containsExactly(new ConfigurationProblem(
                        "rangingROI", "catalog.problem.range", List.of(bd("0"), bd("15"), "")));
    }

    @Test
    void a_region_of_interest_in_range_comes_out_as_a_list_of_longs() {
        assertThat(check.check(17220, Map.of("rangingROI", List.of(0, 0, 15, 15)))
                        .valuesToSend())
                .containsEntry("rangingROI", List.of(0L, 0L, 15L, 15L));
    }

    @Test
    void a_message_the_portal_does_not_send_is_one_problem() {
        var checked = check.check(1101, Map.of("requestTsmId", 1100));

        assertThat(checked.problems())
                .containsExactly(new ConfigurationProblem("", "catalog.problem.not-sendable", List.of("1101")));
        assertThatThrownBy(checked::valuesToSend).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void a_null_value_is_not_requested() {
        Map<String, @Nullable Object> requested = new HashMap<>();
        requested.put("threshold", null);

        assertThat(check.check(13200, requested).valuesToSend()).isEmpty();
    }

    @Test
    void only_the_values_that_passed_are_kept_beside_the_problems() {
        var checked = check.check(13200, Map.of("threshold", 50, "mode", 2));

        assertThat(checked.values()).containsOnlyKeys("mode");
        assertThat(checked.problems()).extracting(ConfigurationProblem::field).containsExactly("threshold");
    }

    private List<ConfigurationProblem> problems(int tsmId, String field, Object value) {
        return check.check(tsmId, Map.of(field, value)).problems();
    }

    private static BigDecimal bd(String value) {
        return new BigDecimal(value);
    }
}
