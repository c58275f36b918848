package io.thingseeportal.installation;

import io.thingseeportal.csv.Csv;
import io.thingseeportal.security.AppRoles;
import io.thingseeportal.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The installation history of the signed-in user's tenant, for admins and viewers: who installed, replaced,
 * uninstalled, quarantined or retired which device, where and when; filtered by installer, site and days, and as CSV.
 */
@Service
public class InstallationHistory {

    /** The CSV's header: the columns' own names, not translated, so that scripts read it in any language. */
    static final List<String> HEADER =
            List.of("time", "tuid", "action", "asset", "site", "group", "replaced_tuid", "by");

    private static final int EXPORT_PAGE = 1000;

    private final InstallationEventStore events;
    private final CurrentUser currentUser;

    InstallationHistory(InstallationEventStore events, CurrentUser currentUser) {
        this.events = events;
        this.currentUser = currentUser;
    }

    /** The entries that pass the filter, the newest first. */
    @RolesAllowed({AppRoles.ADMIN, AppRoles.VIEWER})
    @Transactional(readOnly = true)
    public List<InstallationEvent> find(HistoryFilter filter, int offset, int limit) {
        return events.find(currentUser.tenantId(), filter, offset, limit);
    }

    @RolesAllowed({AppRoles.ADMIN, AppRoles.VIEWER})
    @Transactional(readOnly = true)
    public long count(HistoryFilter filter) {
        return events.count(currentUser.tenantId(), filter);
    }

    /** The people in the history, by subject, with their latest names. */
    @RolesAllowed({AppRoles.ADMIN, AppRoles.VIEWER})
    @Transactional(readOnly = true)
    public Map<String, String> people() {
        return events.people(currentUser.tenantId());
    }

    /** The sites in the history, by name. */
    @RolesAllowed({AppRoles.ADMIN, AppRoles.VIEWER})
    @Transactional(readOnly = true)
    public List<String> sites() {
        return events.sites(currentUser.tenantId());
    }

    /**
     * Writes the entries that pass the filter as CSV ({@link Csv}), the newest first; times are the filter's zone's
     * local time, as on the page.
     */
    @RolesAllowed({AppRoles.ADMIN, AppRoles.VIEWER})
    @Transactional(readOnly = true)
    public void exportCsv(HistoryFilter filter, Writer out) {
        long tenantId = currentUser.tenantId();
        try {
            Csv.line(out, HEADER.stream());
            for (int offset = 0; ; offset += EXPORT_PAGE) {
                List<InstallationEvent> page = events.find(tenantId, filter, offset, EXPORT_PAGE);
                for (InstallationEvent event : page) {
                    Csv.line(
                            out,
                            Stream.of(
                                    LocalDateTime.ofInstant(event.doneAt(), filter.zone())
                                            .withNano(0)
                                            .toString(),
                                    event.tuid(),
                                    event.action().name().toLowerCase(java.util.Locale.ROOT),
                                    event.assetPath(),
                                    event.site(),
                                    event.groupId(),
                                    event.replacedTuid(),
                                    event.doneByName()));
                }
                if (page.size() < EXPORT_PAGE) {
                    return;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
