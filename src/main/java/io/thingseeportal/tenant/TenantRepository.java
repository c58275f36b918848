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
    @Query("UPDATE tenant SET name = :name, default_country = :defaultCountry WHERE id = :id")
    int updateSettings(long id, String name, @Nullable String defaultCountry);

    @Modifying
    @Query("UPDATE tenant SET status = :status WHERE id = :id")
    int updateStatus(long id, String status);
}
