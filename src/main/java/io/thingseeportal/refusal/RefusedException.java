package io.thingseeportal.refusal;

/**
 * A change that cannot be made, with the message key that says why and its arguments; nothing was saved. The features
 * extend it with a type of their own, so that a view catches only what its service refuses.
 */
public abstract class RefusedException extends IllegalArgumentException {

    private final String messageKey;
    private final transient Object[] arguments;

    protected RefusedException(String messageKey, Object... arguments) {
        super(messageKey + " " + java.util.Arrays.toString(arguments));
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
