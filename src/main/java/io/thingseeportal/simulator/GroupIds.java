package io.thingseeportal.simulator;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The deployment group id rules of REFERENCE.md 3 and 9.6. */
final class GroupIds {

    private static final Pattern VALID = Pattern.compile("^(un|pr|dm|rd)[a-z]{2}00[a-z0-9]{1,32}$");
    private static final Set<String> COUNTRIES = Stream.concat(
                    Stream.of(Locale.getISOCountries()).map(code -> code.toLowerCase(Locale.ROOT)), Stream.of("xx"))
            .collect(Collectors.toUnmodifiableSet());

    private GroupIds() {}

    /** Refuses, with 400, an id that a new or renamed group may not have. */
    static void requireValid(String groupId) {
        if (SimulatedDevice.UNASSIGNED.equals(groupId)) {
            throw SimulatorException.badRequest("Group id unassigned is reserved");
        }
        if (!VALID.matcher(groupId).matches()) {
            throw SimulatorException.badRequest("Invalid group id " + groupId
                    + ": expected a prefix of un, pr, dm or rd, a country code and 00, then 1-32 of [a-z0-9]");
        }
        String country = groupId.substring(2, 4);
        if (!COUNTRIES.contains(country)) {
            throw SimulatorException.badRequest(
                    "Invalid group id " + groupId + ": " + country + " is not an ISO 3166-1 country code or xx");
        }
    }
}
