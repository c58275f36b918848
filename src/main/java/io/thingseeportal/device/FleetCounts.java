package io.thingseeportal.device;

/**
 * The tenant's fleet in four numbers, for the start page. A device that has never sent a message is neither online nor
 * stale: nothing is known of it yet, so {@code online + stale} may be less than {@code devices}.
 *
 * @param devices all the tenant's devices
 * @param online devices heard from within three report intervals ({@code stale_at} not passed)
 * @param stale devices heard from once but silent for longer ({@code stale_at} passed)
 * @param lowBattery devices whose battery is known and at or below the low-battery percentage
 */
public record FleetCounts(long devices, long online, long stale, long lowBattery) {}
