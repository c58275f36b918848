package io.thingseeportal.device;

import io.thingseeportal.sql.SearchPattern;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The device list's queries: filtered, sorted and paged in SQL, always within one tenant, and within one site for a
 * person whose installer access is for that site only. Used only by
 * {@link DeviceListService}. The default sort by TUID reads the unique index {@code (tenant_id, tuid)}; the sort by last
 * seen sorts the tenant's rows, since an index over a column that every message changes would cost every message more
 * than the sort costs the list (V9).
 */
@Repository
class DeviceListStore {

    /** TUIDs per IN list: well below every driver's limit on parameters. */
    private static final int CHUNK = 500;

    private static final String COLUMNS = "SELECT tuid, product_type, group_id, asset_name, installation_status,"
            + " last_seen, stale_at, battery_level, firmware, config_drift";

    private final JdbcClient jdbc;

    DeviceListStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<DeviceListItem> page(long tenantId, @Nullable Long site, DeviceFilter filter, Instant now, DevicePage page) {
        Where where = where(tenantId, site, filter, now);
        return jdbc.sql(COLUMNS + " FROM device" + where.sql()
                        + " ORDER BY " + page.sort().orderBy(page.descending())
                        + " LIMIT :limit OFFSET :offset")
                .params(where.params())
                .param("limit", page.limit())
                .param("offset", page.offset())
                .query((row, number) -> item(row))
                .list();
    }

    long count(long tenantId, @Nullable Long site, DeviceFilter filter, Instant now) {
        Where where = where(tenantId, site, filter, now);
        return jdbc.sql("SELECT count(*) FROM device" + where.sql())
                .params(where.params())
                .query(Long.class)
                .single();
    }

    /** The tenant's devices of these TUIDs, whatever the filter; unknown TUIDs are left out. */
    List<DeviceListItem> find(long tenantId, @Nullable Long site, Collection<String> tuids) {
        List<String> all = List.copyOf(tuids);
        List<DeviceListItem> found = new ArrayList<>();
        for (int from = 0; from < all.size(); from += CHUNK) {
            var statement = jdbc.sql(COLUMNS + " FROM device WHERE tenant_id = :tenant AND tuid IN (:tuids)"
                            + (site == null ? "" : " AND " + SitePlaces.ASSET_AT_SITE))
                    .param("tenant", tenantId)
                    .param("tuids", all.subList(from, Math.min(all.size(), from + CHUNK)));
            if (site != null) {
                statement = statement.param("site", site);
            }
            found.addAll(statement.query((row, number) -> item(row)).list());
        }
        return found;
    }

    /** The groups the tenant's devices are in, {@link DeviceFilter#NO_GROUP} for those in none, by id. */
    List<String> groups(long tenantId, @Nullable Long site, String search, int offset, int limit) {
        var statement = jdbc.sql("SELECT g FROM (SELECT DISTINCT COALESCE(group_id, :none) AS g FROM device"
                        + " WHERE tenant_id = :tenant" + (site == null ? "" : " AND " + SitePlaces.ASSET_AT_SITE)
                        + ") group_ids"
                        + (search.isBlank() ? "" : " WHERE g LIKE :pattern ESCAPE '\\'")
                        + " ORDER BY g LIMIT :limit OFFSET :offset")
                .param("none", DeviceFilter.NO_GROUP)
                .param("tenant", tenantId)
                .param("limit", limit)
                .param("offset", offset);
        if (!search.isBlank()) {
            statement = statement.param("pattern", SearchPattern.contains(search));
        }
        if (site != null) {
            statement = statement.param("site", site);
        }
        return statement.query(String.class).list();
    }

    FleetCounts counts(long tenantId, @Nullable Long site, Instant now, int lowBatteryPercent) {
        var statement = jdbc.sql("SELECT count(*) AS devices,"
                        + " count(CASE WHEN stale_at >= :now THEN 1 END) AS online,"
                        + " count(CASE WHEN stale_at < :now THEN 1 END) AS stale,"
                        + " count(CASE WHEN battery_level <= :low THEN 1 END) AS low_battery"
                        + " FROM device WHERE tenant_id = :tenant"
                        + (site == null ? "" : " AND " + SitePlaces.ASSET_AT_SITE))
                .param("now", Timestamp.from(now))
                .param("low", lowBatteryPercent)
                .param("tenant", tenantId);
        if (site != null) {
            statement = statement.param("site", site);
        }
        return statement
                .query((row, number) -> new FleetCounts(
                        row.getLong("devices"),
                        row.getLong("online"),
                        row.getLong("stale"),
                        row.getLong("low_battery")))
                .single();
    }

    /** Only fixed SQL goes into the text; every value the user chose is a parameter. */
    private static Where where(long tenantId, @Nullable Long site, DeviceFilter filter, Instant now) {
        var sql = new StringBuilder(" WHERE tenant_id = :tenant");
        Map<String, Object> params = new HashMap<>();
        params.put("tenant", tenantId);
        if (site != null) {
            sql.append(" AND ").append(SitePlaces.ASSET_AT_SITE);
            params.put("site", site);
        }
        if (DeviceFilter.NO_GROUP.equals(filter.group())) {
            sql.append(" AND group_id IS NULL");
        } else if (filter.group() != null) {
            sql.append(" AND group_id = :group");
            params.put("group", filter.group());
        }
        if (filter.product() != null) {
            sql.append(" AND SUBSTRING(tuid FROM 1 FOR 6) IN (:imcs)");
            params.put("imcs", filter.product().imcs());
        }
        if (filter.status() != null) {
            sql.append(" AND installation_status = :status");
            params.put("status", filter.status().wireValue());
        }
        if (filter.batteryAtMost() != null) {
            sql.append(" AND battery_level <= :battery");
            params.put("battery", filter.batteryAtMost());
        }
        if (filter.notSeenFor() != null) {
            sql.append(" AND (last_seen IS NULL OR last_seen < :seenBefore)");
            params.put("seenBefore", Timestamp.from(now.minus(filter.notSeenFor())));
        }
        if (!filter.tuid().isEmpty()) {
            sql.append(" AND lower(tuid) LIKE :tuid ESCAPE '\\'");
            params.put("tuid", SearchPattern.contains(filter.tuid()));
        }
        return new Where(sql.toString(), params);
    }

    private static DeviceListItem item(ResultSet row) throws SQLException {
        int battery = row.getInt("battery_level");
        Integer batteryLevel = row.wasNull() ? null : battery;
        return new DeviceListItem(
                row.getString("tuid"),
                row.getString("product_type"),
                row.getString("group_id"),
                row.getString("asset_name"),
                row.getString("installation_status"),
                instant(row.getTimestamp("last_seen")),
                instant(row.getTimestamp("stale_at")),
                batteryLevel,
                row.getString("firmware"),
                row.getBoolean("config_drift"));
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private record Where(String sql, Map<String, Object> params) {}
}
