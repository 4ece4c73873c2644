package dev.switchboard.nodes.connector;

import static dev.switchboard.nodes.NodeTestKit.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.switchboard.nodes.NodeTestKit;
import dev.switchboard.platform.json.Json;
import dev.switchboard.platform.node.CredentialType;
import dev.switchboard.platform.node.HttpAuthentication;
import dev.switchboard.platform.node.Item;
import dev.switchboard.platform.node.NodeCredential;
import dev.switchboard.platform.node.ParameterSpec;
import dev.switchboard.platform.node.ParameterType;
import dev.switchboard.platform.run.CredentialResolver;
import dev.switchboard.platform.run.InMemoryRunJournal;
import dev.switchboard.platform.run.RunClock;
import dev.switchboard.platform.run.RunRequest;
import dev.switchboard.platform.run.RunResult;
import dev.switchboard.platform.run.RunStatus;
import dev.switchboard.platform.run.Step;
import dev.switchboard.platform.workflow.Workflow;
import dev.switchboard.platform.workflow.WorkflowJson;

/**
 * The HTTP Request node signs its requests with stored credentials as n8n's generic and predefined
 * authentication does, and no secret it was given shows in its errors, log lines or output.
 */
class HttpRequestCredentialsTest {

    private static final String KEY = "k3y-TOPSECRET-4711";
    private static final String WRONG_KEY = "wr0ng-TOPSECRET-0815";

    /** A service's own credential type, as a service node would declare it. */
    private static final CredentialType SHOP = CredentialType.of("shopApi", "Shop API",
                    ParameterSpec.of("apiToken", "API token", ParameterType.STRING, "").asSecret())
            .authenticates(HttpAuthentication.Generic.header("X-Shop-Token", "={{$credentials.apiToken}}"));

    private LoopbackServer server;
    private LoopbackServer elsewhere;
    private final Map<String, NodeCredential> vault = new HashMap<>();

    @BeforeEach
    void start() throws IOException {
        Map<String, Function<LoopbackServer.Received, LoopbackServer.Answer>> routes = new HashMap<>();
        routes.put("/private", r -> KEY.equals(r.header("X-Api-Key"))
                ? LoopbackServer.Answer.of(200, "application/json", "{\"orders\": 3}")
                // a careless service that quotes the key it was given
                : LoopbackServer.Answer.of(401, "application/json", "{\"message\": \"invalid key " + r.header("X-Api-Key") + "\"}"));
        routes.put("/echo", r -> LoopbackServer.Answer.of(200, "application/json", Json.write(Map.of(
                "authorization", String.valueOf(r.header("Authorization")),
                "query", r.query() == null ? "" : URLDecoder.decode(r.query(), StandardCharsets.UTF_8),
                "shop", String.valueOf(r.header("X-Shop-Token")), "body", r.bodyText()))));
        routes.put("/away", r -> new LoopbackServer.Answer(302, Map.of("Location", elsewhere.url("/echo")), new byte[0]));
        routes.put("/here", r -> new LoopbackServer.Answer(302, Map.of("Location", "/echo"), new byte[0]));
        server = new LoopbackServer(routes);
        Map<String, Function<LoopbackServer.Received, LoopbackServer.Answer>> other = new HashMap<>();
        other.put("/echo", routes.get("/echo"));
        elsewhere = new LoopbackServer(other);
        store("hdr", "Shop key", "httpHeaderAuth", Map.of("name", "X-Api-Key", "value", KEY), Set.of("value"),
                HttpCredentialTypes.HEADER);
        store("bad", "Old key", "httpHeaderAuth", Map.of("name", "X-Api-Key", "value", WRONG_KEY), Set.of("value"),
                HttpCredentialTypes.HEADER);
    }

    @AfterEach
    void stop() {
        server.close();
        elsewhere.close();
    }

    private void store(String id, String name, String type, Map<String, Object> data, Set<String> secret,
            CredentialType declaration) {
        vault.put(id, new NodeCredential(id, name, type, data, secret, declaration));
    }

    private final CredentialResolver resolver = (type, id, name) -> {
        NodeCredential c = vault.get(id);
        if (c == null) {
            throw new CredentialResolver.Unavailable("there is no credential with id \"" + id + "\"");
        }
        return c;
    };

    private RunResult run(String parameters, String credentials, CredentialResolver credentialResolver) {
        Workflow workflow = WorkflowJson.read("""
                {"name": "signed", "nodes": [
                  {"name": "Trigger", "type": "n8n-nodes-base.manualTrigger", "typeVersion": 1, "position": [0, 0], "parameters": {}},
                  {"name": "Call", "type": "n8n-nodes-base.httpRequest", "typeVersion": 4.2, "position": [200, 0],
                   "parameters": %s, "credentials": %s}],
                 "connections": {"Trigger": {"main": [[{"node": "Call", "type": "main", "index": 0}]]}}}"""
                .formatted(parameters, credentials));
        RunRequest request = RunRequest.manual("signed-" + System.nanoTime(), workflow, List.of(Item.of(Map.of())))
                .withPinData(false).withClock(RunClock.virtual(Instant.now())).withCredentials(credentialResolver);
        return NodeTestKit.EXECUTOR.execute(request, new InMemoryRunJournal());
    }

    private RunResult run(String parameters, String credentials) {
        return run(parameters, credentials, resolver);
    }

    private String generic(String path, String type) {
        return "{\"url\": \"" + server.url(path) + "\", \"authentication\": \"genericCredentialType\", \"genericAuthType\": \""
                + type + "\"}";
    }

    private static String names(String type, String id) {
        return "{\"" + type + "\": {\"id\": \"" + id + "\", \"name\": \"whatever\"}}";
    }

    /** Everything the run wrote that a person or the database could see. */
    private static String everythingWritten(RunResult result) {
        StringBuilder all = new StringBuilder(String.valueOf(result.error()));
        for (List<Step> steps : result.runData().values()) {
            for (Step s : steps) {
                all.append(s.error()).append(s.logs()).append(Json.write(s.outputs() == null ? List.of()
                        : s.outputs().stream().map(l -> l.stream().map(Item::toMap).toList()).toList()));
            }
        }
        return all.toString();
    }

    @Test
    void aHeaderCredentialSignsTheRequest() {
        RunResult result = run(generic("/private", "httpHeaderAuth"), names("httpHeaderAuth", "hdr"));
        assertThat(result.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(json(result, "Call")).containsExactly(Map.of("orders", 3L));
        assertThat(server.last().header("X-Api-Key")).isEqualTo(KEY);
        assertThat(everythingWritten(result)).doesNotContain("TOPSECRET");
    }

    @Test
    void aRefusedCredentialFailsWithoutTheSecretInTheErrorTheDescriptionOrTheLogs() {
        RunResult result = run(generic("/private", "httpHeaderAuth"), names("httpHeaderAuth", "bad"));
        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(server.last().header("X-Api-Key")).isEqualTo(WRONG_KEY);
        assertThat(result.error().message()).contains("answered 401").contains("invalid key ***");
        assertThat(result.error().description()).contains("invalid key ***");
        assertThat(everythingWritten(result)).doesNotContain("TOPSECRET");
    }

    @Test
    void anEchoOfTheSecretIsMaskedInTheStoredOutput() {
        store("q", "Query key", "httpQueryAuth", Map.of("name", "api_key", "value", KEY + " +*&"), Set.of("value"),
                HttpCredentialTypes.QUERY);
        RunResult result = run(generic("/echo?page=2", "httpQueryAuth"), names("httpQueryAuth", "q"));
        assertThat(URLDecoder.decode(server.last().query(), StandardCharsets.UTF_8)).isEqualTo("page=2&api_key=" + KEY + " +*&");
        assertThat(json(result, "Call").get(0).get("query")).isEqualTo("page=2&api_key=***");
        assertThat(result.steps("Call").get(0).logs()).singleElement().asString().contains("api_key=***");
        assertThat(everythingWritten(result)).doesNotContain("TOPSECRET").doesNotContain("TOPSECRET".toLowerCase());
    }

    @Test
    void basicBearerCustomAndOAuth2CredentialsSignAsN8nDoes() {
        store("basic", "Login", "httpBasicAuth", Map.of("user", "shop", "password", "pa55-TOPSECRET"), Set.of("password"),
                HttpCredentialTypes.BASIC);
        run(generic("/echo", "httpBasicAuth"), names("httpBasicAuth", "basic"));
        assertThat(server.last().header("Authorization")).isEqualTo("Basic "
                + Base64.getEncoder().encodeToString("shop:pa55-TOPSECRET".getBytes(StandardCharsets.UTF_8)));

        store("bearer", "Token", "httpBearerAuth", Map.of("token", "t0ken-TOPSECRET"), Set.of("token"), HttpCredentialTypes.BEARER);
        RunResult bearer = run(generic("/echo", "httpBearerAuth"), names("httpBearerAuth", "bearer"));
        assertThat(server.last().header("Authorization")).isEqualTo("Bearer t0ken-TOPSECRET");
        assertThat(json(bearer, "Call").get(0).get("authorization")).isEqualTo("Bearer ***");

        store("custom", "Custom", "httpCustomAuth", Map.of("json",
                "{\"headers\": {\"X-Tenant\": \"acme\"}, \"qs\": {\"sig\": \"s1g-TOPSECRET\"}}"), Set.of("json"),
                HttpCredentialTypes.CUSTOM);
        RunResult custom = run(generic("/echo", "httpCustomAuth"), names("httpCustomAuth", "custom"));
        assertThat(server.last().header("X-Tenant")).isEqualTo("acme");
        assertThat(server.last().query()).isEqualTo("sig=s1g-TOPSECRET");
        assertThat(everythingWritten(custom)).doesNotContain("TOPSECRET");

        store("oauth", "Client", "oAuth2Api", Map.of("grantType", "clientCredentials", "clientSecret", "cl1ent-TOPSECRET",
                "oauthTokenData", Map.of("access_token", "acc3ss-TOPSECRET", "token_type", "bearer")),
                Set.of("clientSecret", "oauthTokenData"), HttpCredentialTypes.OAUTH2);
        RunResult oauth = run(generic("/echo", "oAuth2Api"), names("oAuth2Api", "oauth"));
        assertThat(server.last().header("Authorization")).isEqualTo("Bearer acc3ss-TOPSECRET");
        assertThat(everythingWritten(oauth)).doesNotContain("TOPSECRET");
    }

    @Test
    void aPredefinedCredentialTypeSignsAsItsDeclarationSays() {
        store("shop", "Shop", "shopApi", Map.of("apiToken", "sh0p-TOPSECRET"), Set.of("apiToken"), SHOP);
        RunResult result = run("{\"url\": \"" + server.url("/echo") + "\", \"authentication\": \"predefinedCredentialType\", "
                + "\"nodeCredentialType\": \"shopApi\"}", names("shopApi", "shop"));
        assertThat(server.last().header("X-Shop-Token")).isEqualTo("sh0p-TOPSECRET");
        assertThat(json(result, "Call").get(0).get("shop")).isEqualTo("***");

        store("smtp", "Mail", "smtp", Map.of("password", "m4il-TOPSECRET"), Set.of("password"), null);
        RunResult unsigned = run("{\"url\": \"" + server.url("/echo") + "\", \"authentication\": \"predefinedCredentialType\", "
                + "\"nodeCredentialType\": \"smtp\"}", names("smtp", "smtp"));
        assertThat(unsigned.error().message()).isEqualTo("Credential \"Mail\": credentials of type smtp do not say how to "
                + "sign an HTTP request; use generic authentication instead [item 0]");
    }

    @Test
    void aCredentialHeaderIsNotSentOnToAnotherOrigin() {
        RunResult away = run("{\"url\": \"" + server.url("/away") + "\", \"authentication\": \"genericCredentialType\", "
                + "\"genericAuthType\": \"httpHeaderAuth\"}", names("httpHeaderAuth", "hdr"));
        assertThat(away.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(elsewhere.last().header("X-Api-Key")).isNull();

        run("{\"url\": \"" + server.url("/here") + "\", \"authentication\": \"genericCredentialType\", "
                + "\"genericAuthType\": \"httpHeaderAuth\"}", names("httpHeaderAuth", "hdr"));
        assertThat(server.last().path()).isEqualTo("/echo");
        assertThat(server.last().header("X-Api-Key")).isEqualTo(KEY);
    }

    @Test
    void missingOrUnusableCredentialsFailClearlyBeforeAnythingIsSent() {
        assertThat(run(generic("/private", "httpHeaderAuth"), "{}").error().message())
                .isEqualTo("Credentials: the node names no httpHeaderAuth credential; choose one under the node's "
                        + "credentials [item 0]");
        assertThat(run(generic("/private", "httpHeaderAuth"), names("httpHeaderAuth", "gone")).error().message())
                .isEqualTo("credential \"whatever\" (id gone) of type httpHeaderAuth cannot be used: there is no "
                        + "credential with id \"gone\"");
        assertThat(run(generic("/private", "httpHeaderAuth"), names("httpHeaderAuth", "hdr"), CredentialResolver.none())
                .error().message()).contains("this run has no credential vault");
        assertThat(run(generic("/private", "httpDigestAuth"), names("httpDigestAuth", "hdr")).error().message())
                .startsWith("Parameter \"genericAuthType\": httpDigestAuth is not supported yet");
        assertThat(run("{\"url\": \"" + server.url("/private") + "\", \"authentication\": \"genericCredentialType\"}",
                names("httpHeaderAuth", "hdr")).error().message()).startsWith("Parameter \"genericAuthType\" is empty");
        assertThat(server.received).isEmpty();
    }

    @Test
    void theNodeDeclaresN8nsGenericCredentialTypes() {
        var descriptor = new HttpRequestNode().descriptor();
        assertThat(descriptor.credentials()).contains("httpBasicAuth", "httpHeaderAuth", "httpQueryAuth", "httpBearerAuth",
                "httpCustomAuth", "oAuth2Api");
        assertThat(NodeTestKit.TYPES.credentialTypes().get("httpHeaderAuth").secretFields()).containsExactly("value");
        assertThat(NodeTestKit.TYPES.credentialTypes().get("oAuth2Api").secretFields()).containsExactly("clientSecret");
    }
}
