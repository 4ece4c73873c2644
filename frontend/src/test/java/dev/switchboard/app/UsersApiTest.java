package dev.switchboard.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.switchboard.app.ApiClient.Reply;
import dev.switchboard.platform.json.Json;
import dev.switchboard.platform.user.UserStore;

/** {@code /api/v1/users} over real HTTP: the first admin, the user lifecycle, and passwords that never come back. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UsersApiTest {

    private static final String KEY = "test-key-users";
    private static final String ADMIN_PASSWORD = "first-admin-TOPSECRET";

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "users-api-data");
        registry.add("switchboard.data-dir", dataDir::toString);
        registry.add("switchboard.api-key", () -> KEY);
        registry.add("switchboard.admin-password", () -> ADMIN_PASSWORD);
    }

    @Value("${local.server.port}")
    int port;

    @Autowired
    UserStore users;

    private final HttpClient http = HttpClient.newHttpClient();

    private Reply call(String method, String path, String body) throws Exception {
        return new ApiClient(port, KEY, UsersApiTest::noPasswordIn).call(method, path, body);
    }

    private static void noPasswordIn(String body) {
        assertThat(body).as("no response shows a password or its hash").doesNotContain("TOPSECRET")
                .doesNotContain("pbkdf2").doesNotContain("passwordHash");
    }

    @Test
    void theFirstAdminHasTheConfiguredPassword() throws Exception {
        Reply list = call("GET", "/api/v1/users?search=admin", null);
        assertThat(list.status()).isEqualTo(200);
        assertThat((List<?>) list.json().get("items")).singleElement()
                .satisfies(u -> assertThat(u).asString().contains("username=admin").contains("roles=[admin]"));
        assertThat(users.authenticate("admin", ADMIN_PASSWORD)).isPresent();
    }

    @Test
    void aUserIsCreatedReadChangedAndDeleted() throws Exception {
        Reply created = call("POST", "/api/v1/users",
                "{\"username\": \"Grace\", \"name\": \"Grace Hopper\", \"roles\": [\"builder\", \"approver\"], \"password\": \"cobol-TOPSECRET\"}");
        assertThat(created.status()).isEqualTo(201);
        String id = (String) created.json().get("id");
        assertThat(created.json()).containsEntry("username", "grace").containsEntry("roles", List.of("builder", "approver"))
                .containsEntry("disabled", false).containsKeys("createdAt", "updatedAt").doesNotContainKey("password");

        assertThat(call("GET", "/api/v1/users/" + id, null).json()).containsEntry("name", "Grace Hopper");
        Reply changed = call("PATCH", "/api/v1/users/" + id, "{\"roles\": [\"viewer\"], \"disabled\": true}");
        assertThat(changed.json()).containsEntry("roles", List.of("viewer")).containsEntry("disabled", true);
        assertThat(users.authenticate("grace", "cobol-TOPSECRET")).as("disabled").isEmpty();

        call("PATCH", "/api/v1/users/" + id, "{\"disabled\": false, \"password\": \"fortran-TOPSECRET\"}");
        assertThat(users.authenticate("grace", "fortran-TOPSECRET")).isPresent();

        assertThat(call("DELETE", "/api/v1/users/" + id, null).status()).isEqualTo(204);
        Reply gone = call("GET", "/api/v1/users/" + id, null);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.error()).containsEntry("code", "not_found");
    }

    @Test
    void badRequestsAreRefusedWithTheFieldNamedAndNothingStored() throws Exception {
        long before = users.count();
        Reply role = call("POST", "/api/v1/users", "{\"username\": \"x1\", \"roles\": [\"owner\"], \"password\": \"long enough 1\"}");
        assertThat(role.status()).isEqualTo(400);
        assertThat(role.error()).containsEntry("code", "invalid_user");
        assertThat((String) role.error().get("message")).contains("\"owner\" is not a role").contains("admin, builder, approver, viewer");

        Reply shortPassword = call("POST", "/api/v1/users", "{\"username\": \"x1\", \"roles\": [\"viewer\"], \"password\": \"TOPSECRET\"}");
        assertThat(shortPassword.status()).isEqualTo(400);
        assertThat((String) shortPassword.error().get("message")).contains("\"password\" must have at least 10 characters");

        Reply malformed = call("POST", "/api/v1/users", "{\"username\": \"x1\", \"password\": \"TOPSECRET");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.error()).containsEntry("code", "bad_request");

        Reply noRoles = call("POST", "/api/v1/users", "{\"username\": \"x1\", \"password\": \"long enough 1\"}");
        assertThat(noRoles.status()).isEqualTo(400);
        assertThat((String) noRoles.error().get("message")).contains("\"roles\" is required");
        assertThat(users.count()).isEqualTo(before);

        Reply taken = call("POST", "/api/v1/users", "{\"username\": \"ADMIN\", \"roles\": [\"viewer\"], \"password\": \"long enough 1\"}");
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.error()).containsEntry("code", "username_taken");
    }

    @Test
    void theLastAdminStays() throws Exception {
        String adminId = users.authenticate("admin", ADMIN_PASSWORD).orElseThrow().id();
        Reply delete = call("DELETE", "/api/v1/users/" + adminId, null);
        assertThat(delete.status()).isEqualTo(409);
        assertThat(delete.error()).containsEntry("code", "last_admin");
        Reply demote = call("PATCH", "/api/v1/users/" + adminId, "{\"roles\": [\"builder\"]}");
        assertThat(demote.status()).isEqualTo(409);
        assertThat(users.get(adminId).orElseThrow().roles()).extracting(Enum::name).containsExactly("ADMIN");
    }

    @Test
    void withoutAnApiKeyNothingIsShown() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/users")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).doesNotContain("admin");
    }
}
