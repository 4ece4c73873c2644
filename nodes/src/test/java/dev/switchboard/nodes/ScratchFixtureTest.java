package dev.switchboard.nodes;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.switchboard.platform.json.Json;
import dev.switchboard.platform.node.Item;
import dev.switchboard.platform.run.RunResult;
import dev.switchboard.platform.workflow.Workflow;
import dev.switchboard.platform.workflow.WorkflowJson;

class ScratchFixtureTest {
    @Test
    void run() throws Exception {
        for (String f : System.getProperty("scratch.files", "/tmp/scratch/md.json").split(",")) {
            Map<String, Object> doc = Json.parseObject(Files.readString(Path.of(f)));
            Workflow wf = WorkflowJson.fromMap(doc);
            RunResult r = NodeTestKit.run(wf.withoutPinData(), List.of());
            System.out.println("FILE " + f + " status " + r.status().label() + (r.error() == null ? "" : r.error().describe()));
            wf.pinData().forEach((node, pinned) -> {
                var steps = r.steps(node);
                Object actual = steps.isEmpty() ? null : steps.get(0).outputs().get(0).stream().map(Item::json).toList();
                Object expected = pinned.stream().map(p -> p.get("json")).toList();
                boolean ok = Json.deepEquals(expected, actual);
                System.out.println((ok ? "OK   " : "FAIL ") + node + (ok ? "" : "\n  expected " + Json.write(expected) + "\n  actual   " + Json.write(actual)));
            });
        }
    }
}
