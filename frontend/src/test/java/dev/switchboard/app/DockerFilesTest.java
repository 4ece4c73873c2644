package dev.switchboard.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.yaml.snakeyaml.Yaml;

import com.mongodb.ConnectionString;

import dev.switchboard.platform.server.ServerSettings;
import dev.switchboard.platform.store.MongoConnection;

/**
 * docker/Dockerfile, docker/compose.yaml and docker/.env.example against the application, without
 * Docker: the variables compose sets are the ones the server reads, and the port, the data volume,
 * the replica set, the user and the health check agree across the files.
 */
class DockerFilesTest {

    private static final Path DOCKER = Path.of("..", "docker");
    /** A value every setting accepts (a string, a path and a time zone), so that setting it shows. */
    private static final String SAMPLE = "Pacific/Chatham";

    private static Map<String, Object> compose;
    private static List<Instruction> runtime;
    private static List<Instruction> build;
    private static String composeText;

    /** One Dockerfile instruction with its continuation lines joined. */
    private record Instruction(String keyword, String arguments) {
    }

    @BeforeAll
    static void read() throws IOException {
        composeText = Files.readString(DOCKER.resolve("compose.yaml"));
        compose = new Yaml().load(composeText);
        List<List<Instruction>> stages = stages(Files.readString(DOCKER.resolve("Dockerfile")));
        assertThat(stages).as("a build stage and a runtime stage").hasSize(2);
        build = stages.get(0);
        runtime = stages.get(1);
    }

    @Test
    void composeSetsOnlyVariablesTheServerReads() throws IOException {
        Map<String, String> environment = switchboardEnvironment();
        ServerSettings baseline = ServerSettings.from(new MockEnvironment());
        String applicationProperties = Files.readString(Path.of("src/main/resources/application.properties"));
        for (String name : environment.keySet()) {
            if (applicationProperties.contains("${" + name + ":")) {
                continue;
            }
            ServerSettings set = ServerSettings.from(new MockEnvironment().withProperty(name, SAMPLE));
            assertThat(set).as("%s changes the server's settings", name).isNotEqualTo(baseline);
            ServerSettings blank = ServerSettings.from(new MockEnvironment().withProperty(name, ""));
            assertThat(blank).as("%s left blank (the compose default) counts as not set", name).isEqualTo(baseline);
        }
        assertThat(environment).containsKeys("MONGODB_URI", "SWITCHBOARD_DATA_DIR", "SWITCHBOARD_API_KEY", "SERVER_PORT");
    }

    @Test
    void theServerGetsTheReplicaSetTheDataVolumeAndTheApiKeyFromTheEnvironment() {
        Map<String, String> environment = switchboardEnvironment();
        assertThat(environment.get("SWITCHBOARD_API_KEY")).isEqualTo("${SWITCHBOARD_API_KEY:-}");
        MockEnvironment env = new MockEnvironment();
        environment.forEach((k, v) -> env.setProperty(k, v.startsWith("${") ? SAMPLE : v));
        ServerSettings settings = ServerSettings.from(env);
        assertThat(settings.mongoUri()).isEqualTo(environment.get("MONGODB_URI"));
        assertThat(settings.dataDir()).isEqualTo(Path.of("/data"));
        assertThat(settings.apiKey()).isEqualTo(SAMPLE);
    }

    @Test
    void theMongoDbUriNamesTheReplicaSetThatTheMongoServiceRunsAndInitiates() {
        Map<String, Object> mongo = service("mongo");
        assertThat((String) mongo.get("image")).startsWith("mongo:8");
        List<String> command = strings(mongo.get("command"));
        String replicaSet = command.get(command.indexOf("--replSet") + 1);

        ConnectionString uri = new ConnectionString(switchboardEnvironment().get("MONGODB_URI"));
        assertThat(uri.getRequiredReplicaSetName()).isEqualTo(replicaSet);
        assertThat(uri.getHosts()).containsExactly("mongo:27017");
        assertThat(uri.getDatabase()).isEqualTo(MongoConnection.DATABASE);

        String healthcheck = String.join(" ", strings(map(mongo.get("healthcheck")).get("test")));
        assertThat(healthcheck).contains("mongosh", "rs.initiate(", "_id: '" + replicaSet + "'", "host: 'mongo:27017'",
                "AlreadyInitialized", "isWritablePrimary");
        assertThat(map(map(service("switchboard").get("depends_on")).get("mongo"))).containsEntry("condition", "service_healthy");
    }

    @Test
    void theDataDirectoryIsTheVolumeInTheImageAndInCompose() {
        assertThat(env(runtime)).containsEntry("SWITCHBOARD_DATA_DIR", "/data");
        assertThat(arguments(runtime, "VOLUME")).containsExactly("/data");
        assertThat(switchboardEnvironment()).containsEntry("SWITCHBOARD_DATA_DIR", "/data");
        List<String> volumes = strings(service("switchboard").get("volumes"));
        assertThat(volumes).anySatisfy(v -> {
            String[] parts = v.split(":");
            assertThat(parts[1]).isEqualTo("/data");
            assertThat(map(compose.get("volumes"))).as("a named volume").containsKey(parts[0]);
        });
        for (Object v : strings(service("mongo").get("volumes"))) {
            assertThat(map(compose.get("volumes"))).containsKey(v.toString().split(":")[0]);
        }
    }

    @Test
    void thePortIsTheOneTheServerListensOn() throws IOException {
        String properties = Files.readString(Path.of("src/main/resources/application.properties"));
        assertThat(properties).contains("server.port=${SERVER_PORT:8080}");
        assertThat(arguments(runtime, "EXPOSE")).containsExactly("8080");
        assertThat(env(runtime)).containsEntry("SERVER_PORT", "8080");
        assertThat(switchboardEnvironment()).containsEntry("SERVER_PORT", "8080");
        assertThat(strings(service("switchboard").get("ports"))).containsExactly("${SWITCHBOARD_PORT:-8080}:8080");
    }

    @Test
    void theImageRunsAsANonRootUserAndChecksTheActuatorHealth() throws IOException {
        List<String> users = arguments(runtime, "USER");
        assertThat(users).hasSize(1);
        assertThat(users.get(0)).isNotIn("root", "0", "0:0");
        String healthcheck = single(runtime, "HEALTHCHECK");
        assertThat(healthcheck).contains("CMD curl -fsS", "http://127.0.0.1:${SERVER_PORT}/actuator/health");
        Properties properties = new Properties();
        try (var in = Files.newInputStream(Path.of("src/main/resources/application.properties"))) {
            properties.load(in);
        }
        assertThat(properties.getProperty("management.endpoints.web.exposure.include")).contains("health");
    }

    @Test
    void theImageIsBuiltWithTheWrapperOnTemurin25AndRunsTheJarItBuilt() throws IOException {
        assertThat(single(build, "FROM")).isEqualTo("eclipse-temurin:25-jdk AS build");
        assertThat(single(build, "RUN")).contains("./mvnw -B -ntp -Dmaven.test.skip=true install");
        assertThat(single(runtime, "FROM")).isEqualTo("eclipse-temurin:25-jre");
        assertThat(Files.readString(Path.of("pom.xml"))).contains("<finalName>switchboard</finalName>");
        assertThat(single(runtime, "COPY")).isEqualTo("--from=build /src/frontend/target/switchboard.jar /app/switchboard.jar");
        assertThat(single(runtime, "ENTRYPOINT")).startsWith("[\"java\",").endsWith("\"-jar\", \"/app/switchboard.jar\"]");
        Map<String, Object> buildSection = map(service("switchboard").get("build"));
        assertThat(buildSection).containsEntry("context", "..").containsEntry("dockerfile", "docker/Dockerfile");
    }

    @Test
    void theEnvExampleListsExactlyTheVariablesComposeInterpolates() throws IOException {
        Set<String> used = new LinkedHashSet<>();
        Matcher m = Pattern.compile("\\$\\{([A-Z_][A-Z0-9_]*)").matcher(composeText);
        while (m.find()) {
            used.add(m.group(1));
        }
        Set<String> listed = new LinkedHashSet<>();
        for (String line : Files.readAllLines(DOCKER.resolve(".env.example"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                listed.add(line.substring(0, line.indexOf('=')));
            }
        }
        assertThat(listed).containsExactlyInAnyOrderElementsOf(used);
    }

    // ---- reading the files ----

    private static Map<String, Object> service(String name) {
        return map(map(compose.get("services")).get(name));
    }

    private static Map<String, String> switchboardEnvironment() {
        Map<String, String> out = new LinkedHashMap<>();
        map(service("switchboard").get("environment")).forEach((k, v) -> out.put(k, String.valueOf(v)));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    private static List<String> strings(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return ((List<?>) value).stream().map(String::valueOf).toList();
    }

    private static List<List<Instruction>> stages(String dockerfile) {
        List<List<Instruction>> stages = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : dockerfile.split("\n")) {
            String trimmed = line.strip();
            if (current.isEmpty() && (trimmed.isEmpty() || trimmed.startsWith("#"))) {
                continue;
            }
            if (trimmed.startsWith("#")) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            current.append(trimmed);
            String text = current.toString().replaceAll("\\s+", " ").strip();
            current.setLength(0);
            int space = text.indexOf(' ');
            Instruction instruction = new Instruction(text.substring(0, space).toUpperCase(), text.substring(space + 1));
            if (instruction.keyword().equals("FROM")) {
                stages.add(new ArrayList<>());
            }
            stages.get(stages.size() - 1).add(instruction);
        }
        return stages;
    }

    private static List<String> arguments(List<Instruction> stage, String keyword) {
        return stage.stream().filter(i -> i.keyword().equals(keyword)).map(Instruction::arguments).toList();
    }

    private static String single(List<Instruction> stage, String keyword) {
        List<String> found = arguments(stage, keyword);
        assertThat(found).as(keyword).hasSize(1);
        return found.get(0);
    }

    /** The stage's ENV settings ({@code ENV A=1 B=2}). */
    private static Map<String, String> env(List<Instruction> stage) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String arguments : arguments(stage, "ENV")) {
            for (String pair : arguments.split(" ")) {
                int eq = pair.indexOf('=');
                out.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return out;
    }
}
