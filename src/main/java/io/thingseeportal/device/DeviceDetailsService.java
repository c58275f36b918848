package io.thingseeportal.device;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.thingseeportal.security.AppRoles;
import io.thingseeportal.security.BackgroundWork;
import io.thingseeportal.security.CurrentUser;
import io.thingseeportal.security.PortalUser;
import io.thingseeportal.thingsee.DeviceInfo;
import io.thingseeportal.thingsee.GroupAssignment;
import io.thingseeportal.thingsee.InstallationRecord;
import io.thingseeportal.thingsee.ThingseeClient;
import io.thingseeportal.thingsee.ThingseeException;
import io.thingseeportal.thingsee.ThingseeStack;
import io.thingseeportal.thingsee.ThingseeStacks;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One device of the signed-in user's tenant, for its page: facts, latest values, reported configuration, message
 * history, chart series, and what Thingsee itself says of it. A TUID that is not one, or not a device of the tenant,
 * is no device: never another tenant's data.
 */
@Service
public class DeviceDetailsService {

    /** The most points a chart gets; more readings are averaged over time buckets. */
    static final int MAX_POINTS = 500;
    /** How many installation history entries Thingsee is asked for. */
    static final int HISTORY_LIMIT = 50;

    private static final Pattern TUID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final DeviceDetailsStore store;
    private final CurrentUser currentUser;
    private final ThingseeClient thingsee;
    private final ThingseeStacks stacks;
    private final BackgroundWork work;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final ObjectMapper json;
    private final Clock clock;

    DeviceDetailsService(
            DeviceDetailsStore store,
            CurrentUser currentUser,
            ThingseeClient thingsee,
            ThingseeStacks stacks,
            BackgroundWork work,
            TransactionTemplate transaction,
            ApplicationEventPublisher events,
            ObjectMapper json,
            Clock clock) {
        this.store = store;
        this.currentUser = currentUser;
        this.thingsee = thingsee;
        this.stacks = stacks;
        this.work = work;
        this.transaction = transaction;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    /** The device's facts; empty when the tenant has no such device. */
    @RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER, AppRoles.VIEWER})
    @Transactional(readOnly = true)
    public Optional<DeviceDetails> find(String tuid) {
        return visible(tuid) ? store.details(currentUser.tenantId(), tuid, clock.instant()) : Optional.empty();
    }

    /** The newest data message of each kind (tsmId) the device sent, by tsmId. */
    @RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER, AppRoles.VIEWER})
    @Transactional(readOnly = true)
    public List<DeviceValue> latestValues(String tuid) {
        return visible(tuid) ? store.values(currentUser.tenantId(), tuid) : List.of();
    }

    /** The configuration the device last reported per configuration message, by tsmId. */
    @RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER, AppRoles.VIEWER})
    @Transactional(readOnly = true)
    public List<ReportedConfiguration> reportedConfiguration(String tuid) {
        return visible(tuid) ? store.configuration(currentUser.tenantId(), tuid) : List.of();
    }

    /**
     * A page of the device's messages up to {@code upTo} (their own time), newest first, paged in SQL for a lazy grid:
     * the pages hold still while newer messages arrive, until the grid moves {@code upTo} on.
     */
    @RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER, AppRoles.VIEWER})
    @Transactional(readOnly = true)
    public List<RecentMessage> messages(String tuid, Instant upTo, int offset, int limit) {
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative");
        }
        return visible(tuid) ? store.messages(currentUser.tenantId(), tuid, upTo, offset, limit) : List.of();
    }

    /** How many messages of the device up to {@code upTo} (their own time) the portal keeps. */
    @RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER, AppRoles.VIEWER})
    @Transactional(readOnly = true)
    public long countMessages(String tuid, Instant upTo) {
        return visible(tuid) ? store.countMessages(currentUser.tenantId(), tuid, upTo) : 0;
    }

    /** The device's newest messages, newest first, at most {@code limit}: a live page learns from them what arrived. */
    @RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER, AppRoles.VIEWER})
    @Transactional(readOnly = true)
    public List<RecentMessage> newestMessages(String tuid, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative");
        }
        return visible(tuid) ? store.newestMessages(currentUser.tenantId(), tuid, limit) : List.of();
    }

    /** The message's JSON as it arrived, indented for reading; empty when it is gone (or not the tenant's). */
    @RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER, AppRoles.VIEWER})
    @Transactional(readOnly = true)
    public Optional<String> payload(String tuid, RecentMessage message) {
        if (!visible(tuid)) {
            return Optional.empty();
        }
        return store.payload(currentUser.tenantId(), tuid, message.tsmId(), message.time())
                .map(this::indented);
    }

    /** The numeric fields of the device's latest values: the series its chart can show, battery first. */
    @RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER, AppRoles.VIEWER})
    @Transactional(readOnly = true)
    public List<DeviceSeries> seriesOf(String tuid) {
        return DeviceSeries.of(latestValues(tuid));
    }

    /**
     * The series over the range up to now, from the message history: every reading, or when there are more than
     * {@value #MAX_POINTS}, their means over as many time buckets.
     */
    @RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER, AppRoles.VIEWER})
    @Transactional(readOnly = true)
    public List<SeriesPoint> series(String tuid, DeviceSeries series, SeriesRange range) {
        Instant from = clock.instant().minus(range.length());
        var sampler = new SeriesSampler(from, range.length(), MAX_POINTS);
        readings(tuid, series, from.minusNanos(1), sampler::add);
        return sampler.points();
    }

    /** The readings of the series newer than {@code after}, oldest first (at most {@value #MAX_POINTS}): live updates. */
    @RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER, AppRoles.VIEWER})
    @Transactional(readOnly = true)
    public List<SeriesPoint> readingsAfter(String tuid, DeviceSeries series, Instant after) {
        var readings = new ArrayList<SeriesPoint>();
        readings(tuid, series, after, (time, value) -> readings.add(new SeriesPoint(time, value)));
        return List.copyOf(readings.subList(Math.max(0, readings.size() - MAX_POINTS), readings.size()));
    }

    private void readings(String tuid, DeviceSeries series, Instant after, Reading reading) {
        if (!visible(tuid)) {
            return;
        }
        store.payloadsAfter(currentUser.tenantId(), tuid, series.tsmId(), after, (time, payload) -> {
            JsonNode value = field(payload, series.field());
            if (value != null && value.isNumber()) {
                reading.add(time, value.doubleValue());
            }
        });
    }

    /**
     * Asks Thingsee for the device ({@code GET /things/{tuid}}, its newest installation status and its group) in the
     * background and records the answer: battery, last seen (only when newer), gateway, firmware, installation
     * status and group. Live views hear of it. The future fails with {@link DeviceUnknownToThingseeException} when
     * Thingsee answers 404, or another {@link ThingseeException} with Thingsee's message.
     *
     * @throws NoSuchDeviceException at once, when the tenant has no such device
     * @throws io.thingseeportal.thingsee.NoThingseeStackException at once, when the tenant has no Thingsee stack configured
     */
    @RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER, AppRoles.VIEWER})
    public CompletableFuture<DeviceDetails> refreshFromThingsee(String tuid) {
        long tenantId = requireDevice(tuid);
        ThingseeStack stack = stack(currentUser.require());
        return work.supply(() -> {
            DeviceInfo info = ask(tuid, () -> thingsee.getDevice(stack, tuid));
            String status = ask(tuid, () -> thingsee.getInstallationStatus(stack, tuid))
                    .map(record -> record.status().wireValue())
                    .orElse(null);
            String group = ask(tuid, () -> thingsee.getDeviceGroup(stack, tuid)).groupId();
            String groupId = GroupAssignment.UNASSIGNED.equals(group) ? null : group;
            Instant now = clock.instant();
            DeviceDetails details = Objects.requireNonNull(transaction.execute(tx -> {
                store.applyThingsee(tenantId, tuid, info, status, groupId, now);
                return store.details(tenantId, tuid, now).orElseThrow();
            }));
            events.publishEvent(new DeviceStateChanged(tenantId, Set.of(tuid)));
            return details;
        });
    }

    /**
     * The device's installation history as Thingsee keeps it ({@code GET /things/{tuid}/installations}), newest
     * first, each entry with its status and group; loaded in the background, failing as {@link #refreshFromThingsee}.
     */
    @RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER, AppRoles.VIEWER})
    public CompletableFuture<List<InstallationRecord>> installationHistory(String tuid) {
        requireDevice(tuid);
        ThingseeStack stack = stack(currentUser.require());
        return work.supply(() -> ask(tuid, () -> thingsee.getInstallationHistory(stack, tuid, HISTORY_LIMIT)));
    }

    private long requireDevice(String tuid) {
        long tenantId = currentUser.tenantId();
        if (!visible(tuid) || !store.exists(tenantId, tuid)) {
            throw new NoSuchDeviceException(tuid);
        }
        return tenantId;
    }

    private static <T> T ask(String tuid, Supplier<T> call) {
        try {
            return call.get();
        } catch (ThingseeException.NotFound unknown) {
            throw new DeviceUnknownToThingseeException(tuid, unknown);
        }
    }

    private ThingseeStack stack(PortalUser user) {
        String slug = Objects.requireNonNull(user.tenantSlug(), "tenant users have a slug");
        return stacks.require(slug);
    }

    /**
     * Whether the TUID reads as one and, for a person whose installer access is for one site, the device is at that
     * site: a device elsewhere is as unknown to them as another tenant's.
     */
    private boolean visible(String tuid) {
        if (!TUID.matcher(tuid).matches()) {
            return false;
        }
        Long site = currentUser.require().onlySite();
        return site == null || store.atSite(currentUser.tenantId(), tuid, site);
    }

    private @Nullable JsonNode field(String payload, String name) {
        try {
            return json.readTree(payload).get(name);
        } catch (IOException e) {
            return null;
        }
    }

    private String indented(String payload) {
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(json.readTree(payload));
        } catch (IOException e) {
            return payload;
        }
    }

    @FunctionalInterface
    private interface Reading {
        void add(Instant time, double value);
    }
}
