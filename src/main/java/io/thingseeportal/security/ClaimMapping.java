package io.thingseeportal.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;

/** Reads the portal's roles and the tenant from ID-token claims, whose names are settings. */
record ClaimMapping(String roleClaim, String tenantClaim) {

    static final String ERROR_NO_ROLE = "portal_no_role";
    static final String ERROR_NO_TENANT = "portal_no_tenant";

    /** The recognised roles in the role claim, which may be one string, a comma-separated string, or a list. */
    Set<String> roles(Map<String, Object> claims) {
        Set<String> roles = new LinkedHashSet<>();
        for (String value : values(claims.get(roleClaim))) {
            String role = value.trim().toUpperCase(Locale.ROOT);
            if (role.startsWith("ROLE_")) {
                role = role.substring("ROLE_".length());
            }
            if (AppRoles.ALL.contains(role)) {
                roles.add(role);
            }
        }
        if (roles.isEmpty()) {
            throw failure(ERROR_NO_ROLE, roleClaim);
        }
        return roles;
    }

    /** The tenant named by the tenant claim; required for every role but the operator's. */
    @Nullable
    String tenant(Map<String, Object> claims, Set<String> roles) {
        Object value = claims.get(tenantClaim);
        String tenant = value == null ? "" : value.toString().trim();
        if (!tenant.isEmpty()) {
            return tenant;
        }
        if (roles.contains(AppRoles.OPERATOR)) {
            return null;
        }
        throw failure(ERROR_NO_TENANT, tenantClaim);
    }

    /** A sign-in failure the sign-in problem page explains; the detail is the claim or tenant it is about. */
    static OAuth2AuthenticationException failure(String code, String detail) {
        return new OAuth2AuthenticationException(new OAuth2Error(code, detail, null), code + ": " + detail);
    }

    private static Collection<String> values(@Nullable Object claim) {
        if (claim instanceof Collection<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        if (claim instanceof String text) {
            return java.util.Arrays.asList(text.split(","));
        }
        return java.util.List.of();
    }
}
