package io.thingseeportal.security;

import org.jspecify.annotations.Nullable;

/**
 * Published for every sign-in that reached the portal's own checks (the provider vouched for the person): who, to
 * which tenant, with which role, or why the portal refused them. The audit log keeps them.
 *
 * @param tenantId the tenant signed in to, or null for the operators' sign-in or a tenant that is not there
 * @param role the role the person got, or null when refused
 * @param refusal the sign-in problem's code ({@code portal_no_role}, {@code portal_email_domain}, ...), or null when
 *     the person signed in
 */
public record SignInAttempt(
        String subject,
        String name,
        @Nullable Long tenantId,
        @Nullable String role,
        @Nullable String refusal) {

    /** Whether the attempt says which role the tenant's provider gives the person: signed in, or refused for none. */
    public boolean tellsRole() {
        return tenantId != null && (refusal == null || refusal.equals(PortalOidcUserService.ERROR_NO_ROLE));
    }
}
