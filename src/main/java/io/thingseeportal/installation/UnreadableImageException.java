package io.thingseeportal.installation;

import java.util.Locale;

/** An upload or a camera frame that cannot be looked at, and why, in words an installer can act on. */
public class UnreadableImageException extends Exception {

    /** Why. */
    public enum Problem {
        EMPTY("The file is empty."),
        TOO_LARGE("The file is %s; at most %s can be read. Take the photo again at a lower resolution."),
        TOO_MANY_PIXELS("The image is %s pixels; at most %s can be read. Take the photo again at a lower resolution."),
        NOT_AN_IMAGE("This file is not an image that the portal can read: send a JPEG, PNG, GIF or BMP photo."),
        DAMAGED("The image is damaged or cut short, and no code could be read from it. Take the photo again.");

        private final String english;

        Problem(String english) {
            this.english = english;
        }
    }

    private final Problem problem;
    private final String[] arguments;

    UnreadableImageException(Problem problem, String... arguments) {
        super(problem.english.formatted((Object[]) arguments));
        this.problem = problem;
        this.arguments = arguments.clone();
    }

    public Problem problem() {
        return problem;
    }

    /** The translation key of the explanation, for example {@code image.problem.too-large}. */
    public String messageKey() {
        return "image.problem." + problem.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The arguments of the translated explanation, in the order of the English one. */
    public Object[] arguments() {
        return arguments.clone();
    }
}
