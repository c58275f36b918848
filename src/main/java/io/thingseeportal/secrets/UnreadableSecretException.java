package io.thingseeportal.secrets;

/** A sealed secret that the portal cannot open: sealed with a key it no longer has, or changed since it was sealed. */
public class UnreadableSecretException extends RuntimeException {

    UnreadableSecretException(String message) {
        super(message);
    }

    UnreadableSecretException(String message, Throwable cause) {
        super(message, cause);
    }
}
