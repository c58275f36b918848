package io.thingseeportal.installation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The work order table, always scoped to one tenant. A change names the step it expects the order to be at, so that a
 * second tap (or a second phone) that comes after the first changes nothing. Used only by the installation services.
 * Work orders come without their assets' paths, which the services add.
 */
@Repository
class WorkOrderStore {

    private static final String COLUMNS = "SELECT id, tuid, installer, installer_name, step, replaces_tuid,"
            + " battery_level, last_seen, previous_group_id, previous_asset_id, asset_id, group_id, latitude, longitude,"
            + " photo IS NOT NULL AS has_photo, done_calls, failure_key, failure_detail, created_at, updated_at,"
            + " finished_at FROM work_order";

    private final JdbcClient jdbc;

    WorkOrderStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long tenantId, String installer, String installerName, String tuid, Instant at) {
        var key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO work_order (tenant_id, installer, installer_name, tuid, step, created_at, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        tenantId,
                        installer,
                        installerName,
                        tuid,
                        WorkOrder.Step.CHECKING.name(),
                        Timestamp.from(at),
                        Timestamp.from(at))
                .update(key, "id");
        return Objects.requireNonNull(key.getKey()).longValue();
    }

    Optional<WorkOrder> find(long tenantId, long id) {
        return jdbc.sql(COLUMNS + " WHERE tenant_id = ? AND id = ?")
                .params(tenantId, id)
                .query(WorkOrderStore::workOrder)
                .optional();
    }

    /** The installer's newest open work order for the device, if any. */
    Optional<WorkOrder> findOpen(long tenantId, String installer, String tuid) {
        return jdbc.sql(COLUMNS + " WHERE tenant_id = ? AND installer = ? AND (tuid = ? OR replaces_tuid = ?)"
                        + " AND step NOT IN ('DONE', 'CANCELLED') ORDER BY updated_at DESC LIMIT 1")
                .params(tenantId, installer, tuid, tuid)
                .query(WorkOrderStore::workOrder)
                .optional();
    }

    /** The installer's open work orders and those finished since {@code since}, the newest change first. */
    List<WorkOrder> mine(long tenantId, String installer, Instant since) {
        return jdbc.sql(COLUMNS + " WHERE tenant_id = ? AND installer = ?"
                        + " AND (step NOT IN ('DONE', 'CANCELLED') OR finished_at >= ?) ORDER BY updated_at DESC")
                .params(tenantId, installer, Timestamp.from(since))
                .query(WorkOrderStore::workOrder)
                .list();
    }

    /** The assets of the installer's newest work orders, the most recently used first. */
    List<Long> recentAssets(long tenantId, String installer, int limit) {
        return jdbc.sql("SELECT asset_id FROM work_order WHERE tenant_id = ? AND installer = ? AND asset_id IS NOT NULL"
                        + " GROUP BY asset_id ORDER BY max(updated_at) DESC LIMIT ?")
                .params(tenantId, installer, limit)
                .query(Long.class)
                .list();
    }

    /** The group of the newest finished installation at one of these assets, or by this installer when none. */
    Optional<String> lastGroup(long tenantId, Collection<Long> assetIds, String installer) {
        if (!assetIds.isEmpty()) {
            String ids = assetIds.stream().map(String::valueOf).collect(Collectors.joining(","));
            Optional<String> there = jdbc.sql("SELECT group_id FROM work_order WHERE tenant_id = ? AND step = 'DONE'"
                            + " AND group_id <> 'unassigned' AND asset_id IN (" + ids + ")"
                            + " ORDER BY finished_at DESC LIMIT 1")
                    .param(tenantId)
                    .query(String.class)
                    .optional();
            if (there.isPresent()) {
                return there;
            }
        }
        return jdbc.sql("SELECT group_id FROM work_order WHERE tenant_id = ? AND installer = ? AND group_id IS NOT NULL"
                        + " AND group_id <> 'unassigned' ORDER BY updated_at DESC LIMIT 1")
                .params(tenantId, installer)
                .query(String.class)
                .optional();
    }

    /** What Thingsee said of the device when it was checked; moves the order on from {@code CHECKING}. */
    boolean checked(
            long tenantId,
            long id,
            WorkOrder.Step next,
            @Nullable Integer battery,
            @Nullable Instant lastSeen,
            @Nullable String previousGroupId,
            @Nullable Long previousAssetId,
            Instant at) {
        return jdbc.sql("UPDATE work_order SET step = ?, battery_level = ?, last_seen = ?, previous_group_id = ?,"
                                + " previous_asset_id = ?, failure_key = NULL, failure_detail = NULL, updated_at = ?"
                                + " WHERE tenant_id = ? AND id = ? AND step = 'CHECKING'")
                        .params(
                                next.name(),
                                battery,
                                timestamp(lastSeen),
                                previousGroupId,
                                previousAssetId,
                                Timestamp.from(at),
                                tenantId,
                                id)
                        .update()
                == 1;
    }

    /** Moves the order from one step to the next, clearing an earlier failure; false when it was not at {@code from}. */
    boolean advance(long tenantId, long id, Set<WorkOrder.Step> from, WorkOrder.Step to, Instant at) {
        String steps = from.stream().map(step -> "'" + step.name() + "'").collect(Collectors.joining(","));
        return jdbc.sql("UPDATE work_order SET step = ?, failure_key = NULL, failure_detail = NULL, updated_at = ?,"
                                + " finished_at = ? WHERE tenant_id = ? AND id = ? AND step IN (" + steps + ")")
                        .params(to.name(), Timestamp.from(at), to.isOpen() ? null : Timestamp.from(at), tenantId, id)
                        .update()
                == 1;
    }

    /**
     * Like {@link #advance}, but only while nothing of the order has gone to Thingsee: no confirmation holds it, no call
     * succeeded and no installations call was sent. Cancelling, or going back from confirming, needs this.
     */
    boolean advanceUntouched(long tenantId, long id, Set<WorkOrder.Step> from, WorkOrder.Step to, Instant at) {
        String steps = from.stream().map(step -> "'" + step.name() + "'").collect(Collectors.joining(","));
        return jdbc.sql("UPDATE work_order SET step = ?, failure_key = NULL, failure_detail = NULL, updated_at = ?,"
                                + " finished_at = ? WHERE tenant_id = ? AND id = ? AND step IN (" + steps + ")"
                                + " AND claimed_by IS NULL AND done_calls = '' AND install_sent_at IS NULL")
                        .params(to.name(), Timestamp.from(at), to.isOpen() ? null : Timestamp.from(at), tenantId, id)
                        .update()
                == 1;
    }

    boolean chooseAsset(
            long tenantId,
            long id,
            long assetId,
            @Nullable String defaultGroup,
            @Nullable Double latitude,
            @Nullable Double longitude,
            Instant at) {
        return jdbc.sql("UPDATE work_order SET step = 'GROUP', asset_id = ?, group_id = COALESCE(group_id, ?),"
                                + " latitude = ?, longitude = ?, updated_at = ?"
                                + " WHERE tenant_id = ? AND id = ? AND step = 'ASSET'")
                        .params(assetId, defaultGroup, latitude, longitude, Timestamp.from(at), tenantId, id)
                        .update()
                == 1;
    }

    boolean chooseGroup(long tenantId, long id, String groupId, Instant at) {
        return jdbc.sql("UPDATE work_order SET step = 'CONFIRM', group_id = ?, updated_at = ?"
                                + " WHERE tenant_id = ? AND id = ? AND step = 'GROUP'")
                        .params(groupId, Timestamp.from(at), tenantId, id)
                        .update()
                == 1;
    }

    /** The new device takes over the old one's asset and group; the order goes on to confirming. */
    boolean replaceWith(
            long tenantId, long id, String newTuid, @Nullable Integer battery, @Nullable Instant lastSeen, Instant at) {
        // An old device at no known place, or in no group, leaves that step to be chosen.
        return jdbc.sql("UPDATE work_order SET step = CASE WHEN previous_asset_id IS NULL THEN 'ASSET'"
                                + " WHEN previous_group_id IS NULL OR previous_group_id = 'unassigned' THEN 'GROUP'"
                                + " ELSE 'CONFIRM' END, replaces_tuid = tuid, tuid = ?, battery_level = ?,"
                                + " last_seen = ?, asset_id = previous_asset_id,"
                                + " group_id = CASE WHEN previous_group_id = 'unassigned' THEN NULL ELSE previous_group_id END,"
                                + " failure_key = NULL, failure_detail = NULL, updated_at = ?"
                                + " WHERE tenant_id = ? AND id = ? AND step = 'REPLACEMENT'")
                        .params(newTuid, battery, timestamp(lastSeen), Timestamp.from(at), tenantId, id)
                        .update()
                == 1;
    }

    void photo(long tenantId, long id, byte[] jpeg, Instant at) {
        jdbc.sql("UPDATE work_order SET photo = ?, updated_at = ? WHERE tenant_id = ? AND id = ?")
                .params(jpeg, Timestamp.from(at), tenantId, id)
                .update();
    }

    Optional<byte[]> photo(long tenantId, long id) {
        return jdbc.sql("SELECT photo FROM work_order WHERE tenant_id = ? AND id = ? AND photo IS NOT NULL")
                .params(tenantId, id)
                .query((row, number) -> row.getBytes("photo"))
                .optional();
    }

    /**
     * Takes the order for a confirmation with {@code token}: false when it is not at {@code CONFIRM}, or another
     * confirmation (a second tap, another phone, another node) holds it and took or renewed it after
     * {@code takenBefore}.
     */
    boolean claim(long tenantId, long id, String token, Instant at, Instant takenBefore) {
        return jdbc.sql("UPDATE work_order SET claimed_by = ?, running_since = ?, failure_key = NULL,"
                                + " failure_detail = NULL, updated_at = ? WHERE tenant_id = ? AND id = ? AND step = 'CONFIRM'"
                                + " AND (claimed_by IS NULL OR running_since < ?)")
                        .params(
                                token,
                                Timestamp.from(at),
                                Timestamp.from(at),
                                tenantId,
                                id,
                                Timestamp.from(takenBefore))
                        .update()
                == 1;
    }

    /** Renews the hold before a call; false when the holder is no longer {@code token} (its hold ran out). */
    boolean renew(long tenantId, long id, String token, Instant at) {
        return jdbc.sql("UPDATE work_order SET running_since = ? WHERE tenant_id = ? AND id = ? AND claimed_by = ?")
                        .params(Timestamp.from(at), tenantId, id, token)
                        .update()
                == 1;
    }

    /** Lets go of the order, if {@code token} still holds it. */
    void release(long tenantId, long id, String token) {
        jdbc.sql("UPDATE work_order SET claimed_by = NULL, running_since = NULL"
                        + " WHERE tenant_id = ? AND id = ? AND claimed_by = ?")
                .params(tenantId, id, token)
                .update();
    }

    /** Records the calls that succeeded so far, as the holder {@code token}. */
    boolean callDone(long tenantId, long id, String token, Set<WorkOrder.Call> done, Instant at) {
        String calls = done.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        return jdbc.sql("UPDATE work_order SET done_calls = ?, updated_at = ?"
                                + " WHERE tenant_id = ? AND id = ? AND claimed_by = ? AND step = 'CONFIRM'")
                        .params(calls, Timestamp.from(at), tenantId, id, token)
                        .update()
                == 1;
    }

    /** Marks the installations call as sent, before it is: a retry then asks Thingsee whether it arrived. */
    void installSent(long tenantId, long id, Instant at) {
        jdbc.sql("UPDATE work_order SET install_sent_at = ? WHERE tenant_id = ? AND id = ?")
                .params(Timestamp.from(at), tenantId, id)
                .update();
    }

    boolean installSent(long tenantId, long id) {
        return jdbc.sql("SELECT install_sent_at IS NOT NULL FROM work_order WHERE tenant_id = ? AND id = ?")
                .params(tenantId, id)
                .query(Boolean.class)
                .single();
    }

    /** Records why the current step failed, for a retry. */
    void failed(long tenantId, long id, WorkOrder.Failure failure, Instant at) {
        jdbc.sql("UPDATE work_order SET failure_key = ?, failure_detail = ?, updated_at = ?"
                        + " WHERE tenant_id = ? AND id = ?")
                .params(failure.messageKey(), limit(failure.detail()), Timestamp.from(at), tenantId, id)
                .update();
    }

    /** Finishes the order, as the holder {@code token}; false when it no longer holds it. */
    boolean finish(long tenantId, long id, String token, Instant at) {
        return jdbc.sql("UPDATE work_order SET step = 'DONE', claimed_by = NULL, running_since = NULL,"
                                + " failure_key = NULL, failure_detail = NULL, updated_at = ?, finished_at = ?"
                                + " WHERE tenant_id = ? AND id = ? AND claimed_by = ? AND step = 'CONFIRM'")
                        .params(Timestamp.from(at), Timestamp.from(at), tenantId, id, token)
                        .update()
                == 1;
    }

    private static String limit(String detail) {
        return detail.length() <= 500 ? detail : detail.substring(0, 499) + "…";
    }

    private static @Nullable Timestamp timestamp(@Nullable Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private static @Nullable Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp at = row.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    private static WorkOrder workOrder(ResultSet row, int number) throws SQLException {
        Set<WorkOrder.Call> done = EnumSet.noneOf(WorkOrder.Call.class);
        Arrays.stream(row.getString("done_calls").split(","))
                .filter(call -> !call.isEmpty())
                .map(WorkOrder.Call::valueOf)
                .forEach(done::add);
        String failureKey = row.getString("failure_key");
        return new WorkOrder(
                row.getLong("id"),
                row.getString("tuid"),
                row.getString("installer"),
                row.getString("installer_name"),
                WorkOrder.Step.valueOf(row.getString("step")),
                row.getString("replaces_tuid"),
                row.getObject("battery_level", Integer.class),
                instant(row, "last_seen"),
                row.getString("previous_group_id"),
                row.getObject("previous_asset_id", Long.class),
                null,
                row.getObject("asset_id", Long.class),
                null,
                row.getString("group_id"),
                row.getObject("latitude", Double.class),
                row.getObject("longitude", Double.class),
                row.getBoolean("has_photo"),
                done,
                failureKey == null
                        ? null
                        : new WorkOrder.Failure(
                                failureKey, Objects.requireNonNullElse(row.getString("failure_detail"), "")),
                Objects.requireNonNull(instant(row, "created_at")),
                Objects.requireNonNull(instant(row, "updated_at")),
                instant(row, "finished_at"));
    }
}
