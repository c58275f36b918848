package io.thingseeportal.security;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The tenants as sign-in sees them: found by the registration id in the sign-in URL (the tenant's slug), by host name
 * or by e-mail domain, each with its own identity provider. Implemented by the tenant feature, so that security does
 * not depend on it. Called before anyone is authenticated.
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

    /**
     * A person seen at sign-in.
     *
     * @param role the most powerful role their claims gave, or null when they gave none
     */
    record SeenUser(
            String subject,
            String name,
            @Nullable String email,
            @Nullable String role) {}

    Optional<SignInTenant> findForSignIn(String slug);

    /** The tenant's own identity provider, or empty when it has none (its users cannot sign in). */
    Optional<TenantIdentityProvider> identityProvider(String slug);

    /** The active tenants whose users can sign in (they have an identity provider), by name. */
    List<SignInTenant> listForSignIn();

    /** The active tenant that lists this e-mail domain among its allowed ones, if exactly one does. */
    Optional<SignInTenant> findByEmailDomain(String domain);

    /**
     * Remembers who signed in to the tenant, with which role (their identity provider's), and when.
     *
     * @return the role they had at their previous sign-in ("" for none), or empty at their first
     */
    Optional<String> recordSignIn(long tenantId, SeenUser user);

    /** The name (and e-mail address, if known) of the tenant's admin seen last at sign-in, for a user without access. */
    Optional<String> adminToAsk(long tenantId);
}
