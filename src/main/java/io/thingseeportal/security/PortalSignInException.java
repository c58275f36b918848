package io.thingseeportal.security;

import java.util.List;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;

/**
 * A sign-in the portal refuses after the provider vouched for the user, with what the page that explains it needs.
 *
 * @see SignInProblems
 */
class PortalSignInException extends OAuth2AuthenticationException {

    private final List<String> details;

    /**
     * @param code the problem, one of {@link SignInProblems}' codes
     * @param details what the explanation names (an organisation, an address, an admin), in the order it names them
     */
    PortalSignInException(String code, String... details) {
        super(new OAuth2Error(code), code + ": " + String.join(", ", details));
        this.details = List.of(details);
    }

    List<String> details() {
        return details;
    }
}
