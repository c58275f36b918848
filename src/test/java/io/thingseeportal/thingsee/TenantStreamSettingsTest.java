package io.thingseeportal.thingsee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.thingseeportal.TestData;
import io.thingseeportal.security.AppRoles;
import io.thingseeportal.security.CurrentUser;
import io.thingseeportal.security.PortalUser;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** Operators keep each tenant's data stream in the database; the streams to receive are read from there. */
@SpringBootTest(
        properties = {
            "portal.thingsee.tenants.acme.stream.broker-url=tcp://broker.example:1883",
            "portal.thingsee.tenants.acme.stream.username=acme-user",
            "portal.thingsee.tenants.acme.stream.password=seeded-password",
            "portal.thingsee.tenants.acme.stream.topic-filters=acme/cloudext/json/#"
        })
@ActiveProfiles("test")
@RecordApplicationEvents
class TenantStreamSettingsTest {

    static final PortalUser OPERATOR = new PortalUser("otto", "Otto", Set.of(AppRoles.OPERATOR), null, null, null);

    @Autowired
    TenantStreamSettings streams;

    @Autowired
    ConfiguredStreams configured;

    @Autowired
    CurrentUser currentUser;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents events;

    long tenantId;
    String slug;

    @BeforeEach
    void aTenantAddedAtRunTime() {
        tenantId = TestData.tenant(jdbc, "Cumulus");
        slug = TestData.slug(jdbc, tenantId);
    }

    @Test
    void a_tenant_added_at_run_time_has_no_stream_until_an_operator_saves_one() {
        assertThat(asOperator(() -> streams.settings(tenantId))).isEmpty();
        assertThat(streamOf(slug)).isNull();

        save(
                settings("tcp://127.0.0.1:1883", List.of("cumulus/cloudext/json/#")),
                passwords("cumulus-broker-pw-4711", null, null));

        ThingseeProperties.Stream stream = streamOf(slug);
        assertThat(stream.brokerUrl()).isEqualTo(URI.create("tcp://127.0.0.1:1883"));
        assertThat(stream.topicFilters()).containsExactly("cumulus/cloudext/json/#");
        assertThat(stream.username()).isEqualTo("cumulus-user");
        assertThat(stream.password()).isEqualTo("cumulus-broker-pw-4711");
        assertThat(events.stream(StreamSettingsChanged.class)).containsExactly(new StreamSettingsChanged(slug));
        assertThat(TestData.audit(jdbc, tenantId))
                .anySatisfy(entry -> assertThat(entry)
                        .contains("DATA_STREAM_CHANGED")
                        .contains("tcp://127.0.0.1:1883")
                        .contains("new password")
                        .doesNotContain("cumulus-broker-pw-4711"));
    }

    @Test
    void passwords_are_stored_sealed_and_shown_only_as_stored() {
        save(
                settingsWithFiles("ssl://broker.example:8883", "/etc/portal/client.p12", "/etc/portal/ca.p12"),
                passwords("broker-pw", "key-store-pw", "trust-store-pw"));

        Map<String, Object> row = jdbc.sql("SELECT * FROM tenant_stream WHERE tenant_id = ?")
                .param(tenantId)
                .query()
                .singleRow();
        assertThat(row.values().stream().map(String::valueOf))
                .noneMatch(value -> value.contains("broker-pw")
                        || value.contains("key-store-pw")
                        || value.contains("trust-store-pw"));
        StreamSettings shown = asOperator(() -> streams.settings(tenantId)).orElseThrow();
        assertThat(shown.hasPassword()).isTrue();
        assertThat(shown.hasKeyStorePassword()).isTrue();
        assertThat(shown.hasTrustStorePassword()).isTrue();
        ThingseeProperties.Tls tls = streamOf(slug).tls();
        assertThat(tls.keyStore()).hasToString("/etc/portal/client.p12");
        assertThat(tls.keyStorePassword()).isEqualTo("key-store-pw");
        assertThat(tls.trustStorePassword()).isEqualTo("trust-store-pw");
        assertThat(streamOf(slug).toString()).doesNotContain("broker-pw");
    }

    @Test
    void an_empty_password_keeps_the_stored_one_and_no_user_name_drops_it() {
        save(settings("tcp://127.0.0.1:1883", List.of(slug + "/#")), passwords("kept", null, null));

        save(settings("tcp://127.0.0.1:1884", List.of(slug + "/#")), TenantStreamSettings.NewPasswords.none());
        assertThat(streamOf(slug).password()).isEqualTo("kept");

        save(TestData.stream(true, "tcp://127.0.0.1:1884", "", slug + "/#"), TenantStreamSettings.NewPasswords.none());
        assertThat(streamOf(slug).username()).isNull();
        assertThat(streamOf(slug).password()).isNull();
    }

    @Test
    void a_stream_switched_off_keeps_its_settings_and_is_not_received() {
        save(settings("tcp://127.0.0.1:1883", List.of(slug + "/#")), passwords("pw", null, null));

        var off = TestData.stream(false, "tcp://127.0.0.1:1883", "cumulus-user", slug + "/#");
        save(off, TenantStreamSettings.NewPasswords.none());

        assertThat(configured.enabled()).noneMatch(stream -> stream.tenant().equals(slug));
        assertThat(asOperator(() -> streams.settings(tenantId)))
                .hasValueSatisfying(shown -> assertThat(shown.enabled()).isFalse());
    }

    @Test
    void settings_that_cannot_work_are_refused_field_by_field_and_nothing_is_saved() {
        var bad = new StreamSettings(
                true,
                "http://broker",
                "",
                List.of("a/#/b", "$share/g/x"),
                "g/1",
                "",
                "PEM",
                "",
                "PKCS12",
                false,
                false,
                false);

        assertThatThrownBy(() -> save(bad, TenantStreamSettings.NewPasswords.none()))
                .isInstanceOfSatisfying(
                        ConstraintViolationException.class,
                        invalid -> assertThat(invalid.getConstraintViolations().stream()
                                        .map(ConstraintViolation::getPropertyPath)
                                        .map(Object::toString))
                                .anyMatch(path -> path.endsWith("brokerUrl"))
                                .anyMatch(path -> path.contains("topicFilters[0]"))
                                .anyMatch(path -> path.contains("topicFilters[1]"))
                                .anyMatch(path -> path.endsWith("sharedGroup"))
                                .anyMatch(path -> path.endsWith("keyStoreType")));
        assertThat(jdbc.sql("SELECT count(*) FROM tenant_stream WHERE tenant_id = ?")
                        .param(tenantId)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "tcp://broker.example:1883/",
                "tcp://my_broker:1883",
                "tcp://broker.example:70000",
                "tcp://broker.example:0",
                "tcp://${spring.datasource.password}:1883",
                "tcp://user@broker.example:1883",
                "mqtt://broker.example:1883"
            })
    void a_broker_address_that_paho_or_a_uri_would_not_take_is_refused(String brokerUrl) {
        assertThatThrownBy(
                        () -> save(settings(brokerUrl, List.of(slug + "/#")), TenantStreamSettings.NewPasswords.none()))
                .isInstanceOfSatisfying(
                        ConstraintViolationException.class,
                        invalid -> assertThat(invalid.getConstraintViolations())
                                .extracting(
                                        violation -> violation.getPropertyPath().toString())
                                .containsExactly("save.settings.brokerUrl"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp://broker.example:1883", "ssl://10.0.0.7:8883", "tcp://[::1]:1883", "tcp://broker"})
    void a_broker_address_of_a_host_and_a_port_is_taken(String brokerUrl) {
        save(settings(brokerUrl, List.of(slug + "/#")), TenantStreamSettings.NewPasswords.none());

        assertThat(streamOf(slug).brokerUrl()).hasToString(brokerUrl);
    }

    @Test
    void a_password_too_long_to_keep_is_refused_on_its_field() {
        assertThatThrownBy(() -> save(
                        settings("tcp://broker.example:1883", List.of(slug + "/#")),
                        passwords("x".repeat(201), null, null)))
                .isInstanceOfSatisfying(
                        ConstraintViolationException.class,
                        invalid -> assertThat(invalid.getConstraintViolations())
                                .extracting(
                                        violation -> violation.getPropertyPath().toString())
                                .containsExactly("save.passwords.password"));
    }

    @Test
    void a_filter_that_could_receive_another_tenants_topics_on_the_same_broker_is_refused() {
        long other = TestData.tenant(jdbc, "Nimbus");
        String otherSlug = TestData.slug(jdbc, other);
        asOperator(() -> {
            streams.save(
                    other,
                    settings("tcp://shared.example:1883", List.of(otherSlug + "/cloudext/json/#")),
                    TenantStreamSettings.NewPasswords.none());
            return null;
        });

        assertThatThrownBy(() -> save(
                        settings("tcp://shared.example:1883", List.of("+/cloudext/json/#")),
                        TenantStreamSettings.NewPasswords.none()))
                .isInstanceOfSatisfying(
                        StreamSettingsRefusedException.class,
                        refused -> assertThat(refused.arguments())
                                .containsExactly("+/cloudext/json/#", otherSlug, otherSlug + "/cloudext/json/#"));
        assertThat(asOperator(() -> streams.settings(tenantId))).isEmpty();

        save(
                settings("tcp://shared.example:1883", List.of(slug + "/cloudext/json/#")),
                TenantStreamSettings.NewPasswords.none());
        save(settings("tcp://nimbus-free.example:1883", List.of("#")), TenantStreamSettings.NewPasswords.none());
        assertThat(streamOf(slug).topicFilters()).containsExactly("#");
    }

    @Test
    void a_password_that_does_not_open_is_named_as_the_streams_problem() {
        save(settings("tcp://127.0.0.1:1883", List.of(slug + "/#")), passwords("pw", null, null));
        jdbc.sql("UPDATE tenant_stream SET password = 'test:bm90IGEgc2VhbGVkIHNlY3JldA==' WHERE tenant_id = ?")
                .param(tenantId)
                .update();

        ConfiguredStream stream = configured.enabled().stream()
                .filter(configured -> configured.tenant().equals(slug))
                .findFirst()
                .orElseThrow();
        assertThat(stream.stream()).isNull();
        assertThat(stream.problem()).isNotBlank();
    }

    @Test
    void the_settings_seed_a_tenants_stream_once_and_the_database_counts_from_then_on() {
        jdbc.sql("INSERT INTO tenant (slug, name, created_at) VALUES ('acme', 'Acme', CURRENT_TIMESTAMP)")
                .update();
        long acme = jdbc.sql("SELECT id FROM tenant WHERE slug = 'acme'")
                .query(Long.class)
                .single();
        assertThat(streamOf("acme").brokerUrl()).isEqualTo(URI.create("tcp://broker.example:1883"));
        assertThat(streamOf("acme").password()).isEqualTo("seeded-password");

        asOperator(() -> {
            streams.save(
                    acme,
                    TestData.stream(true, "tcp://other.example:1883", "acme-user", "acme/cloudext/json/#"),
                    TenantStreamSettings.NewPasswords.none());
            return null;
        });

        assertThat(streamOf("acme").brokerUrl()).isEqualTo(URI.create("tcp://other.example:1883"));
        assertThat(streamOf("acme").password()).isEqualTo("seeded-password");
    }

    @Test
    void only_operators_read_or_change_stream_settings() {
        var admin = new PortalUser("ada", "Ada", Set.of(AppRoles.ADMIN), tenantId, slug, null);

        assertThatThrownBy(() -> currentUser.runAs(admin, () -> streams.settings(tenantId)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> currentUser.runAs(admin, () -> {
                    streams.save(
                            tenantId,
                            settings("tcp://127.0.0.1:1883", List.of(slug + "/#")),
                            TenantStreamSettings.NewPasswords.none());
                    return null;
                }))
                .isInstanceOf(AccessDeniedException.class);
    }

    private ThingseeProperties.Stream streamOf(String tenant) {
        return configured.enabled().stream()
                .filter(stream -> stream.tenant().equals(tenant))
                .map(ConfiguredStream::stream)
                .findFirst()
                .orElse(null);
    }

    private void save(StreamSettings settings, TenantStreamSettings.NewPasswords passwords) {
        asOperator(() -> {
            streams.save(tenantId, settings, passwords);
            return null;
        });
    }

    private static StreamSettings settings(String brokerUrl, List<String> filters) {
        return TestData.stream(true, brokerUrl, "cumulus-user", filters.toArray(String[]::new));
    }

    private static StreamSettings settingsWithFiles(String brokerUrl, String keyStore, String trustStore) {
        return new StreamSettings(
                true,
                brokerUrl,
                "cumulus-user",
                List.of("cumulus/cloudext/json/#"),
                "portal",
                keyStore,
                "PKCS12",
                trustStore,
                "PKCS12",
                false,
                false,
                false);
    }

    private static TenantStreamSettings.NewPasswords passwords(String password, String keyStore, String trustStore) {
        return new TenantStreamSettings.NewPasswords(password, keyStore, trustStore);
    }

    private <T> T asOperator(Supplier<T> work) {
        return currentUser.runAs(OPERATOR, work);
    }
}
