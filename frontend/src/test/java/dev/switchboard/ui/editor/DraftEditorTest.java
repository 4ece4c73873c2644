package dev.switchboard.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.switchboard.platform.node.NodeTypes;
import dev.switchboard.platform.workflow.Connection;
import dev.switchboard.platform.workflow.Connections;
import dev.switchboard.platform.workflow.Workflow;
import dev.switchboard.platform.workflow.WorkflowJson;
import dev.switchboard.platform.workflow.WorkflowNode;

/** What the canvas and the node panel do to a draft, and undoing it. */
class DraftEditorTest {

    private static final NodeTypes TYPES = NodeTypes.load();

    private final DraftEditor editor = new DraftEditor(Workflow.of("Orders", List.of(), Connections.none()), TYPES);

    private String add(String type, double x) {
        editor.apply(new CanvasEdit.Add(type, x, 100));
        return editor.draft().nodes().get(editor.draft().nodes().size() - 1).id();
    }

    @Test
    void nodesDroppedFromThePaletteGetTheTypesNameMadeUniqueAsN8nDoes() {
        add("switchboard.set", 0);
        add("switchboard.set", 200);
        add("switchboard.set", 400);

        assertThat(editor.draft().nodes()).extracting(WorkflowNode::name)
                .containsExactly("Edit Fields (Set)", "Edit Fields (Set)1", "Edit Fields (Set)2");
        assertThat(editor.draft().nodes()).allSatisfy(n -> {
            assertThat(n.type()).isEqualTo("switchboard.set");
            assertThat(n.typeVersion()).isEqualTo(3.4);
            assertThat(n.id()).isNotBlank();
        });
        assertThat(editor.draft().nodes().get(1).x()).isEqualTo(200);
    }

    @Test
    void anUnknownTypeIsRefusedWithItsName() {
        assertThatThrownBy(() -> editor.apply(new CanvasEdit.Add("switchboard.nope", 0, 0)))
                .isInstanceOf(DraftEditor.EditException.class).hasMessageContaining("switchboard.nope");
    }

    @Test
    void connectingUsesNodeNamesAndPortIndexesAndIgnoresDuplicatesAndLoopsOntoItself() {
        String trigger = add("switchboard.manualTrigger", 0);
        String check = add("switchboard.if", 200);
        String done = add("switchboard.noOp", 400);

        assertThat(editor.apply(new CanvasEdit.Connect(new CanvasGraph.Edge(trigger, 0, check, 0)))).isTrue();
        assertThat(editor.apply(new CanvasEdit.Connect(new CanvasGraph.Edge(check, 1, done, 0)))).isTrue();
        assertThat(editor.apply(new CanvasEdit.Connect(new CanvasGraph.Edge(check, 1, done, 0)))).isFalse();
        assertThat(editor.apply(new CanvasEdit.Connect(new CanvasGraph.Edge(done, 0, done, 0)))).isFalse();

        assertThat(editor.draft().connections().all()).containsExactly(
                new Connection("Manual Trigger", "main", 0, "If", 0),
                new Connection("If", "main", 1, "No Operation", 0));
        assertThat(WorkflowJson.connectionsToMap(editor.draft().connections()).get("If").toString())
                .as("output 0 (true) stays an empty list, as n8n writes it").isEqualTo("{main=[[], [{node=No Operation, type=main, index=0}]]}");
    }

    @Test
    void deletingANodeTakesItsConnectionsAndPinnedDataWithIt() {
        String trigger = add("switchboard.manualTrigger", 0);
        String set = add("switchboard.set", 200);
        String done = add("switchboard.noOp", 400);
        editor.apply(new CanvasEdit.Connect(new CanvasGraph.Edge(trigger, 0, set, 0)));
        editor.apply(new CanvasEdit.Connect(new CanvasGraph.Edge(set, 0, done, 0)));
        editor.pin("Edit Fields (Set)", List.of(Map.of("json", Map.of("a", 1))));

        editor.apply(new CanvasEdit.Delete(List.of(set), List.of()));

        assertThat(editor.draft().nodes()).extracting(WorkflowNode::name).containsExactly("Manual Trigger", "No Operation");
        assertThat(editor.draft().connections().all()).isEmpty();
        assertThat(editor.draft().pinData()).isEmpty();
    }

    @Test
    void deletingAConnectionKeepsTheNodes() {
        String trigger = add("switchboard.manualTrigger", 0);
        String done = add("switchboard.noOp", 400);
        editor.apply(new CanvasEdit.Connect(new CanvasGraph.Edge(trigger, 0, done, 0)));

        editor.apply(new CanvasEdit.Delete(List.of(), List.of(new CanvasGraph.Edge(trigger, 0, done, 0))));

        assertThat(editor.draft().nodes()).hasSize(2);
        assertThat(editor.draft().connections().all()).isEmpty();
    }

    @Test
    void everyChangeCanBeUndoneAndRedoneAndANewChangeDropsTheRedoneOnes() {
        String trigger = add("switchboard.manualTrigger", 0);
        editor.apply(new CanvasEdit.Move(List.of(new CanvasEdit.Position(trigger, 50, 60))));
        assertThat(editor.draft().nodes().get(0).x()).isEqualTo(50);

        assertThat(editor.apply(new CanvasEdit.Undo())).isTrue();
        assertThat(editor.draft().nodes().get(0).x()).isZero();
        assertThat(editor.apply(new CanvasEdit.Undo())).isTrue();
        assertThat(editor.draft().nodes()).isEmpty();
        assertThat(editor.apply(new CanvasEdit.Undo())).as("nothing left to undo").isFalse();

        assertThat(editor.apply(new CanvasEdit.Redo())).isTrue();
        assertThat(editor.draft().nodes()).hasSize(1);
        add("switchboard.noOp", 300);
        assertThat(editor.canRedo()).isFalse();
    }

    @Test
    void renamingANodeCarriesItsConnectionsAndRefusesATakenName() {
        String trigger = add("switchboard.manualTrigger", 0);
        String done = add("switchboard.noOp", 400);
        editor.apply(new CanvasEdit.Connect(new CanvasGraph.Edge(trigger, 0, done, 0)));
        WorkflowNode node = editor.nodeById(done).orElseThrow();

        editor.replaceNode("No Operation", rename(node, "Finish"));

        assertThat(editor.draft().connections().all()).containsExactly(new Connection("Manual Trigger", "main", 0, "Finish", 0));
        assertThatThrownBy(() -> editor.replaceNode("Finish", rename(node, "Manual Trigger")))
                .isInstanceOf(DraftEditor.EditException.class).hasMessageContaining("already a node named \"Manual Trigger\"");
    }

    @Test
    void pastingN8nClipboardJsonAddsTheNodesWithFreeNamesNewIdsAndTheirConnections() {
        add("switchboard.manualTrigger", 0);
        String clipboard = """
                {"nodes": [
                   {"parameters": {}, "id": "x1", "name": "Manual Trigger", "type": "n8n-nodes-base.manualTrigger",
                    "typeVersion": 1, "position": [0, 100]},
                   {"parameters": {"assignments": {"assignments": [{"name": "a", "value": "1", "type": "string"}]}},
                    "id": "x2", "name": "Set", "type": "n8n-nodes-base.set", "typeVersion": 3.4, "position": [220, 100]}],
                 "connections": {"Manual Trigger": {"main": [[{"node": "Set", "type": "main", "index": 0}]]}}}
                """;

        editor.apply(new CanvasEdit.Paste(clipboard));

        List<WorkflowNode> nodes = editor.draft().nodes();
        assertThat(nodes).extracting(WorkflowNode::name).containsExactly("Manual Trigger", "Manual Trigger1", "Set");
        assertThat(nodes.get(1).id()).isNotEqualTo("x1");
        assertThat(nodes.get(1).x()).as("moved off the original it overlaps").isEqualTo(40);
        assertThat(editor.draft().connections().all()).containsExactly(new Connection("Manual Trigger1", "main", 0, "Set", 0));
        assertThat(nodes.get(2).parameters()).containsKey("assignments");
    }

    @Test
    void pastedTextThatIsNotNodesIsRefusedAndChangesNothing() {
        add("switchboard.manualTrigger", 0);
        Workflow before = editor.draft();

        assertThatThrownBy(() -> editor.apply(new CanvasEdit.Paste("hello there")))
                .isInstanceOf(DraftEditor.EditException.class).hasMessageContaining("not nodes");
        assertThatThrownBy(() -> editor.apply(new CanvasEdit.Paste("{\"a\": 1}")))
                .isInstanceOf(DraftEditor.EditException.class).hasMessageContaining("\"nodes\"");
        assertThat(editor.draft()).isEqualTo(before);
    }

    private static WorkflowNode rename(WorkflowNode n, String name) {
        return new WorkflowNode(n.id(), name, n.type(), n.typeVersion(), n.x(), n.y(), n.parameters(), n.credentials(),
                n.disabled(), n.notes(), n.retryOnFail(), n.maxTries(), n.waitBetweenTries(), n.onError(),
                n.alwaysOutputData(), n.executeOnce(), n.extra());
    }
}
