package io.thingseeportal.security;

import java.util.Optional;

/**
 * Finds the tenant named in a signing-in user's ID token. Implemented by the tenant feature, so that security does
 * not depend on it.
 */
public interface SignInTenants {

    /**
     * A tenant as sign-in needs it.
     *
     * @param active whether its users may use the portal (an operator can disable a tenant)
     */
    record SignInTenant(long id, String slug, String name, boolean active) {

        /** An active tenant. */
        public SignInTenant(long id, String slug, String name) {
            this(id, slug, name, true);
        }
    }

    /** Called while the user signs in, before anyone is authenticated. */
    Optional<SignInTenant> findForSignIn(String slug);
}
