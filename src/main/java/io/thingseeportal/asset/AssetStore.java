package io.thingseeportal.asset;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The asset table, always scoped to one tenant. Used only by {@link AssetService}. */
@Repository
class AssetStore {

    /** An asset as stored: without its path, which {@link AssetService} builds from the whole tree. */
    record Row(long id, @Nullable Long parentId, AssetKind kind, String name) {}

    private final JdbcClient jdbc;

    AssetStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Row> all(long tenantId) {
        return jdbc.sql("SELECT id, parent_id, kind, name FROM asset WHERE tenant_id = ?")
                .param(tenantId)
                .query((row, number) -> new Row(
                        row.getLong("id"),
                        row.getObject("parent_id", Long.class),
                        AssetKind.valueOf(row.getString("kind")),
                        row.getString("name")))
                .list();
    }

    boolean siblingNamed(long tenantId, @Nullable Long parentId, String name) {
        return jdbc.sql("SELECT count(*) FROM asset WHERE tenant_id = ? AND parent_id IS NOT DISTINCT FROM ?"
                                + " AND lower(name) = lower(?)")
                        .params(tenantId, parentId, name)
                        .query(Long.class)
                        .single()
                > 0;
    }

    long insert(long tenantId, @Nullable Long parentId, AssetKind kind, String name, Instant at) {
        var key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO asset (tenant_id, parent_id, kind, name, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(tenantId, parentId, kind.name(), name, Timestamp.from(at))
                .update(key, "id");
        return Objects.requireNonNull(key.getKey()).longValue();
    }

    void rename(long tenantId, long id, String name) {
        jdbc.sql("UPDATE asset SET name = ? WHERE tenant_id = ? AND id = ?")
                .params(name, tenantId, id)
                .update();
    }

    void move(long tenantId, long id, long parentId) {
        jdbc.sql("UPDATE asset SET parent_id = ? WHERE tenant_id = ? AND id = ?")
                .params(parentId, tenantId, id)
                .update();
    }

    boolean hasChildren(long tenantId, long id) {
        return jdbc.sql("SELECT count(*) FROM asset WHERE tenant_id = ? AND parent_id = ?")
                        .params(tenantId, id)
                        .query(Long.class)
                        .single()
                > 0;
    }

    void delete(long tenantId, long id) {
        jdbc.sql("DELETE FROM asset WHERE tenant_id = ? AND id = ?")
                .params(tenantId, id)
                .update();
    }
}
