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
        @Column("status") TenantStatus status) {

    TenantSummary summary() {
        return new TenantSummary(java.util.Objects.requireNonNull(id), slug, name, defaultCountry, createdAt, status);
    }
}
