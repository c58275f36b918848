package io.thingseeportal.security;

import java.util.List;

/** The portal's roles. All but {@link #OPERATOR} act within one tenant. */
public final class AppRoles {

    /** Customer admin: manages the tenant's groups, assets, configurations and settings. */
    public static final String ADMIN = "ADMIN";
    /** Installs sensors in the field, usually on a phone. */
    public static final String INSTALLER = "INSTALLER";
    /** Reads everything of the tenant, changes nothing. */
    public static final String VIEWER = "VIEWER";
    /** Runs the platform for all tenants. */
    public static final String OPERATOR = "OPERATOR";

    /** Most powerful first: the order in which a user with several roles is described. */
    public static final List<String> ALL = List.of(OPERATOR, ADMIN, INSTALLER, VIEWER);

    private AppRoles() {}
}
