package io.thingseeportal.group;

import static org.assertj.core.api.Assertions.assertThat;

import io.thingseeportal.TestData;
import io.thingseeportal.TestPostgres;
import java.time.Instant;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** The group store on PostgreSQL, where a failed statement would spoil the rest of its transaction. */
class GroupStoreIT {

    @Test
    void inserting_a_group_the_tenant_has_already_leaves_the_transaction_usable() {
        var dataSource = new DriverManagerDataSource(
                TestPostgres.freshDatabase("portal_group_store_it"), TestPostgres.USER, TestPostgres.PASSWORD);
        Flyway.configure().dataSource(dataSource).load().migrate();
        var jdbc = JdbcClient.create(dataSource);
        var store = new GroupStore(jdbc);
        long tenantId = TestData.tenant(jdbc, "Acme");
        var group = new DeploymentGroup(GroupId.parse("prfi00office"), "Head office", Instant.now());

        var found = new TransactionTemplate(new DataSourceTransactionManager(dataSource)).execute(status -> {
            assertThat(store.insertIfAbsent(tenantId, group)).isTrue();
            assertThat(store.insertIfAbsent(tenantId, group)).isFalse();
            return store.find(tenantId, group.id());
        });

        assertThat(found)
                .hasValueSatisfying(stored -> assertThat(stored.description()).isEqualTo("Head office"));
    }
}
