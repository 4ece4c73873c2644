package dev.switchboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.switchboard.platform.json.Json;

/** The command line's contract: one JSON document out, exit 0/1/2, errors naming node and field. */
class CliTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int cli(String... args) {
        return Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static String file(String name) {
        return Path.of("src/test/resources/workflows", name).toString();
    }

    private Map<String, Object> document() {
        return Json.parseObject(out.toString(StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    private static List<List<Map<String, Object>>> outputs(Map<String, Object> doc, String node) {
        return (List<List<Map<String, Object>>>) ((Map<String, Map<String, Object>>) doc.get("nodes")).get(node).get("outputs");
    }

    @SuppressWarnings("unchecked")
    private static String status(Map<String, Object> doc, String node) {
        return (String) ((Map<String, Map<String, Object>>) doc.get("nodes")).get(node).get("status");
    }

    @Test
    void runPrintsEveryNodesStatusAndOutputs() {
        assertThat(cli("run", file("greet.json"), "--input", file("customers.json"), "--ignore-pin-data")).isZero();
        Map<String, Object> doc = document();
        assertThat(doc).containsEntry("status", "succeeded").doesNotContainKey("error");
        assertThat(status(doc, "Start")).isEqualTo("succeeded");
        assertThat(outputs(doc, "Done")).containsExactly(List.of(
                Map.of("json", Map.of("greeting", "Hello Ada", "vip", true)),
                Map.of("json", Map.of("greeting", "Hello Bob", "vip", false))));
    }

    @Test
    void pinnedDataIsHonouredUnlessIgnored() {
        assertThat(cli("run", file("greet.json"), "--input", file("customers.json"))).isZero();
        assertThat(outputs(document(), "Done")).containsExactly(List.of(Map.of("json", Map.of("greeting", "pinned"))));
    }

    @Test
    void aFailedRunExitsWithOneAndNamesNodeAndItem() {
        assertThat(cli("run", file("broken-expression.json"), "--input", file("customers.json"))).isEqualTo(1);
        Map<String, Object> doc = document();
        assertThat(doc).containsEntry("status", "failed");
        @SuppressWarnings("unchecked")
        Map<String, Object> error = (Map<String, Object>) doc.get("error");
        assertThat(error).containsEntry("node", "Totals").containsEntry("parameter", "jsCode");
        assertThat((String) error.get("message")).contains("Cannot read");
        assertThat(status(doc, "Totals")).isEqualTo("failed");
    }

    @Test
    void anEndlessScriptIsStoppedAndReported() {
        assertThat(cli("run", file("endless.json"))).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("exceeded the limit");
    }

    @Test
    void anInvalidWorkflowExitsWithTwoAndListsEachProblem() {
        assertThat(cli("run", file("invalid.json"))).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(
                "workflow \"Invalid\", error: node \"Mystery\", field \"type\": unknown node type \"n8n-nodes-base.telepathy\"",
                "error: node \"Old\", field \"typeVersion\": version 0.5 of \"n8n-nodes-base.code\" is not supported",
                "error: node \"Start\", field \"connections.main[0]\": connects to a node \"Nowhere\" that is not in the workflow");
        out.reset();
        assertThat(cli("validate", file("invalid.json"))).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("invalid:").contains("3 errors");
    }

    @Test
    void validateAcceptsAGoodWorkflow() {
        assertThat(cli("validate", file("greet.json"))).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("valid:");
    }

    @Test
    void malformedFilesAndArgumentsExitWithTwo(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"nodes\": [");
        assertThat(cli("run", bad.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("not valid JSON");
        assertThat(cli("run", dir.resolve("missing.json").toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no such file");
        Path notArray = dir.resolve("input.json");
        Files.writeString(notArray, "[1, 2]");
        assertThat(cli("run", file("greet.json"), "--input", notArray.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--input[0]").contains("must be a JSON object");
        assertThat(cli("run")).isEqualTo(2);
        assertThat(cli("run", file("greet.json"), "--bogus")).isEqualTo(2);
    }

    @Test
    void aFiftyMegabyteInputIsHandled(@TempDir Path dir) throws IOException {
        Path big = dir.resolve("big.json");
        int count;
        try (Writer w = Files.newBufferedWriter(big)) {
            w.write('[');
            count = 0;
            while (Files.size(big) < 50L * 1024 * 1024 && count < 2_000_000) {
                for (int i = 0; i < 1_000; i++, count++) {
                    w.write((count == 0 ? "" : ",") + "{\"name\":\"customer " + count + "\",\"total\":" + count
                            + ",\"notes\":\"" + "x".repeat(60) + "\"}");
                }
                w.flush();
            }
            w.write(']');
        }
        assertThat(Files.size(big)).isGreaterThanOrEqualTo(50L * 1024 * 1024);
        Path workflow = dir.resolve("count.json");
        Files.writeString(workflow, """
                {"name": "Count", "nodes": [
                  {"parameters": {}, "name": "Start", "type": "n8n-nodes-base.manualTrigger", "typeVersion": 1, "position": [0, 0]},
                  {"parameters": {"jsCode": "return [{json: {count: $input.all().length}}];"}, "name": "Count",
                   "type": "n8n-nodes-base.code", "typeVersion": 2, "position": [200, 0]}],
                 "connections": {"Start": {"main": [[{"node": "Count", "type": "main", "index": 0}]]}}}""");
        // the output of the trigger is printed too: send it to a sink
        PrintStream sink = new PrintStream(java.io.OutputStream.nullOutputStream());
        int code = Cli.run(new String[] {"run", workflow.toString(), "--input", big.toString()}, sink,
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    }

    @Test
    void aRunThatWaitsForAWebhookFailsOnTheCommandLineNamingTheNode(@TempDir Path dir) throws IOException {
        Path workflow = dir.resolve("wait.json");
        Files.writeString(workflow, """
                {"name": "Waits", "nodes": [
                  {"parameters": {}, "name": "Start", "type": "n8n-nodes-base.manualTrigger", "typeVersion": 1, "position": [0, 0]},
                  {"parameters": {"resume": "webhook"}, "name": "Wait for call", "type": "n8n-nodes-base.wait", "typeVersion": 1.1, "position": [200, 0]}],
                 "connections": {"Start": {"main": [[{"node": "Wait for call", "type": "main", "index": 0}]]}}}""");
        assertThat(cli("run", workflow.toString())).isEqualTo(1);
        Map<String, Object> doc = document();
        assertThat(doc).containsEntry("status", "failed");
        assertThat(doc.get("error").toString()).contains("Wait for call").contains("cannot resume");
        assertThat(status(doc, "Wait for call")).isEqualTo("failed");
    }

    @Test
    void anExpressionErrorInsideACollectionNamesTheWholeParameterPath(@TempDir Path dir) throws IOException {
        Path workflow = dir.resolve("set.json");
        Files.writeString(workflow, """
                {"name": "Nested", "nodes": [
                  {"parameters": {}, "name": "Start", "type": "n8n-nodes-base.manualTrigger", "typeVersion": 1, "position": [0, 0]},
                  {"parameters": {"assignments": {"assignments": [{"id": "1", "name": "x", "value": "={{ $json.a.b.c }}", "type": "string"}]}, "options": {}},
                   "name": "Edit", "type": "n8n-nodes-base.set", "typeVersion": 3.4, "position": [200, 0]}],
                 "connections": {"Start": {"main": [[{"node": "Edit", "type": "main", "index": 0}]]}}}""");
        assertThat(cli("run", workflow.toString())).isEqualTo(1);
        @SuppressWarnings("unchecked")
        Map<String, Object> error = (Map<String, Object>) document().get("error");
        assertThat(error).containsEntry("node", "Edit").containsEntry("parameter", "assignments.assignments[0].value")
                .containsEntry("itemIndex", 0L);
    }

    @Test
    void aWorkflowThatCallsItselfStopsAtTheDepthLimit(@TempDir Path dir) throws IOException {
        Path workflow = dir.resolve("self.json");
        Files.writeString(workflow, """
                {"name": "Self", "nodes": [
                  {"parameters": {}, "name": "Start", "type": "n8n-nodes-base.manualTrigger", "typeVersion": 1, "position": [0, 0]},
                  {"parameters": {}, "name": "Called", "type": "n8n-nodes-base.executeWorkflowTrigger", "typeVersion": 1, "position": [0, 200]},
                  {"parameters": {"source": "localFile", "workflowPath": "self.json"}, "name": "Again", "type": "n8n-nodes-base.executeWorkflow", "typeVersion": 1, "position": [200, 0]}],
                 "connections": {"Start": {"main": [[{"node": "Again", "type": "main", "index": 0}]]},
                                 "Called": {"main": [[{"node": "Again", "type": "main", "index": 0}]]}}}""");
        assertThat(cli("run", workflow.toString())).isEqualTo(1);
        String message = String.valueOf(document().get("error"));
        assertThat(message).contains("more than 20 levels deep");
        assertThat(message.length()).isLessThan(2_000);
    }

    @Test
    void subWorkflowsAreFoundBesideTheWorkflowFile(@TempDir Path dir) throws IOException {
        Path items = dir.resolve("n.json");
        Files.writeString(items, "[{\"n\": 2}, {\"n\": 5}]");
        assertThat(cli("run", file("parent.json"), "--input", items.toString())).as(err.toString()).isZero();
        assertThat(outputs(document(), "Call child")).containsExactly(List.of(
                Map.of("json", Map.of("doubled", 4L)), Map.of("json", Map.of("doubled", 10L))));
    }
}
