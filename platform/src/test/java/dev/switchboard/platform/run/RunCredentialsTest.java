package dev.switchboard.platform.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.switchboard.platform.TestNodes;
import dev.switchboard.platform.expression.JavaScriptEngine;
import dev.switchboard.platform.json.Json;
import dev.switchboard.platform.node.Item;
import dev.switchboard.platform.node.NodeCategory;
import dev.switchboard.platform.node.NodeContext;
import dev.switchboard.platform.node.NodeCredential;
import dev.switchboard.platform.node.NodeDescriptor;
import dev.switchboard.platform.node.NodeException;
import dev.switchboard.platform.node.NodeResult;
import dev.switchboard.platform.node.NodeType;
import dev.switchboard.platform.node.NodeTypes;
import dev.switchboard.platform.workflow.Workflow;

/**
 * Nodes get the credentials they name through the run's {@link CredentialResolver}, once per run, and
 * every secret handed out is masked in whatever the run writes: errors, log lines, output items.
 */
class RunCredentialsTest {

    private static final String TOKEN = "tok-TOPSECRET-42";

    /** Uses its apiKey credential carelessly: logs it, outputs it, and fails quoting it when told to. */
    private static final NodeType CARELESS = new NodeType() {
        private final NodeDescriptor descriptor = NodeDescriptor.builder("careless", "Careless", NodeCategory.CONNECTOR)
                .credentials("apiKey").build();

        @Override
        public NodeDescriptor descriptor() {
            return descriptor;
        }

        @Override
        public NodeResult execute(NodeContext context) {
            NodeCredential c = context.credential("apiKey").orElseThrow(() -> new NodeException("no apiKey credential"));
            String token = c.text("token");
            context.treatAsSecret("derived-" + token.length() + "-value");
            context.log().info("calling with " + token + " as " + c.text("user") + " (derived-" + token.length() + "-value)");
            if (Boolean.TRUE.equals(context.parameter("fail", 0))) {
                throw new NodeException("the service refused " + token, 0, "it said: bad token " + token + " {\"t\":\""
                        + token + "\"}", null);
            }
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("echo", "Bearer " + token);
            json.put("nested", List.of(Map.of("url", "https://x/?k=" + java.net.URLEncoder.encode(token,
                    java.nio.charset.StandardCharsets.UTF_8))));
            json.put("user", c.text("user"));
            return NodeResult.of(List.of(Item.of(json, 0)));
        }
    };

    private static final NodeTypes TYPES;

    static {
        List<NodeType> all = new ArrayList<>(TestNodes.types().all());
        all.add(CARELESS);
        TYPES = NodeTypes.of(all);
    }

    private final WorkflowExecutor executor = new WorkflowExecutor(TYPES, JavaScriptEngine.shared());
    private final AtomicInteger lookups = new AtomicInteger();

    private final CredentialResolver vault = (type, id, name) -> {
        lookups.incrementAndGet();
        if (!"c1".equals(id)) {
            throw new CredentialResolver.Unavailable("there is no credential with id \"" + id + "\"");
        }
        return new NodeCredential("c1", "Billing", type, Map.of("user", "billing-bot", "token", TOKEN + " &"),
                Set.of("token"), null);
    };

    private RunResult run(String credentials, boolean fail, CredentialResolver resolver) {
        Workflow w = TestNodes.workflow("""
                {'name': 'careless', 'nodes': [
                  {'name': 'T', 'type': 'switchboard.manualTrigger', 'position': [0, 0], 'parameters': {}},
                  {'name': 'Call', 'type': 'switchboard.careless', 'position': [200, 0], 'parameters': {'fail': %s},
                   'credentials': %s},
                  {'name': 'Again', 'type': 'switchboard.careless', 'position': [400, 0], 'parameters': {},
                   'credentials': %s}],
                 'connections': {'T': {'main': [[{'node': 'Call', 'type': 'main', 'index': 0}]]},
                                 'Call': {'main': [[{'node': 'Again', 'type': 'main', 'index': 0}]]}}}"""
                .formatted(fail, credentials, credentials));
        RunRequest request = RunRequest.manual("run-" + System.nanoTime(), w, List.of())
                .withClock(RunClock.virtual(Instant.parse("2024-05-01T10:00:00Z"))).withCredentials(resolver);
        InMemoryRunJournal journal = new InMemoryRunJournal();
        RunResult result = executor.execute(request, journal);
        written.append(result.error());
        for (Step s : journal.steps(request.runId())) {
            written.append(s.error()).append(s.logs()).append(s.outputs() == null ? "" : Json.write(
                    s.outputs().stream().map(l -> l.stream().map(Item::toMap).toList()).toList()));
        }
        return result;
    }

    private final StringBuilder written = new StringBuilder();

    @Test
    void aNodeGetsTheCredentialItNamesOncePerRunAndItsSecretsAreMaskedInEverythingStored() {
        RunResult result = run("{'apiKey': {'id': 'c1', 'name': 'Billing'}}", false, vault);
        assertThat(result.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(result.output("Call").get(0).json()).isEqualTo(Map.of("echo", "Bearer ***",
                "nested", List.of(Map.of("url", "https://x/?k=***")), "user", "billing-bot"));
        assertThat(result.steps("Call").get(0).logs()).containsExactly("calling with *** as billing-bot (***)");
        assertThat(lookups).hasValue(2);
        assertThat(written.toString()).doesNotContain("TOPSECRET").contains("billing-bot");
    }

    @Test
    void aFailureQuotingTheSecretIsStoredMasked() {
        RunResult result = run("{'apiKey': {'id': 'c1'}}", true, vault);
        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(result.error().message()).isEqualTo("the service refused ***");
        assertThat(result.error().description()).isEqualTo("it said: bad token *** {\"t\":\"***\"}");
        assertThat(written.toString()).doesNotContain("TOPSECRET");
    }

    @Test
    void aCredentialThatCannotBeHadFailsTheStepNamingItButNoSecret() {
        assertThat(run("{'apiKey': {'id': 'c9', 'name': 'Old'}}", false, vault).error().message())
                .isEqualTo("credential \"Old\" (id c9) of type apiKey cannot be used: there is no credential with id \"c9\"");
        assertThat(run("{'apiKey': {'id': 'c1'}}", false, CredentialResolver.none()).error().message())
                .startsWith("credential (id c1) of type apiKey cannot be used: this run has no credential vault");
        assertThat(run("{}", false, vault).error().message()).isEqualTo("no apiKey credential");
    }
}
