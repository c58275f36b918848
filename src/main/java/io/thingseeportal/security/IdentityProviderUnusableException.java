package io.thingseeportal.security;

/**
 * A tenant's identity provider settings that cannot be used (an issuer that is no address, a placeholder in it that no
 * setting fills, a secret that does not open): sign-in is impossible until an operator mends them. Not an unknown
 * organisation, which Spring Security also reports with an {@link IllegalArgumentException}.
 */
class IdentityProviderUnusableException extends RuntimeException {

    private final String organisation;

    IdentityProviderUnusableException(String organisation, Throwable cause) {
        super("The sign-in settings of " + organisation + " cannot be used: " + cause.getMessage(), cause);
        this.organisation = organisation;
    }

    String organisation() {
        return organisation;
    }
}
