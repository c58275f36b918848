package io.thingseeportal.tenant;

/** A tenant id that names no tenant (deleted meanwhile, or never there). */
public class UnknownTenantException extends IllegalArgumentException {

    UnknownTenantException(long tenantId) {
        super("There is no tenant " + tenantId);
    }
}
