package io.thingseeportal.tenant;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

/** A customer organisation. */
@Table("tenant")
record Tenant(
        @Id @Column("id") @Nullable Long id,
        @Column("slug") String slug,
        @Column("name") String name,
        @Column("default_country") @Nullable String defaultCountry,
        @Column("created_at") Instant createdAt,
        @Column("status") TenantStatus status,
        @Column("default_group_id") @Nullable String defaultGroupId,
        @Column("echo_deadline_minutes") @Nullable Integer echoDeadlineMinutes,
        @Column("rollout_max_devices") @Nullable Integer rolloutMaxDevices,
        @Column("rollout_stop_percent") @Nullable Integer rolloutStopPercent) {

    /** A new tenant, with the portal's defaults for what its admin sets later. */
    static Tenant create(
            String slug, String name, @Nullable String defaultCountry, Instant createdAt, TenantStatus status) {
        return new Tenant(null, slug, name, defaultCountry, createdAt, status, null, null, null, null);
    }

    TenantSettings settings() {
        return new TenantSettings(
                name, defaultCountry, defaultGroupId, echoDeadlineMinutes, rolloutMaxDevices, rolloutStopPercent);
    }

    TenantSummary summary() {
        return new TenantSummary(java.util.Objects.requireNonNull(id), slug, name, defaultCountry, createdAt, status);
    }
}
