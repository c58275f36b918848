package io.thingseeportal.device;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Requested values of one message after {@link ConfigurationCheck}: the values that passed, normalised to what goes
 * into the message's JSON (whole numbers as {@link Long}, decimals as {@link java.math.BigDecimal}, texts as {@link
 * String}, lists as lists of {@link Long}), and the problems of the others.
 */
public record CheckedConfiguration(int tsmId, Map<String, Object> values, List<ConfigurationProblem> problems) {

    public CheckedConfiguration {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        problems = List.copyOf(problems);
    }

    /** Whether every requested value may be sent. */
    public boolean valid() {
        return problems.isEmpty();
    }

    /** The values to send, only when all of them passed; an empty map is a read of the current configuration. */
    public Map<String, Object> valuesToSend() {
        if (!valid()) {
            throw new IllegalStateException("tsmId " + tsmId + " has problems: "
                    + problems.stream()
                            .map(problem -> problem.field() + " " + problem.messageKey())
                            .collect(Collectors.joining(", ")));
        }
        return values;
    }
}
