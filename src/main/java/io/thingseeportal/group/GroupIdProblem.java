package io.thingseeportal.group;

import java.util.List;

/**
 * Why a text is not a valid deployment group id, in terms a person can act on. {@link #messageKey()} names the
 * translated sentence, {@link #arguments()} fill it; {@link #describe()} is the English sentence for logs and APIs.
 */
public record GroupIdProblem(Kind kind, List<String> arguments) {

    public enum Kind {
        EMPTY("Enter a group id."),
        UNASSIGNED_IS_RESERVED("'unassigned' is Thingsee's own group for devices in no group; it cannot be created."),
        UPPER_CASE("A group id is written in lower case only."),
        ENVIRONMENT_RESERVED("The prefix 'un' is reserved for the unassigned group."),
        UNKNOWN_ENVIRONMENT("'%s' is not an environment: start with pr (production), dm (demo) or rd (development)."),
        COUNTRY_MISSING("After the environment comes a two-letter country code, or xx for no specific country."),
        UNKNOWN_COUNTRY("'%s' is not an ISO 3166-1 country code; use xx for no specific country."),
        RESERVED_NOT_00("Characters 5 and 6 must be 00."),
        NAME_MISSING("Add a name of 1 to 32 letters and digits after the six-character prefix."),
        NAME_TOO_LONG("The name is %s characters long; at most 32 are allowed."),
        NAME_INVALID_CHARACTERS("The name may only have letters a–z and digits; remove: %s");

        private final String english;

        Kind(String english) {
            this.english = english;
        }
    }

    public GroupIdProblem {
        arguments = List.copyOf(arguments);
    }

    static GroupIdProblem of(Kind kind, String... arguments) {
        return new GroupIdProblem(kind, List.of(arguments));
    }

    /** The translation key of the explanation, for example {@code group.id.problem.unknown-country}. */
    public String messageKey() {
        return "group.id.problem."
                + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public String describe() {
        return kind.english.formatted(arguments.toArray());
    }
}
