package io.thingseeportal.security;

import java.io.Serializable;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The signed-in person as the portal sees them: who, in which tenant, with which roles.
 *
 * @param tenantId the tenant's database id, or null for an operator, who works across tenants
 * @param tenantSlug the tenant's short name (its sign-in registration id), or null for an operator
 * @param installerAccess the temporary installer access the installer role comes from, limited to one site; null when
 *     the roles come from the identity provider alone
 */
public record PortalUser(
        String subject,
        String name,
        Set<String> roles,
        @Nullable Long tenantId,
        @Nullable String tenantSlug,
        @Nullable String tenantName,
        @Nullable InstallerAccess installerAccess)
        implements Serializable {

    public PortalUser {
        roles = Set.copyOf(roles);
    }

    /** A user whose roles all come from their identity provider. */
    public PortalUser(
            String subject,
            String name,
            Set<String> roles,
            @Nullable Long tenantId,
            @Nullable String tenantSlug,
            @Nullable String tenantName) {
        this(subject, name, roles, tenantId, tenantSlug, tenantName, null);
    }

    /** The one site this person's temporary installer access is for, or null: the whole tenant. */
    public @Nullable Long onlySite() {
        return installerAccess == null ? null : installerAccess.siteId();
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** The most powerful of the user's roles, for display. */
    public String primaryRole() {
        return AppRoles.ALL.stream().filter(roles::contains).findFirst().orElseThrow();
    }
}
