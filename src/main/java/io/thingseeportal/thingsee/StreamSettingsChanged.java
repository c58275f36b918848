package io.thingseeportal.thingsee;

/** An operator saved a tenant's data stream settings; published in the transaction that stored them. */
public record StreamSettingsChanged(String tenantSlug) {}
