package io.thingseeportal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.CompositeHealth;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The portal as production runs it: no profile, complete settings, an empty PostgreSQL database and one tenant whose
 * data stream is on the machine's MQTT broker (Mosquitto on 127.0.0.1:1883, or {@code PORTAL_TEST_MQTT_URL}).
 */
class ProductionStartIT {

    static ConfigurableApplicationContext portal;
    static WebClient http;

    @BeforeAll
    static void startInProductionMode() {
        String database = TestPostgres.freshDatabase("portal_production_it");
        portal = new SpringApplicationBuilder(Application.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + database,
                        "--spring.datasource.username=" + TestPostgres.USER,
                        "--spring.datasource.password=" + TestPostgres.PASSWORD,
                        "--portal.thingsee.tenants.acme.base-url=http://127.0.0.1:1/never-dialled/v1/",
                        "--portal.thingsee.tenants.acme.client-id=acme",
                        "--portal.thingsee.tenants.acme.client-secret=secret",
                        "--portal.thingsee.tenants.acme.stream.broker-url=" + TestMqtt.URL,
                        "--portal.thingsee.tenants.acme.stream.topic-filters=production-start-it/cloudext/json/#",
                        "--portal.mqtt.client-id=portal-production-it-" + java.util.UUID.randomUUID(),
                        "--portal.oidc.issuer-uri=http://127.0.0.1:1/never-dialled-before-a-sign-in",
                        "--portal.oidc.client-id=portal",
                        "--portal.oidc.client-secret=secret",
                        "--portal.secrets.key=cHJvZHVjdGlvbi1zdGFydC1pdC1rZXktMzItYnl0ZXM=");
        int port = ((WebServerApplicationContext) portal).getWebServer().getPort();
        http = WebClient.create("http://localhost:" + port);
    }

    @AfterAll
    static void stop() {
        if (portal != null) {
            portal.close();
        }
    }

    @Test
    void it_runs_without_the_demo_profile() {
        assertThat(portal.getEnvironment().getActiveProfiles()).isEmpty();
        assertThat(portal.containsBean("embeddedBroker")).isFalse();
    }

    @Test
    void it_migrates_the_empty_database() {
        var jdbc = portal.getBean(JdbcClient.class);
        assertThat(jdbc.sql("SELECT count(*) FROM flyway_schema_history WHERE success")
                        .query(Long.class)
                        .single())
                .isGreaterThanOrEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM tenant").query(Long.class).single())
                .isZero();
    }

    @Test
    void health_is_up_for_anyone_and_includes_the_database_and_the_broker() {
        // The tenant's stream connects and subscribes in the background; until then the mqtt health is DOWN.
        await().atMost(Duration.ofSeconds(20))
                .until(() ->
                        ((CompositeHealth) portal.getBean(HealthEndpoint.class).health())
                                        .getComponents()
                                        .get("mqtt")
                                        .getStatus()
                                == Status.UP);
        String body = http.get()
                .uri("/actuator/health")
                .retrieve()
                .bodyToMono(String.class)
                .block();
        assertThat(body).contains("\"status\":\"UP\"");

        var health = (CompositeHealth) portal.getBean(HealthEndpoint.class).health();
        Map<String, ?> components = health.getComponents();
        assertThat(components).containsKeys("db", "mqtt");
        assertThat(health.getComponents().get("db").getStatus()).isEqualTo(Status.UP);
        assertThat(health.getComponents().get("mqtt").getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void other_actuator_endpoints_are_closed_to_anonymous_callers() {
        int status = http.get()
                .uri("/actuator/metrics")
                .exchangeToMono(response ->
                        reactor.core.publisher.Mono.just(response.statusCode().value()))
                .block();
        assertThat(status).isIn(302, 401, 403);
    }
}
