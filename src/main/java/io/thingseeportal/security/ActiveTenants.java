package io.thingseeportal.security;

/**
 * Tells whether a signed-in user's tenant may still use the portal. Implemented by the tenant feature, so that security
 * does not depend on it.
 */
@FunctionalInterface
public interface ActiveTenants {

    /** Whether the tenant's users may use the portal now; false for a disabled tenant and one that is gone. */
    boolean isActive(long tenantId);
}
