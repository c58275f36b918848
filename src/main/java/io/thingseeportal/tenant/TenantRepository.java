package io.thingseeportal.tenant;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/**
 * The tenants. Changes name their columns, so that an admin's settings and an operator's status change at the same
 * time do not undo each other.
 */
interface TenantRepository extends ListCrudRepository<Tenant, Long> {

    Optional<Tenant> findBySlug(String slug);

    List<Tenant> findAllByOrderByNameAsc();

    @Modifying
    @Query("UPDATE tenant SET name = :name, default_country = :defaultCountry, default_group_id = :defaultGroupId,"
            + " echo_deadline_minutes = :echoDeadlineMinutes, rollout_max_devices = :rolloutMaxDevices,"
            + " rollout_stop_percent = :rolloutStopPercent WHERE id = :id")
    int updateSettings(
            long id,
            String name,
            @Nullable String defaultCountry,
            @Nullable String defaultGroupId,
            @Nullable Integer echoDeadlineMinutes,
            @Nullable Integer rolloutMaxDevices,
            @Nullable Integer rolloutStopPercent);

    @Modifying
    @Query("UPDATE tenant SET status = :status WHERE id = :id")
    int updateStatus(long id, String status);
}
