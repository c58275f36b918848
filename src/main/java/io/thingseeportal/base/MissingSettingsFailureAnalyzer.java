package io.thingseeportal.base;

import java.util.stream.Collectors;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints the missing settings as a list an operator can act on, instead of a stack trace. */
class MissingSettingsFailureAnalyzer extends AbstractFailureAnalyzer<MissingSettingsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingSettingsException cause) {
        String list = cause.missing().stream()
                .map(setting -> "  - " + setting.property() + "  (set " + setting.environmentVariable() + ")")
                .collect(Collectors.joining("\n"));
        return new FailureAnalysis(
                "The portal cannot start in production mode: these required settings are missing:\n" + list,
                "Set the environment variables above (see docs/configuration.md), "
                        + "or run the demo with --spring.profiles.active=demo.",
                cause);
    }
}
