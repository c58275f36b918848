package io.thingseeportal.tenant;

/** Whether a tenant's users may use the portal. */
public enum TenantStatus {
    /** Its users sign in and work. */
    ACTIVE,
    /** Turned off by an operator: its users cannot sign in, and those signed in are signed out at their next request. */
    DISABLED
}
