package io.thingseeportal.device;

import java.util.List;

/**
 * Why a requested value of a configuration or command message cannot be sent.
 *
 * @param field the parameter's name as requested; empty for a problem of the whole message
 * @param messageKey the translation key of the problem's text, for example {@code catalog.problem.range} ("must be
 *     between {0} and {1} {2}")
 * @param arguments the text's arguments: bounds as {@link java.math.BigDecimal}, a unit or a count
 */
public record ConfigurationProblem(String field, String messageKey, List<Object> arguments) {

    public ConfigurationProblem {
        arguments = List.copyOf(arguments);
    }
}
