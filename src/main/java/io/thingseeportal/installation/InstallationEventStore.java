package io.thingseeportal.installation;

import java.sql.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Writes the installation history, always for one tenant. Reading it is {@link InstallationHistory}'s. */
@Repository
class InstallationEventStore {

    private final JdbcClient jdbc;

    InstallationEventStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(long tenantId, InstallationEvent event) {
        jdbc.sql("INSERT INTO installation_event (tenant_id, tuid, action, asset_path, site, group_id, replaced_tuid,"
                        + " done_by, done_by_name, done_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        tenantId,
                        event.tuid(),
                        event.action().name(),
                        event.assetPath(),
                        event.site(),
                        event.groupId(),
                        event.replacedTuid(),
                        event.doneBy(),
                        event.doneByName(),
                        Timestamp.from(event.doneAt()))
                .update();
    }
}
