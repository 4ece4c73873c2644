package dev.switchboard.platform.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.switchboard.platform.json.Json;

/** Reading and writing n8n's workflow JSON. */
class WorkflowJsonTest {

    private static final String N8N_EXPORT = """
            {
              "id": "wf-42",
              "name": "Invoice follow-up",
              "active": true,
              "owner": "maria@example.com",
              "reviewer": "tom@example.com",
              "rollbackPolicy": "onFailure",
              "tags": [{"id": "t1", "name": "finance"}],
              "versionId": "a6d3c5f4",
              "meta": {"instanceId": "abc", "templateCredsSetupCompleted": true},
              "nodes": [
                {"parameters": {}, "id": "n1", "name": "When clicking ‘Execute workflow’", "type": "n8n-nodes-base.manualTrigger",
                 "typeVersion": 1, "position": [240, 300]},
                {"parameters": {"url": "={{ $json.link }}", "options": {"timeout": 5000}}, "id": "n2", "name": "Fetch",
                 "type": "n8n-nodes-base.httpRequest", "typeVersion": 4.2, "position": [460.5, 300],
                 "credentials": {"httpHeaderAuth": {"id": "c1", "name": "Billing API"}},
                 "retryOnFail": true, "maxTries": 4, "waitBetweenTries": 2500, "onError": "continueErrorOutput",
                 "alwaysOutputData": true, "executeOnce": true, "disabled": true, "notes": "calls billing",
                 "notesInFlow": true, "webhookId": "0f1e", "compensation": {"method": "DELETE"}, "riskTags": ["money"]}
              ],
              "connections": {
                "When clicking ‘Execute workflow’": {"main": [[{"node": "Fetch", "type": "main", "index": 0}]]},
                "Fetch": {"main": [[], [{"node": "Fetch", "type": "main", "index": 0}]], "ai_tool": [[]]}
              },
              "settings": {"executionOrder": "v1", "timezone": "Europe/Berlin", "saveManualExecutions": true},
              "pinData": {"Fetch": [{"json": {"ok": true}}]}
            }""";

    @Test
    void loadingThenSavingLosesNoField() {
        Map<String, Object> original = Json.parseObject(N8N_EXPORT);
        Map<String, Object> saved = Json.parseObject(WorkflowJson.write(WorkflowJson.read(N8N_EXPORT)));
        assertThat(Json.deepEquals(saved, original)).as(Json.write(saved)).isTrue();
    }

    @Test
    void theModelNamesN8nsNodeSettings() {
        Workflow w = WorkflowJson.read(N8N_EXPORT);
        WorkflowNode fetch = w.node("Fetch").orElseThrow();
        assertThat(fetch.typeVersion()).isEqualTo(4.2);
        assertThat(fetch.x()).isEqualTo(460.5);
        assertThat(fetch.retryOnFail()).isTrue();
        assertThat(fetch.maxTries()).isEqualTo(4);
        assertThat(fetch.waitBetweenTries()).isEqualTo(2500);
        assertThat(fetch.onError()).isEqualTo(OnError.CONTINUE_ERROR_OUTPUT);
        assertThat(fetch.alwaysOutputData()).isTrue();
        assertThat(fetch.executeOnce()).isTrue();
        assertThat(fetch.disabled()).isTrue();
        assertThat(fetch.extra()).containsKeys("webhookId", "compensation", "riskTags", "notesInFlow");
        assertThat(w.extra()).containsKeys("owner", "reviewer", "rollbackPolicy", "tags", "active");
        assertThat(w.timezone()).hasValueSatisfying(z -> assertThat(z.getId()).isEqualTo("Europe/Berlin"));
        assertThat(w.connections().all()).hasSize(2);
        assertThat(w.pinData()).containsKey("Fetch");
    }

    @Test
    void continueOnFailIsReadAsContinueRegularOutputAndWrittenBackAsItWas() {
        String legacy = """
                {"nodes": [{"name": "A", "type": "n8n-nodes-base.noOp", "parameters": {}, "position": [0, 0], "continueOnFail": true}],
                 "connections": {}}""";
        Workflow w = WorkflowJson.read(legacy);
        assertThat(w.nodes().get(0).onError()).isEqualTo(OnError.CONTINUE_REGULAR_OUTPUT);
        Map<String, Object> node = WorkflowJson.nodeToMap(w.nodes().get(0));
        assertThat(node).containsEntry("continueOnFail", true).doesNotContainKey("onError");
    }

    @Test
    void malformedJsonIsRefusedWithWhereItBroke() {
        assertThatThrownBy(() -> WorkflowJson.read("{\"nodes\": [ }"))
                .isInstanceOfSatisfying(WorkflowFormatException.class,
                        e -> assertThat(e.problems().get(0).message()).contains("not valid JSON").contains("line 1"));
    }

    @Test
    void eachMalformedPartIsNamed() {
        String bad = """
                {"nodes": [{"type": "n8n-nodes-base.noOp"}, {"name": "B"}, {"name": "C", "type": "x", "typeVersion": "two",
                  "parameters": [], "onError": "explode"}], "connections": {"C": {"main": [[{"nope": 1}]]}}, "pinData": {"C": 5}}""";
        assertThatThrownBy(() -> WorkflowJson.read(bad)).isInstanceOfSatisfying(WorkflowFormatException.class, e ->
                assertThat(e.problems()).extracting(Problem::toString).containsExactlyInAnyOrder(
                        "error: field \"nodes[0].name\": every node needs a name",
                        "error: node \"B\", field \"type\": is missing",
                        "error: node \"C\", field \"typeVersion\": must be a number",
                        "error: node \"C\", field \"parameters\": must be an object",
                        "error: node \"C\", field \"onError\": \"explode\" is not one of stopWorkflow, continueRegularOutput, continueErrorOutput",
                        "error: node \"C\", field \"connections.main[0]\": each target needs {\"node\", \"type\", \"index\"}",
                        "error: node \"C\", field \"pinData\": must be an array of items"));
        assertThatThrownBy(() -> WorkflowJson.read("[1, 2]")).hasMessageContaining("a workflow is a JSON object");
    }
}
