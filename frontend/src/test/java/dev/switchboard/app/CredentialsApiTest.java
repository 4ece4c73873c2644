package dev.switchboard.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.switchboard.platform.credential.CredentialStore;
import dev.switchboard.app.ApiClient.Reply;
import dev.switchboard.platform.json.Json;
import dev.switchboard.platform.store.MongoConnection;

/** {@code /api/v1/credentials} over real HTTP: secrets go in, and never come out of a response, a log or the database. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class CredentialsApiTest {

    private static final String KEY = "test-key-credentials";
    private static final String TOKEN = "xoxb-1111-TOPSECRET-token";
    private static final String PASSWORD = "hunter2-TOPSECRET-pw";
    private static Path dataDir;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) throws Exception {
        dataDir = Files.createTempDirectory(Path.of("target"), "credentials-api-data");
        registry.add("switchboard.data-dir", dataDir::toString);
        registry.add("switchboard.api-key", () -> KEY);
    }

    @Value("${local.server.port}")
    int port;

    @Autowired
    MongoConnection connection;

    @Autowired
    CredentialStore store;

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<String> bodies = new ArrayList<>();

    private Reply call(String method, String path, String body) throws Exception {
        return new ApiClient(port, KEY, bodies::add).call(method, path, body);
    }

    @AfterEach
    void noResponseEverHeldASecret(CapturedOutput output) {
        for (String body : bodies) {
            assertThat(body).doesNotContain("TOPSECRET");
        }
        assertThat(output.getAll()).doesNotContain("TOPSECRET");
    }

    private String create(String name, String type, String data) throws Exception {
        Reply r = call("POST", "/api/v1/credentials",
                "{\"name\": \"" + name + "\", \"type\": \"" + type + "\", \"data\": " + data + "}");
        assertThat(r.status()).isEqualTo(201);
        return (String) r.json().get("id");
    }

    @Test
    void aCredentialIsShownWithItsFieldNamesOnlyAndStoredWithoutPlaintext() throws Exception {
        Reply created = call("POST", "/api/v1/credentials", """
                {"name": "Slack bot", "type": "slackApi", "data": {"accessToken": "%s", "signingSecret": "%s"}}"""
                .formatted(TOKEN, PASSWORD));
        assertThat(created.status()).isEqualTo(201);
        String id = (String) created.json().get("id");
        assertThat(created.json()).containsEntry("name", "Slack bot").containsEntry("type", "slackApi")
                .containsEntry("fields", List.of("accessToken", "signingSecret"))
                .containsEntry("data", Map.of("accessToken", "••••", "signingSecret", "••••"))
                .containsKeys("createdAt", "updatedAt");
        assertThat((String) created.json().get("createdAt")).endsWith("Z");

        Reply got = call("GET", "/api/v1/credentials/" + id, null);
        assertThat(got.status()).isEqualTo(200);
        assertThat(got.json()).containsEntry("data", Map.of("accessToken", "••••", "signingSecret", "••••"));

        Document raw = connection.database().getCollection("credentials").find(new Document("_id", id)).first();
        assertThat(raw.toJson()).doesNotContain(TOKEN).doesNotContain(PASSWORD).doesNotContain("TOPSECRET");
        assertThat(raw.getString("ciphertext")).isNotBlank();
        assertThat(raw.getString("keyId")).hasSize(16);
        // the server made its master key on first start, owner-only
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dataDir.resolve("master.key")))).isEqualTo("rw-------");

        assertThat(store.decrypt(id)).isEqualTo(Map.of("accessToken", TOKEN, "signingSecret", PASSWORD));
    }

    @SuppressWarnings("unchecked")
    @Test
    void listsArePagedFilteredAndCarryNoData() throws Exception {
        String smtp = create("Office mail", "smtp", "{\"user\": \"a\", \"password\": \"" + PASSWORD + "\"}");
        create("Shop API", "httpHeaderAuth", "{\"value\": \"" + TOKEN + "\"}");

        Reply all = call("GET", "/api/v1/credentials?page=0&size=1", null);
        assertThat(all.json()).containsKeys("items", "page", "size", "total").containsEntry("page", 0L).containsEntry("size", 1L);
        assertThat((List<Object>) all.json().get("items")).hasSize(1);
        assertThat((Long) all.json().get("total")).isGreaterThanOrEqualTo(2L);

        Reply mail = call("GET", "/api/v1/credentials?search=office%20MAIL&type=smtp", null);
        List<Map<String, Object>> items = (List<Map<String, Object>>) mail.json().get("items");
        assertThat(items).singleElement().satisfies(item -> {
            assertThat(item).containsEntry("id", smtp).containsEntry("fields", List.of("user", "password"))
                    .doesNotContainKey("data");
        });
        Reply badPage = call("GET", "/api/v1/credentials?size=0", null);
        assertThat(badPage.status()).isEqualTo(400);
        assertThat(badPage.error()).containsEntry("code", "bad_request");
    }

    @Test
    void anUpdateKeepsTheFieldsItLeavesOutOrSendsBackMasked() throws Exception {
        String id = create("Postgres", "postgres", "{\"host\": \"db.local\", \"user\": \"app\", \"password\": \"" + PASSWORD + "\"}");

        Reply changed = call("PUT", "/api/v1/credentials/" + id, "{\"data\": {\"host\": \"db2.local\"}}");
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json()).containsEntry("name", "Postgres")
                .containsEntry("data", Map.of("host", "••••", "user", "••••", "password", "••••"));
        assertThat(store.decrypt(id)).isEqualTo(Map.of("host", "db2.local", "user", "app", "password", PASSWORD));

        // the form's round trip: what GET showed, sent back with a new name, changes no secret
        Reply shown = call("GET", "/api/v1/credentials/" + id, null);
        Map<String, Object> form = new java.util.LinkedHashMap<>(shown.json());
        form.put("name", "Postgres (prod)");
        Reply renamed = call("PUT", "/api/v1/credentials/" + id, Json.write(form));
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.json()).containsEntry("name", "Postgres (prod)");
        assertThat(store.decrypt(id)).isEqualTo(Map.of("host", "db2.local", "user", "app", "password", PASSWORD));

        Reply removed = call("PATCH", "/api/v1/credentials/" + id, "{\"data\": {\"host\": null}}");
        assertThat(removed.json()).containsEntry("fields", List.of("user", "password"));

        Reply maskForNew = call("PUT", "/api/v1/credentials/" + id, "{\"data\": {\"sslKey\": \"••••\"}}");
        assertThat(maskForNew.status()).isEqualTo(400);
        assertThat(maskForNew.error()).containsEntry("code", "invalid_credential");
        assertThat((String) maskForNew.error().get("message")).contains("\"sslKey\" is new but holds the mask");
    }

    @Test
    void deletingRemovesItForGood() throws Exception {
        String id = create("Temp", "httpBasicAuth", "{\"password\": \"" + PASSWORD + "\"}");
        assertThat(call("DELETE", "/api/v1/credentials/" + id, null).status()).isEqualTo(204);
        Reply gone = call("GET", "/api/v1/credentials/" + id, null);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.error()).containsEntry("code", "not_found").containsEntry("message", "no credential with id \"" + id + "\"");
        assertThat(call("DELETE", "/api/v1/credentials/" + id, null).status()).isEqualTo(404);
        assertThat(call("PUT", "/api/v1/credentials/" + id, "{\"name\": \"x\"}").status()).isEqualTo(404);
        assertThat(connection.database().getCollection("credentials").countDocuments(new Document("_id", id))).isZero();
    }

    @Test
    void badRequestsAreRefusedInTheErrorShapeWithoutEchoingTheirSecrets() throws Exception {
        // not JSON: the parser's message would quote the token, the API names only where
        Reply broken = call("POST", "/api/v1/credentials", "{\"name\": \"x\", \"type\": \"t\", \"data\": {\"token\": " + TOKEN + "}}");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.error()).containsEntry("code", "bad_request").containsKeys("message", "details");
        assertThat((String) broken.error().get("message")).startsWith("the request body is not valid JSON").contains("line 1");

        Reply noName = call("POST", "/api/v1/credentials", "{\"type\": \"smtp\", \"data\": {\"password\": \"" + PASSWORD + "\"}}");
        assertThat(noName.status()).isEqualTo(400);
        assertThat(noName.error()).containsEntry("code", "invalid_credential").containsEntry("message", "a credential needs a name");

        Reply noData = call("POST", "/api/v1/credentials", "{\"name\": \"x\", \"type\": \"smtp\"}");
        assertThat(noData.status()).isEqualTo(400);
        assertThat((String) noData.error().get("message")).contains("\"data\" is required");

        Reply dataNotObject = call("POST", "/api/v1/credentials", "{\"name\": \"x\", \"type\": \"smtp\", \"data\": \"" + PASSWORD + "\"}");
        assertThat(dataNotObject.status()).isEqualTo(400);
        assertThat((String) dataNotObject.error().get("message")).isEqualTo("\"data\" must be a JSON object of fields, not string");

        Reply wrongType = call("POST", "/api/v1/credentials", "{\"name\": 5, \"type\": \"smtp\", \"data\": {}}");
        assertThat(wrongType.status()).isEqualTo(400);

        Reply array = call("POST", "/api/v1/credentials", "[]");
        assertThat(array.status()).isEqualTo(400);

        assertThat(call("GET", "/api/v1/credentials/nope", null).status()).isEqualTo(404);
    }

    @Test
    void withoutAnApiKeyNothingIsShown() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/credentials"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(Json.parseObject(r.body())).containsKey("error");
    }
}
