package io.thingseeportal.installation;

/** The work order does not exist, or not for the signed-in user: installers see only their own. */
public class NoSuchWorkOrderException extends RuntimeException {

    public NoSuchWorkOrderException(long id) {
        super("No work order " + id);
    }
}
