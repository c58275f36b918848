package io.thingseeportal.security;

import java.net.URI;

/** The identity provider's discovery document could not be read: sign-in is impossible until it can. */
class IdentityProviderUnavailableException extends RuntimeException {

    private final URI issuer;

    IdentityProviderUnavailableException(URI issuer, Throwable cause) {
        super("The identity provider at " + issuer + " cannot be reached: " + cause.getMessage(), cause);
        this.issuer = issuer;
    }

    URI issuer() {
        return issuer;
    }
}
