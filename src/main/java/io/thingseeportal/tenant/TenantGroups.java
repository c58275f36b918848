package io.thingseeportal.tenant;

import java.util.List;

/**
 * The signed-in user's tenant's deployment groups, for choosing its default group. The group feature implements it,
 * so that this feature need not depend on that one (which depends on this).
 */
public interface TenantGroups {

    /** Whether the tenant has a group of this id. */
    boolean has(String groupId);

    /** The ids of the tenant's groups whose id or description contains the text, in the group list's order. */
    List<String> matching(String text, int offset, int limit);
}
