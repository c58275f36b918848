package io.thingseeportal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The jar that {@code ./mvnw package} builds runs by itself: the compiled front-end inside, no Node, and the demo
 * profile from the command line.
 */
class PackagedJarIT {

    static Path jar;
    static Process demo;
    static String portal;
    static String issuer;
    static final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @BeforeAll
    static void runTheJarAsTheDemo() throws IOException {
        jar = PackagedPortal.jar();
        Path data = Files.createTempDirectory("portal-jar-demo");
        int port = FreePorts.next();
        int idpPort = FreePorts.next();
        portal = "http://localhost:" + port;
        issuer = "http://127.0.0.1:" + idpPort;
        demo = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar",
                        jar.toString(),
                        "--spring.profiles.active=demo",
                        "--server.port=" + port,
                        "--portal.demo.broker.port=" + FreePorts.next(),
                        "--portal.demo.idp.issuer=" + issuer,
                        "--portal.demo.idp.second-issuer=http://127.0.0.1:" + FreePorts.next(),
                        "--portal.demo.data-directory=" + data))
                .redirectErrorStream(true)
                .redirectOutput(data.resolve("portal.log").toFile())
                .start();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (demo != null) {
            demo.destroy();
            demo.waitFor();
        }
    }

    @Test
    void the_jar_holds_the_compiled_front_end() throws IOException {
        try (var archive = new JarFile(jar.toFile())) {
            assertThat(archive.stream().map(entry -> entry.getName()))
                    .anyMatch(name -> name.matches("(BOOT-INF/classes/)?META-INF/VAADIN/webapp/VAADIN/build/.*\\.js"));
        }
    }

    @Test
    void the_demo_runs_from_the_jar_and_sends_visitors_to_its_identity_provider() throws Exception {
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    try {
                        return get(portal + "/actuator/health").body().contains("\"UP\"");
                    } catch (IOException notYet) {
                        return false;
                    }
                });

        HttpResponse<String> start = http.send(
                HttpRequest.newBuilder(URI.create(portal + "/"))
                        .header("Accept", "text/html")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(start.statusCode()).isEqualTo(302);
        assertThat(start.headers().firstValue("Location").orElseThrow()).endsWith("/sign-in");
        await().atMost(Duration.ofSeconds(30))
                .ignoreExceptions()
                .untilAsserted(() -> assertThat(get(issuer + "/.well-known/openid-configuration")
                                .body())
                        .contains("\"issuer\":\"" + issuer + "\""));
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
