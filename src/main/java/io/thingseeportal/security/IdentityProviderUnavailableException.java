package io.thingseeportal.security;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The identity provider's discovery document could not be read: sign-in is impossible until it can. */
@ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
class IdentityProviderUnavailableException extends RuntimeException {

    IdentityProviderUnavailableException(URI issuer, Throwable cause) {
        super(
                "The sign-in service at " + issuer + " cannot be reached right now. Please try again in a moment.",
                cause);
    }
}
