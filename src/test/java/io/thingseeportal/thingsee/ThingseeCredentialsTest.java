package io.thingseeportal.thingsee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.thingseeportal.TestData;
import io.thingseeportal.secrets.SecretBox;
import io.thingseeportal.security.AppRoles;
import io.thingseeportal.security.CurrentUser;
import io.thingseeportal.security.PortalUser;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.ActiveProfiles;

/**
 * Operators set a tenant's Thingsee credentials and test them with a client-token call, here against the built-in
 * simulator over HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ThingseeCredentialsTest {

    static final PortalUser OPERATOR = new PortalUser("otto", "Otto", Set.of(AppRoles.OPERATOR), null, null, null);

    @Autowired
    ThingseeCredentials credentials;

    @Autowired
    ThingseeStacks stacks;

    @Autowired
    CurrentUser currentUser;

    @Autowired
    SecretBox secrets;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    long tenantId;
    String simulator;

    @BeforeEach
    void aTenant() {
        tenantId = TestData.tenant(jdbc, "Cumulus");
        simulator = "http://127.0.0.1:" + port + "/simulator/thingsee/v1";
    }

    @Test
    void credentials_the_stack_accepts_pass_the_test_before_they_are_saved() {
        var check = asOperator(() -> credentials.test(tenantId, simulator, "acme-demo-client", "acme-demo-secret"));

        assertThat(check.ok()).isTrue();
        assertThat(check.messageKey()).isEqualTo("tenant.thingsee.check.ok");
        assertThat(jdbc.sql("SELECT count(*) FROM tenant_thingsee WHERE tenant_id = ?")
                        .param(tenantId)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void a_wrong_secret_is_refused_by_thingsee_and_said_so() {
        var check = asOperator(() -> credentials.test(tenantId, simulator, "acme-demo-client", "wrong"));

        assertThat(check.ok()).isFalse();
        assertThat(check.messageKey()).isEqualTo("tenant.thingsee.check.refused");
    }

    @Test
    void an_address_nothing_answers_at_is_unreachable() {
        var check = asOperator(
                () -> credentials.test(tenantId, "http://127.0.0.1:1/v1", "acme-demo-client", "acme-demo-secret"));

        assertThat(check.messageKey()).isEqualTo("tenant.thingsee.check.unreachable");
        assertThat(asOperator(() -> credentials.test(tenantId, "not an address", "c", "s"))
                        .messageKey())
                .isEqualTo("tenant.thingsee.check.bad-address");
    }

    @Test
    void saved_credentials_are_sealed_used_at_once_and_tested_with_the_stored_secret() {
        asOperator(() -> {
            credentials.save(tenantId, new ThingseeSettings(simulator, "acme-demo-client", false), "acme-demo-secret");
            return null;
        });

        String slug = TestData.slug(jdbc, tenantId);
        assertThat(stacks.require(slug).clientSecret()).isEqualTo("acme-demo-secret");
        assertThat(asOperator(() -> credentials.settings(tenantId)))
                .isEqualTo(new ThingseeSettings(simulator + "/", "acme-demo-client", true));
        assertThat(jdbc.sql("SELECT client_secret FROM tenant_thingsee WHERE tenant_id = ?")
                        .param(tenantId)
                        .query(String.class)
                        .single())
                .doesNotContain("acme-demo-secret");
        assertThat(asOperator(() -> credentials.test(tenantId, simulator, "acme-demo-client", null))
                        .ok())
                .isTrue();
    }

    @Test
    void a_change_replaces_the_stack_kept_on_this_node_at_once() {
        asOperator(() -> {
            credentials.save(tenantId, new ThingseeSettings(simulator, "first-client", false), "first-secret");
            return null;
        });
        String slug = TestData.slug(jdbc, tenantId);
        assertThat(stacks.require(slug).clientId()).isEqualTo("first-client");

        asOperator(() -> {
            credentials.save(tenantId, new ThingseeSettings(simulator, "second-client", false), null);
            return null;
        });

        assertThat(stacks.require(slug).clientId()).isEqualTo("second-client");
        assertThat(stacks.require(slug).clientSecret()).isEqualTo("first-secret");
        assertThat(TestData.audit(jdbc, tenantId))
                .as("each change in the audit log, a new secret said but never shown")
                .containsExactly(
                        "THINGSEE_API_CHANGED " + slug + ": " + simulator + "/, client first-client, new secret",
                        "THINGSEE_API_CHANGED " + slug + ": " + simulator + "/, client second-client");
    }

    @Test
    void a_first_stack_needs_its_secret_and_only_operators_set_one() {
        assertThatThrownBy(() -> asOperator(() -> {
                    credentials.save(tenantId, new ThingseeSettings(simulator, "client", false), null);
                    return null;
                }))
                .isInstanceOf(IllegalStateException.class);
        var admin = new PortalUser("aino", "Aino", Set.of(AppRoles.ADMIN), tenantId, "x", "X");
        assertThatThrownBy(() -> currentUser.runAs(admin, () -> credentials.settings(tenantId)))
                .isInstanceOf(AccessDeniedException.class);
    }

    private <T> T asOperator(Supplier<T> work) {
        return currentUser.runAs(OPERATOR, work);
    }
}
