package io.thingseeportal.group;

/**
 * What a sync with Thingsee did.
 *
 * @param groupsImported groups Thingsee has that the portal now has too
 * @param devicesImported devices put in a group as Thingsee lists them (unknown before, or in no group)
 * @param differences what differs between the portal and Thingsee after the sync, left as it is
 */
public record GroupSyncSummary(int groupsImported, int devicesImported, int differences) {}
