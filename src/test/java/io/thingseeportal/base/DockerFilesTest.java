package io.thingseeportal.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The container files in {@code docker/} stay in step with what the portal needs, checked without a Docker engine.
 * Here, in the package of {@link RequiredSettings}, so that the list of required settings is read, not copied.
 */
class DockerFilesTest {

    private static final Path COMPOSE = Path.of("docker/compose.yaml");
    private static final Path DOCKERFILE = Path.of("docker/Dockerfile");
    private static final Pattern PORT_ENV = Pattern.compile("(?:^|\\s)PORT=(\\d+)");

    @Test
    void the_compose_portal_service_sets_every_required_setting() throws IOException {
        Map<String, String> environment = portalEnvironment();
        List<String> required = RequiredSettings.REQUIRED.stream()
                .map(RequiredSettings.Setting::environmentVariable)
                .toList();

        assertThat(environment).containsKeys(required.toArray(String[]::new));
        assertThat(required)
                .allSatisfy(name -> assertThat(environment.get(name)).as(name).isNotBlank());
    }

    @Test
    void the_compose_file_requires_the_sign_in_settings_from_the_caller_instead_of_hard_coding_them()
            throws IOException {
        Map<String, String> environment = portalEnvironment();

        assertThat(List.of(
                        "PORTAL_OIDC_ISSUER_URI",
                        "PORTAL_OIDC_CLIENT_ID",
                        "PORTAL_OIDC_CLIENT_SECRET",
                        "PORTAL_SECRETS_KEY"))
                .allSatisfy(name -> assertThat(environment.get(name)).as(name).startsWith("${" + name + ":?"));
    }

    @Test
    void the_runtime_stage_runs_as_a_non_root_user() throws IOException {
        List<String> users = arguments(runtimeStage(), "USER");

        assertThat(users).as("USER instructions of the runtime stage").isNotEmpty();
        String user = users.get(users.size() - 1).split(":")[0];
        assertThat(user).isNotIn("root", "0");
    }

    @Test
    void the_runtime_stage_checks_health_at_the_actuator_health_endpoint() throws IOException {
        assertThat(arguments(runtimeStage(), "HEALTHCHECK"))
                .singleElement(InstanceOfAssertFactories.STRING)
                .contains(" CMD ")
                .contains("/actuator/health");
    }

    @Test
    void compose_publishes_the_port_that_the_image_exposes_and_the_portal_listens_on() throws IOException {
        String port = listeningPort();

        List<String> exposed = arguments(runtimeStage(), "EXPOSE").stream()
                .flatMap(ports -> Stream.of(ports.split("\\s+")))
                .map(exposedPort -> exposedPort.replace("/tcp", ""))
                .toList();

        assertThat(exposed).contains(port);
        assertThat(publishedContainerPorts()).contains(port);
    }

    @Test
    void the_health_check_in_effect_polls_the_port_that_the_portal_listens_on() throws IOException {
        Object composeCheck = portalService().get("healthcheck");
        String check = composeCheck instanceof Map<?, ?> healthcheck
                ? String.valueOf(healthcheck.get("test"))
                : arguments(runtimeStage(), "HEALTHCHECK").stream().findFirst().orElse("");

        assertThat(check).containsPattern(":(" + listeningPort() + "|\\$PORT|\\$\\{PORT\\})/actuator/health");
    }

    /** PORT from the compose environment if set there, else the image's. */
    private static String listeningPort() throws IOException {
        String fromCompose = portalEnvironment().get("PORT");
        if (fromCompose != null) {
            return fromCompose;
        }
        return arguments(runtimeStage(), "ENV").stream()
                .map(PORT_ENV::matcher)
                .filter(Matcher::find)
                .map(matcher -> matcher.group(1))
                .reduce((first, second) -> second)
                .orElse("8080");
    }

    private static List<String> publishedContainerPorts() throws IOException {
        Object ports = portalService().get("ports");
        assertThat(ports).as("ports of the portal service").isInstanceOf(List.class);
        List<String> containerPorts = new ArrayList<>();
        for (Object entry : (List<?>) ports) {
            if (entry instanceof Map<?, ?> longSyntax) {
                containerPorts.add(String.valueOf(longSyntax.get("target")));
            } else {
                String shortSyntax = String.valueOf(entry);
                containerPorts.add(
                        shortSyntax.substring(shortSyntax.lastIndexOf(':') + 1).replaceAll("/.*", ""));
            }
        }
        return containerPorts;
    }

    private static Map<String, String> portalEnvironment() throws IOException {
        Object environment = portalService().get("environment");
        Map<String, String> variables = new LinkedHashMap<>();
        if (environment instanceof Map<?, ?> map) {
            map.forEach((name, value) -> variables.put(String.valueOf(name), value == null ? "" : value.toString()));
        } else if (environment instanceof List<?> list) {
            list.stream().map(String::valueOf).forEach(entry -> {
                String[] parts = entry.split("=", 2);
                variables.put(parts[0], parts.length > 1 ? parts[1] : "");
            });
        }
        return variables;
    }

    private static Map<?, ?> portalService() throws IOException {
        try (Reader reader = Files.newBufferedReader(COMPOSE)) {
            Map<?, ?> compose = new Yaml().load(reader);
            Object services = compose.get("services");
            assertThat(services).as("services in %s", COMPOSE).isInstanceOf(Map.class);
            Object portal = ((Map<?, ?>) services).get("portal");
            assertThat(portal).as("the portal service in %s", COMPOSE).isInstanceOf(Map.class);
            return (Map<?, ?>) portal;
        }
    }

    private static List<String> arguments(List<Instruction> stage, String keyword) {
        return stage.stream()
                .filter(instruction -> instruction.keyword().equals(keyword))
                .map(Instruction::arguments)
                .toList();
    }

    /** The instructions from the Dockerfile's last FROM on: the stage the image is made of. */
    private static List<Instruction> runtimeStage() throws IOException {
        List<Instruction> instructions = instructions();
        int lastFrom = 0;
        for (int i = 0; i < instructions.size(); i++) {
            if (instructions.get(i).keyword().equals("FROM")) {
                lastFrom = i;
            }
        }
        return instructions.subList(lastFrom, instructions.size());
    }

    /** Instructions with their continuation lines joined; comment and blank lines, allowed inside them too, dropped. */
    private static List<Instruction> instructions() throws IOException {
        List<Instruction> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : Files.readAllLines(DOCKERFILE)) {
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            if (text.endsWith("\\")) {
                current.append(text, 0, text.length() - 1).append(' ');
                continue;
            }
            String[] parts = current.append(text).toString().strip().split("\\s+", 2);
            current.setLength(0);
            instructions.add(new Instruction(parts[0].toUpperCase(Locale.ROOT), parts.length > 1 ? parts[1] : ""));
        }
        return instructions;
    }

    private record Instruction(String keyword, String arguments) {}
}
