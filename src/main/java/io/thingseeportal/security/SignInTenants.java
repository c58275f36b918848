package io.thingseeportal.security;

import java.util.Optional;

/**
 * Finds the tenant named in a signing-in user's ID token. Implemented by the tenant feature, so that security does
 * not depend on it.
 */
public interface SignInTenants {

    /** A tenant as sign-in needs it. */
    record SignInTenant(long id, String slug, String name) {}

    /** Called while the user signs in, before anyone is authenticated. */
    Optional<SignInTenant> findForSignIn(String slug);
}
