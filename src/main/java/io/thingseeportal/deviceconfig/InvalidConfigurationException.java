package io.thingseeportal.deviceconfig;

import io.thingseeportal.device.ConfigurationProblem;
import java.util.List;

/** A configuration the portal will not send: each problem names its parameter and says what is wrong, for the form. */
public class InvalidConfigurationException extends RuntimeException {

    private final transient List<ConfigurationProblem> problems;

    public InvalidConfigurationException(List<ConfigurationProblem> problems) {
        super("Invalid configuration: " + problems);
        this.problems = List.copyOf(problems);
    }

    public List<ConfigurationProblem> problems() {
        return problems;
    }
}
