package io.thingseeportal.deviceconfig;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.thingseeportal.csv.Csv;
import io.thingseeportal.security.AppRoles;
import io.thingseeportal.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every command sent to the signed-in user's tenant's devices, read-only, for admins, installers and viewers alike:
 * filtered by state, device, group, who made it and days, paged in the database, and as CSV. What a role may send is
 * {@link DeviceCommandService}'s business; seeing what was sent is everyone's of the tenant.
 */
@Service
public class CommandInventory {

    /** The CSV's header: the columns' own names, not translated, so that scripts read it in any language. */
    static final List<String> HEADER = List.of(
            "created",
            "sent",
            "echoed",
            "tuid",
            "group",
            "message_id",
            "state",
            "transaction_id",
            "by",
            "request",
            "echo",
            "differences",
            "failure");

    static final int EXPORT_PAGE = 1000;

    private final CommandInventoryStore store;
    private final CurrentUser currentUser;
    private final ObjectMapper json;

    CommandInventory(CommandInventoryStore store, CurrentUser currentUser, ObjectMapper json) {
        this.store = store;
        this.currentUser = currentUser;
        this.json = json;
    }

    /** The commands that pass the filter, the newest first. */
    @RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER, AppRoles.VIEWER})
    @Transactional(readOnly = true)
    public List<DeviceCommand> find(CommandFilter filter, int offset, int limit) {
        return store.find(currentUser.tenantId(), currentUser.require().onlySite(), filter, offset, limit);
    }

    @RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER, AppRoles.VIEWER})
    @Transactional(readOnly = true)
    public long count(CommandFilter filter) {
        return store.count(currentUser.tenantId(), currentUser.require().onlySite(), filter);
    }

    /** One command of the tenant; another tenant's is not found. */
    @RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER, AppRoles.VIEWER})
    @Transactional(readOnly = true)
    public Optional<DeviceCommand> find(long id) {
        return store.find(currentUser.tenantId(), currentUser.require().onlySite(), id);
    }

    /** These commands as they stand now, those of the tenant only, in no particular order. */
    @RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER, AppRoles.VIEWER})
    @Transactional(readOnly = true)
    public List<DeviceCommand> find(Collection<Long> ids) {
        return ids.isEmpty()
                ? List.of()
                : store.find(currentUser.tenantId(), currentUser.require().onlySite(), ids);
    }

    /** Who made the tenant's commands, by subject, with their latest names, in the order of the names. */
    @RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER, AppRoles.VIEWER})
    @Transactional(readOnly = true)
    public Map<String, String> people() {
        return store.people(currentUser.tenantId(), currentUser.require().onlySite());
    }

    /** The groups the commanded devices were in. */
    @RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER, AppRoles.VIEWER})
    @Transactional(readOnly = true)
    public List<String> groups() {
        return store.groups(currentUser.tenantId(), currentUser.require().onlySite());
    }

    /**
     * Writes the commands that pass the filter as CSV ({@link Csv}), the newest first, read a thousand at a time after
     * the last one written (not by offset, so that commands made meanwhile move no row twice). Times are the filter's
     * zone's local time, as on the page; request, echo and differences are JSON.
     */
    @RolesAllowed({AppRoles.ADMIN, AppRoles.INSTALLER, AppRoles.VIEWER})
    @Transactional(readOnly = true)
    public void exportCsv(CommandFilter filter, Writer out) {
        long tenantId = currentUser.tenantId();
        Long site = currentUser.require().onlySite();
        try {
            Csv.line(out, HEADER.stream());
            Long before = null;
            while (true) {
                List<DeviceCommand> page = store.page(tenantId, site, filter, before, EXPORT_PAGE);
                for (DeviceCommand command : page) {
                    Csv.line(out, row(command, filter.zone()));
                }
                if (page.size() < EXPORT_PAGE) {
                    return;
                }
                before = page.get(page.size() - 1).id();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Stream<@Nullable String> row(DeviceCommand command, ZoneId zone) {
        return Stream.of(
                local(command.createdAt(), zone),
                local(command.sentAt(), zone),
                local(command.echoedAt(), zone),
                command.tuid(),
                command.groupId(),
                String.valueOf(command.tsmId()),
                command.state().name().toLowerCase(Locale.ROOT),
                String.valueOf(command.transactionId()),
                command.createdByName(),
                write(command.request()),
                command.echo() == null ? null : write(command.echo()),
                command.differences().isEmpty() ? null : write(command.differences()),
                command.failure());
    }

    private static @Nullable String local(@Nullable Instant time, ZoneId zone) {
        return time == null
                ? null
                : LocalDateTime.ofInstant(time, zone).withNano(0).toString();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not JSON: " + value, e);
        }
    }
}
