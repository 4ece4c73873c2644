package dev.switchboard.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.switchboard.platform.node.NodeTypes;
import dev.switchboard.platform.workflow.OnError;
import dev.switchboard.platform.workflow.WorkflowJson;

/** What the canvas is sent: ports as the node types declare them, marks, sticky notes and edges by id. */
class CanvasGraphTest {

    @Test
    void drawsPortsLabelsMarksAndConnections() {
        var workflow = WorkflowJson.read("""
                {"name": "w", "nodes": [
                  {"id": "t", "name": "Start", "type": "n8n-nodes-base.manualTrigger", "typeVersion": 1, "position": [0, 0], "parameters": {}},
                  {"id": "i", "name": "Big order?", "type": "n8n-nodes-base.if", "typeVersion": 2, "position": [200, 0], "parameters": {},
                   "onError": "continueErrorOutput"},
                  {"id": "n", "name": "Note", "type": "n8n-nodes-base.stickyNote", "typeVersion": 1, "position": [0, 200],
                   "parameters": {"content": "Ask Ann first", "width": 300}},
                  {"id": "u", "name": "Mystery", "type": "acme.thing", "typeVersion": 1, "position": [400, 0], "parameters": {}}],
                 "connections": {"Start": {"main": [[{"node": "Big order?", "type": "main", "index": 0}]]}}}
                """);

        CanvasGraph graph = CanvasGraph.of(workflow, NodeTypes.load(),
                Map.of("Start", new CanvasGraph.Marks("success", "1 item", List.of())), false, 7);

        var start = graph.nodes().get(0);
        assertThat(start.inputs()).isEmpty();
        assertThat(start.outputs()).containsExactly("");
        assertThat(start.status()).isEqualTo("success");
        assertThat(start.items()).isEqualTo("1 item");
        assertThat(start.json()).containsEntry("name", "Start").containsEntry("type", "n8n-nodes-base.manualTrigger");
        var check = graph.nodes().get(1);
        assertThat(check.label()).isEqualTo("If");
        assertThat(check.outputs()).containsExactly("true", "false", "error");
        var note = graph.nodes().get(2);
        assertThat(note.sticky()).isTrue();
        assertThat(note.content()).isEqualTo("Ask Ann first");
        assertThat(note.width()).isEqualTo(300);
        assertThat(note.inputs()).isEmpty();
        assertThat(graph.nodes().get(3).problems()).containsExactly("unknown node type acme.thing");
        assertThat(graph.edges()).containsExactly(new CanvasGraph.Edge("t", 0, "i", 0));
        assertThat(graph.version()).isEqualTo(7);
        assertThat(OnError.CONTINUE_ERROR_OUTPUT.n8nName()).isEqualTo("continueErrorOutput");
    }
}
