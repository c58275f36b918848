package io.thingseeportal.deviceconfig;

/** A command the signed-in user's tenant does not have. */
public class NoSuchCommandException extends RuntimeException {

    public NoSuchCommandException(long id) {
        super("No command " + id);
    }
}
