package io.thingseeportal.tenant;

/**
 * A change to a tenant that cannot be made (an operator's, or an admin's to their settings), with the message key that says why and its arguments.
 * Nothing was saved.
 */
public class TenantChangeRefusedException extends IllegalArgumentException {

    private final String messageKey;
    private final transient Object[] arguments;

    TenantChangeRefusedException(String messageKey, Object... arguments) {
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
