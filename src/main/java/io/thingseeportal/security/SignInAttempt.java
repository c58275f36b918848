package io.thingseeportal.security;

import org.jspecify.annotations.Nullable;

/**
 * Published for every sign-in that reached the portal's own checks (the provider vouched for the person): who, to
 * which tenant, with which role, or why the portal refused them. The audit log keeps them.
 *
 * @param tenantId the tenant signed in to, or null for the operators' sign-in or a tenant that is not there
 * @param role the role the person acts in (the most powerful one), or null when refused
 * @param refusal the sign-in problem's code ({@code portal_no_role}, {@code portal_email_domain}, ...), or null when
 *     the person signed in
 * @param roleChange how the role their identity provider gives them changed since their previous sign-in to the
 *     tenant ({@code "VIEWER -> ADMIN"}, {@code "ADMIN -> none"}), or null when it did not or this is their first
 */
public record SignInAttempt(
        String subject,
        String name,
        @Nullable Long tenantId,
        @Nullable String role,
        @Nullable String refusal,
        @Nullable String roleChange) {}
