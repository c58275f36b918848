package io.thingseeportal.group.ui;

import io.thingseeportal.group.DeploymentGroup;
import io.thingseeportal.group.GroupEnvironment;
import io.thingseeportal.group.GroupId;
import io.thingseeportal.group.GroupIdProblem;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What the group wizard has been given so far: the name as typed, and why the inputs make no group yet.
 *
 * @param country an ISO 3166-1 code in lower case, {@link GroupId#NO_COUNTRY}, or null when none is chosen
 * @param nameText the name as the person typed it; {@link #namePart()} is what it becomes
 */
record GroupDraft(
        @Nullable GroupEnvironment environment, @Nullable String country, String nameText, String descriptionText) {

    /** A translated sentence: its key and arguments. */
    record Reason(String key, List<?> arguments) {

        static Reason of(String key, Object... arguments) {
            return new Reason(key, List.of(arguments));
        }

        static Reason of(GroupIdProblem problem) {
            return new Reason(problem.messageKey(), problem.arguments());
        }
    }

    /** The name part of the id, not yet cut to 32 characters, so that a name too long is said and not cut. */
    String namePart() {
        return GroupId.toNamePartUncut(nameText);
    }

    /** The description as it will be stored: without surrounding blanks, null when blank. */
    @Nullable
    String description() {
        return descriptionText.isBlank() ? null : descriptionText.strip();
    }

    Optional<Reason> nameProblem() {
        String name = namePart();
        if (nameText.isBlank()) {
            return Optional.of(Reason.of("group.wizard.name.required"));
        }
        if (name.isEmpty()) {
            return Optional.of(Reason.of("group.wizard.name.nothing-usable", nameText.strip()));
        }
        // "prfi00unassigned" would pass the id rules, but Thingsee's documents forbid naming a group "unassigned".
        if (GroupId.UNASSIGNED.equals(name)) {
            return Optional.of(Reason.of(new GroupIdProblem(GroupIdProblem.Kind.UNASSIGNED_IS_RESERVED, List.of())));
        }
        String prefix = (environment == null ? GroupEnvironment.PRODUCTION : environment).code()
                + (country == null ? GroupId.NO_COUNTRY : country)
                + "00";
        return GroupId.problemOf(prefix + name).map(Reason::of);
    }

    Optional<Reason> descriptionProblem() {
        String description = description();
        if (description != null && description.length() > DeploymentGroup.DESCRIPTION_MAX_LENGTH) {
            return Optional.of(Reason.of(
                    "group.wizard.description.too-long", DeploymentGroup.DESCRIPTION_MAX_LENGTH, description.length()));
        }
        return Optional.empty();
    }

    /** The group id the inputs make, if they make one and the description may go with it. */
    Optional<GroupId> id() {
        if (environment == null
                || country == null
                || nameProblem().isPresent()
                || descriptionProblem().isPresent()) {
            return Optional.empty();
        }
        return Optional.of(GroupId.of(environment, country, namePart()));
    }

    /** The full id as far as it is known, for a preview while typing, for example {@code prfi00}. */
    String preview() {
        return (environment == null ? "··" : environment.code())
                + (country == null ? "··" : country)
                + "00"
                + namePart();
    }
}
