package io.thingseeportal.security;

import java.util.Map;
import java.util.Optional;

/**
 * The temporary installer access that admins granted, as sign-in and each request see it. Implemented by the asset
 * feature, whose sites the access is for, so that security does not depend on it.
 */
public interface InstallerGrants {

    /** The person's access to the tenant that holds now, if an admin granted one; the latest ending first. */
    Optional<InstallerAccess> activeFor(long tenantId, String subject);

    /** Whether the grant still holds: not ended by an admin, not past its end. */
    boolean holds(long tenantId, long grantId);

    /** The access that holds now in the signed-in admin's tenant, by person (subject). */
    Map<String, InstallerAccess> holdingByPerson();
}
