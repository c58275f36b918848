package io.thingseeportal.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/**
 * Where a failed sign-in goes: a user the provider vouched for but whose claims give no role to the "no access" page,
 * which names their organisation's admin; every other failure to the sign-in problem page. Both read the failure from
 * the session ({@link SignInProblems}).
 */
class SignInFailurePages implements AuthenticationFailureHandler {

    private final AuthenticationFailureHandler noAccess =
            new SimpleUrlAuthenticationFailureHandler(SecurityConfig.NO_ACCESS_PATH);
    private final AuthenticationFailureHandler problem =
            new SimpleUrlAuthenticationFailureHandler(SecurityConfig.SIGN_IN_PROBLEM_PATH);

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException, jakarta.servlet.ServletException {
        var known = SignInProblems.problem(failure);
        (known != null && known.isNoAccess() ? noAccess : problem).onAuthenticationFailure(request, response, failure);
    }
}
