package io.thingseeportal.device;

/**
 * SQL for "the device is at this site": its asset is the site or below it (a site has buildings, floors and spaces,
 * so at most three levels lie between). For people whose installer access is for one site only.
 */
public final class SitePlaces {

    /** A condition on {@code asset_id}, with the parameters {@code :tenant} and {@code :site}. */
    public static final String ASSET_AT_SITE = "asset_id IN (SELECT a.id FROM asset a"
            + " LEFT JOIN asset p1 ON p1.id = a.parent_id"
            + " LEFT JOIN asset p2 ON p2.id = p1.parent_id"
            + " LEFT JOIN asset p3 ON p3.id = p2.parent_id"
            + " WHERE a.tenant_id = :tenant AND :site IN (a.id, p1.id, p2.id, p3.id))";

    /** A condition on {@code tuid} of a table beside {@code device}, with {@code :tenant} and {@code :site}. */
    public static final String TUID_AT_SITE =
            "tuid IN (SELECT tuid FROM device WHERE tenant_id = :tenant AND " + ASSET_AT_SITE + ")";

    private SitePlaces() {}
}
