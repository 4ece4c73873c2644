package dev.switchboard.nodes.transform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.switchboard.nodes.NodeTestKit;
import dev.switchboard.platform.json.Json;
import dev.switchboard.platform.workflow.Workflow;
import dev.switchboard.platform.workflow.WorkflowJson;

class ScratchZoneTest {
    @Test
    void run() throws Exception {
        for (String f : List.of("DateTime__test__node__DateTimeWorkflow.test.json", "DateTime__test__node__DateTimeTimezone3.json")) {
            Map<String, Object> doc = Json.parseObject(Files.readString(Path.of("/work/shared/conformance/n8n/" + f)));
            Workflow w = WorkflowJson.fromMap(doc);
            var r = NodeTestKit.run(w.withoutPinData(), List.of(), ZoneId.of("America/New_York"));
            w.pinData().forEach((node, pinned) -> {
                Object actual = NodeTestKit.json(r, node);
                System.out.println("CMP " + f + " " + node + " " + Json.deepEquals(pinned.stream().map(p -> p.get("json")).toList(), actual) + " " + Json.write(actual));
            });
        }
    }
}
