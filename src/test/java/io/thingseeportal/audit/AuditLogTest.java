package io.thingseeportal.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.thingseeportal.KaribuTest;
import io.thingseeportal.TestData;
import io.thingseeportal.security.AppRoles;
import io.thingseeportal.security.SignInAttempt;
import java.io.StringWriter;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The audit log: entries recorded as the signed-in user with the request's address, kept per tenant, read by admins
 * (their own tenant's) and operators (all), filtered and exported; sign-ins and role changes from the sign-in events.
 */
class AuditLogTest extends KaribuTest {

    static final AuditFilter ALL = AuditFilter.all(ZoneOffset.UTC);

    @Autowired
    AuditLog audit;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    io.thingseeportal.security.BackgroundWork background;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbcTemplate;

    @Autowired
    JdbcClient jdbc;

    long acme;
    long borealis;
    String acmeSlug;

    @BeforeEach
    void twoTenants() {
        acme = TestData.tenant(jdbc, "Acme");
        acmeSlug = TestData.slug(jdbc, acme);
        borealis = TestData.tenant(jdbc, "Borealis");
    }

    @AfterEach
    void noRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void an_entry_names_who_in_which_role_and_the_address_of_their_request() {
        var request = new MockHttpServletRequest();
        request.setRemoteAddr("203.0.113.7");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        signIn("Aino Admin", acme, AppRoles.ADMIN);

        audit.record(acme, AuditAction.CONFIGURATION_SENT, "TSPR04EZU31901021", "tsmId 13200 {threshold=200}");

        assertThat(audit.find(ALL, 0, 10)).singleElement().satisfies(entry -> {
            assertThat(entry.actorName()).isEqualTo("Aino Admin");
            assertThat(entry.actorRole()).isEqualTo(AppRoles.ADMIN);
            assertThat(entry.action()).isEqualTo(AuditAction.CONFIGURATION_SENT);
            assertThat(entry.subject()).isEqualTo("TSPR04EZU31901021");
            assertThat(entry.details()).isEqualTo("tsmId 13200 {threshold=200}");
            assertThat(entry.sourceAddress()).isEqualTo("203.0.113.7");
            assertThat(entry.tenantSlug()).isEqualTo(acmeSlug);
        });
    }

    @Test
    void background_work_a_request_started_records_that_requests_address() throws Exception {
        var request = new MockHttpServletRequest();
        request.setRemoteAddr("198.51.100.23");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        signIn("Ilkka Installer", acme, AppRoles.INSTALLER);

        background
                .supply(() -> {
                    audit.record(acme, AuditAction.INSTALLATION, "TSPR04EZU31901021", "installed");
                    return null;
                })
                .get(10, java.util.concurrent.TimeUnit.SECONDS);

        assertThat(jdbc.sql("SELECT source_address FROM audit_event WHERE tenant_id = ?")
                        .param(acme)
                        .query(String.class)
                        .single())
                .isEqualTo("198.51.100.23");
    }

    @Test
    void an_export_of_more_entries_than_one_page_holds_each_once() {
        signIn("Aino Admin", acme, AppRoles.ADMIN);
        var at = java.sql.Timestamp.from(java.time.Instant.parse("2026-12-01T10:00:00Z"));
        // The same moment for all: the export's pages must tell them apart by more than their time.
        List<Object[]> rows = java.util.stream.IntStream.rangeClosed(1, 2500)
                .mapToObj(n -> new Object[] {acme, at, "g" + n})
                .toList();
        jdbcTemplate.batchUpdate(
                "INSERT INTO audit_event (tenant_id, occurred_at, actor_subject, actor_name, action, subject, details)"
                        + " VALUES (?, ?, 'aino', 'Aino Admin', 'GROUP_CHANGED', ?, 'CREATED')",
                rows);
        var out = new StringWriter();

        audit.exportCsv(ALL, out);

        List<String> lines = out.toString().lines().skip(1).toList();
        assertThat(lines).hasSize(2500).doesNotHaveDuplicates();
    }

    @Test
    void a_tenant_user_cannot_record_into_another_tenant() {
        signIn("Aino Admin", acme, AppRoles.ADMIN);

        assertThatThrownBy(() -> audit.record(borealis, AuditAction.GROUP_CHANGED, "prfi00x", "CREATED"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(count(borealis)).isZero();
    }

    @Test
    void an_admin_reads_only_their_own_tenants_entries_and_an_operator_reads_all_of_them() {
        signIn("Aino Admin", acme, AppRoles.ADMIN);
        audit.record(acme, AuditAction.GROUP_CHANGED, "prfi00acme", "CREATED");
        signIn("Bert Admin", borealis, AppRoles.ADMIN);
        audit.record(borealis, AuditAction.GROUP_CHANGED, "prfi00borealis", "CREATED");

        signIn("Aino Admin", acme, AppRoles.ADMIN);
        assertThat(audit.find(ALL, 0, 10)).extracting(AuditEntry::subject).containsExactly("prfi00acme");
        assertThat(audit.count(ALL)).isEqualTo(1);
        assertThat(audit.seesAllTenants()).isFalse();
        // An admin cannot widen their view with the tenant filter.
        assertThat(audit.find(new AuditFilter(null, null, null, "borealis", null, null, ZoneOffset.UTC), 0, 10))
                .extracting(AuditEntry::subject)
                .containsExactly("prfi00acme");

        signIn("Otto Operator", null, AppRoles.OPERATOR);
        assertThat(audit.seesAllTenants()).isTrue();
        assertThat(audit.find(ALL, 0, 1000)).extracting(AuditEntry::subject).contains("prfi00acme", "prfi00borealis");
        assertThat(audit.find(new AuditFilter(null, null, null, acmeSlug, null, null, ZoneOffset.UTC), 0, 10))
                .extracting(AuditEntry::subject)
                .containsExactly("prfi00acme");
    }

    @Test
    void installers_and_viewers_cannot_read_the_log() {
        signIn("Ilkka Installer", acme, AppRoles.INSTALLER);
        assertThatThrownBy(() -> audit.find(ALL, 0, 10)).isInstanceOf(AccessDeniedException.class);
        signIn("Veera Viewer", acme, AppRoles.VIEWER);
        assertThatThrownBy(() -> audit.count(ALL)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void the_filters_narrow_by_what_who_what_about_and_day() {
        signIn("Aino Admin", acme, AppRoles.ADMIN);
        audit.record(acme, AuditAction.GROUP_CHANGED, "prfi00office", "CREATED");
        audit.record(acme, AuditAction.CONFIGURATION_SENT, "TSPR04EZU31901021", "tsmId 13200");
        signIn("Ilkka Installer", acme, AppRoles.INSTALLER);
        audit.record(acme, AuditAction.INSTALLATION, "TSPR04EZU31901022", "installed at Lobby in prfi00office");
        signIn("Aino Admin", acme, AppRoles.ADMIN);

        assertThat(subjects(new AuditFilter(AuditAction.GROUP_CHANGED, null, null, null, null, null, ZoneOffset.UTC)))
                .containsExactly("prfi00office");
        assertThat(subjects(new AuditFilter(null, "ILKKA", null, null, null, null, ZoneOffset.UTC)))
                .containsExactly("TSPR04EZU31901022");
        assertThat(subjects(new AuditFilter(null, null, "tspr04", null, null, null, ZoneOffset.UTC)))
                .containsExactly("TSPR04EZU31901022", "TSPR04EZU31901021");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertThat(subjects(new AuditFilter(null, null, null, null, today, today, ZoneOffset.UTC)))
                .hasSize(3);
        assertThat(subjects(new AuditFilter(null, null, null, null, today.plusDays(1), null, ZoneOffset.UTC)))
                .isEmpty();
        assertThat(subjects(new AuditFilter(null, "%", null, null, null, null, ZoneOffset.UTC)))
                .as("a percent sign is only a percent sign")
                .isEmpty();
    }

    @Test
    void the_csv_export_holds_the_filtered_entries_the_newest_first() {
        signIn("Aino Admin", acme, AppRoles.ADMIN);
        audit.record(acme, AuditAction.GROUP_CHANGED, "prfi00office", "CREATED");
        audit.record(acme, AuditAction.GROUP_CHANGED, "prfi00lab", "=HYPERLINK(\"x\")");
        audit.record(acme, AuditAction.CONFIGURATION_SENT, "TSPR04EZU31901021", "tsmId 13200");
        var out = new StringWriter();

        audit.exportCsv(new AuditFilter(AuditAction.GROUP_CHANGED, null, null, null, null, null, ZoneOffset.UTC), out);

        List<String> lines = out.toString().lines().toList();
        assertThat(lines.get(0)).isEqualTo("time,tenant,who,name,role,action,subject,details,from");
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).contains(acmeSlug, "Aino Admin", "ADMIN", "GROUP_CHANGED", "prfi00lab");
        assertThat(lines.get(1)).as("never read as a formula").doesNotContain(",=HYPERLINK");
        assertThat(lines.get(2)).contains("prfi00office");
    }

    @Test
    void a_sign_in_is_kept_and_so_is_a_role_that_changed_since_the_last_one() {
        events.publishEvent(new SignInAttempt("veera", "Veera Viewer", acme, AppRoles.VIEWER, null, null));
        events.publishEvent(new SignInAttempt("veera", "Veera Viewer", acme, AppRoles.ADMIN, null, "VIEWER -> ADMIN"));
        events.publishEvent(new SignInAttempt("veera", "Veera Viewer", acme, null, "portal_no_role", "ADMIN -> none"));
        events.publishEvent(new SignInAttempt("guest", "Guest", acme, null, "portal_email_domain", null));

        signIn("Otto Operator", null, AppRoles.OPERATOR);
        List<AuditEntry> entries = new java.util.ArrayList<>(
                audit.find(new AuditFilter(null, null, null, acmeSlug, null, null, ZoneOffset.UTC), 0, 20));
        java.util.Collections.reverse(entries);
        assertThat(entries)
                .extracting(entry -> entry.action() + " " + entry.subject() + " " + entry.details())
                .containsExactly(
                        "SIGNED_IN veera ",
                        "ROLE_CHANGED veera VIEWER -> ADMIN",
                        "SIGNED_IN veera ",
                        "ROLE_CHANGED veera ADMIN -> none",
                        "SIGN_IN_REFUSED veera portal_no_role",
                        "SIGN_IN_REFUSED guest portal_email_domain");
    }

    @Test
    void an_operators_own_sign_in_belongs_to_no_tenant_and_only_operators_see_it() {
        String operator = "operator-" + java.util.UUID.randomUUID();
        events.publishEvent(new SignInAttempt(operator, "Otto Operator", null, AppRoles.OPERATOR, null, null));

        signIn("Otto Operator", null, AppRoles.OPERATOR);
        assertThat(audit.find(
                        new AuditFilter(AuditAction.SIGNED_IN, operator, null, null, null, null, ZoneOffset.UTC),
                        0,
                        10))
                .singleElement()
                .satisfies(entry -> assertThat(entry.tenantSlug()).isNull());
        signIn("Aino Admin", acme, AppRoles.ADMIN);
        assertThat(audit.count(ALL)).isZero();
    }

    private List<String> subjects(AuditFilter filter) {
        return audit.find(filter, 0, 100).stream().map(AuditEntry::subject).toList();
    }

    private long count(long tenantId) {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE tenant_id = ?")
                .param(tenantId)
                .query(Long.class)
                .single();
    }
}
