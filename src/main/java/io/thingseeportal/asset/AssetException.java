package io.thingseeportal.asset;

/** A change to the asset tree was refused; {@link #messageKey()} says why, in words for the user. */
public class AssetException extends RuntimeException {

    /** Why, with the translation key of the message; its argument is the name or path concerned. */
    public enum Problem {
        NAME_EMPTY,
        NAME_TOO_LONG,
        NAME_TAKEN,
        NO_CHILDREN,
        NOT_FOUND,
        HAS_CHILDREN,
        IN_USE,
        SITE_CANNOT_MOVE,
        WRONG_PARENT,
        /** A person with temporary installer access adds places within their one site only. */
        ONLY_ONE_SITE;

        public String messageKey() {
            return "asset.problem." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    private final Problem problem;
    private final String subject;

    public AssetException(Problem problem, String subject) {
        super(problem + ": " + subject);
        this.problem = problem;
        this.subject = subject;
    }

    public Problem problem() {
        return problem;
    }

    public String messageKey() {
        return problem.messageKey();
    }

    /** The name or path the problem is about, for the message. */
    public String subject() {
        return subject;
    }
}
