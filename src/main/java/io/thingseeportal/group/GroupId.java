package io.thingseeportal.group;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A valid deployment group id (REFERENCE 3 and 9.6): environment ({@code pr}, {@code dm}, {@code rd}), an ISO 3166-1
 * alpha-2 country in lower case or {@code xx} for none, {@code 00}, then 1 to 32 characters {@code [a-z0-9]}; for
 * example {@code prfi00northernfinland}. The special group {@code unassigned} is not one: it cannot be created.
 */
public record GroupId(GroupEnvironment environment, String country, String name) {

    /** The group that takes a device out of its group; it exists in every stack and cannot be created. */
    public static final String UNASSIGNED = "unassigned";
    /** The country pair of a group that is not about one country. */
    public static final String NO_COUNTRY = "xx";

    public static final int NAME_MAX_LENGTH = 32;

    private static final String RESERVED = "00";
    private static final int PREFIX_LENGTH = 6;
    private static final Set<String> COUNTRIES = java.util.Arrays.stream(Locale.getISOCountries())
            .map(code -> code.toLowerCase(Locale.ROOT))
            .collect(Collectors.toUnmodifiableSet());

    public GroupId {
        Optional<GroupIdProblem> problem = problemOf(environment.code() + country + RESERVED + name);
        if (problem.isPresent()) {
            throw new InvalidGroupIdException(problem.get());
        }
    }

    /** Builds the id from its parts, or says why they make none. */
    public static GroupId of(GroupEnvironment environment, String country, String name) {
        return new GroupId(environment, country, name);
    }

    /** Reads a full id such as {@code prfi00northernfinland}. */
    public static GroupId parse(String text) {
        problemOf(text).ifPresent(problem -> {
            throw new InvalidGroupIdException(problem);
        });
        return new GroupId(
                GroupEnvironment.fromCode(text.substring(0, 2)).orElseThrow(),
                text.substring(2, 4),
                text.substring(PREFIX_LENGTH));
    }

    /** Why the text is not a valid group id that could be created, or empty when it is one. */
    public static Optional<GroupIdProblem> problemOf(String text) {
        if (text.isEmpty()) {
            return Optional.of(GroupIdProblem.of(GroupIdProblem.Kind.EMPTY));
        }
        if (UNASSIGNED.equals(text)) {
            return Optional.of(GroupIdProblem.of(GroupIdProblem.Kind.UNASSIGNED_IS_RESERVED));
        }
        if (!text.equals(text.toLowerCase(Locale.ROOT))) {
            return Optional.of(GroupIdProblem.of(GroupIdProblem.Kind.UPPER_CASE));
        }
        String environment = text.substring(0, Math.min(2, text.length()));
        if ("un".equals(environment)) {
            return Optional.of(GroupIdProblem.of(GroupIdProblem.Kind.ENVIRONMENT_RESERVED));
        }
        if (GroupEnvironment.fromCode(environment).isEmpty()) {
            return Optional.of(GroupIdProblem.of(GroupIdProblem.Kind.UNKNOWN_ENVIRONMENT, environment));
        }
        if (text.length() < 4) {
            return Optional.of(GroupIdProblem.of(GroupIdProblem.Kind.COUNTRY_MISSING));
        }
        String country = text.substring(2, 4);
        if (!NO_COUNTRY.equals(country) && !COUNTRIES.contains(country)) {
            return Optional.of(GroupIdProblem.of(GroupIdProblem.Kind.UNKNOWN_COUNTRY, country));
        }
        if (text.length() < PREFIX_LENGTH || !RESERVED.equals(text.substring(4, PREFIX_LENGTH))) {
            return Optional.of(GroupIdProblem.of(GroupIdProblem.Kind.RESERVED_NOT_00));
        }
        String name = text.substring(PREFIX_LENGTH);
        if (name.isEmpty()) {
            return Optional.of(GroupIdProblem.of(GroupIdProblem.Kind.NAME_MISSING));
        }
        if (name.length() > NAME_MAX_LENGTH) {
            return Optional.of(GroupIdProblem.of(GroupIdProblem.Kind.NAME_TOO_LONG, String.valueOf(name.length())));
        }
        String invalid = name.chars()
                .filter(c -> !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9'))
                .mapToObj(c -> "\"" + new String(Character.toChars(c)) + "\"")
                .distinct()
                .collect(Collectors.joining(", "));
        if (!invalid.isEmpty()) {
            return Optional.of(GroupIdProblem.of(GroupIdProblem.Kind.NAME_INVALID_CHARACTERS, invalid));
        }
        return Optional.empty();
    }

    /**
     * Turns free text into a valid name part: letters without their accents, lower case, digits kept, everything else
     * dropped, cut to 32 characters ("Northern Finland – HQ!" gives {@code northernfinlandhq}). Empty when nothing
     * usable is left.
     */
    public static String toNamePart(String freeText) {
        String plain = toNamePartUncut(freeText);
        return plain.length() > NAME_MAX_LENGTH ? plain.substring(0, NAME_MAX_LENGTH) : plain;
    }

    /**
     * What {@link #toNamePart} keeps of the free text before the cut at 32 characters, so that a form can say that a
     * name is too long instead of cutting it silently.
     */
    public static String toNamePartUncut(String freeText) {
        return Normalizer.normalize(freeText, Normalizer.Form.NFKD)
                .replace("ß", "ss")
                .replace("æ", "ae")
                .replace("Æ", "ae")
                .replace("ø", "o")
                .replace("Ø", "o")
                .replace("đ", "d")
                .replace("ł", "l")
                .replace("Ł", "l")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]", "");
    }

    /** The full id, for example {@code prfi00northernfinland}. */
    public String value() {
        return environment.code() + country + RESERVED + name;
    }

    @Override
    public String toString() {
        return value();
    }
}
