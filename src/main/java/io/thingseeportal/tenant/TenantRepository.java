package io.thingseeportal.tenant;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

interface TenantRepository extends ListCrudRepository<Tenant, Long> {

    Optional<Tenant> findBySlug(String slug);

    List<Tenant> findAllByOrderByNameAsc();
}
