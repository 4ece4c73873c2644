package dev.switchboard.platform.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.switchboard.platform.TestNodes;
import dev.switchboard.platform.engine.LocalEngine;
import dev.switchboard.platform.expression.JavaScriptEngine;

/** Every problem the validator reports names the node and the field. */
class WorkflowValidatorTest {

    private final LocalEngine engine = new LocalEngine(TestNodes.types(), JavaScriptEngine.shared());

    private List<String> problems(String singleQuotedJson) {
        return engine.validate(TestNodes.workflow(singleQuotedJson)).stream().map(Problem::toString).toList();
    }

    private static String wf(String nodes, String connections) {
        return "{'name': 'w', 'nodes': [{'name': 'T', 'type': 'n8n-nodes-base.manualTrigger', 'position': [0, 0], 'parameters': {}}, "
                + nodes + "], 'connections': {" + connections + "}}";
    }

    private static final String T_TO_A = "'T': {'main': [[{'node': 'A', 'type': 'main', 'index': 0}]]}";

    @Test
    void aValidWorkflowHasNoProblems() {
        assertThat(problems(wf("{'name': 'A', 'type': 'switchboard.set', 'position': [1, 0], 'parameters': {'field': 'x', 'value': '={{ $json.a }}'}}", T_TO_A)))
                .isEmpty();
    }

    @Test
    void unknownTypesAndVersions() {
        assertThat(problems(wf("{'name': 'A', 'type': 'n8n-nodes-base.telepathy', 'position': [1, 0], 'parameters': {}},"
                + "{'name': 'B', 'type': 'switchboard.set', 'typeVersion': 0.5, 'position': [2, 0], 'parameters': {'field': 'x'}}", T_TO_A)))
                .contains("error: node \"A\", field \"type\": unknown node type \"n8n-nodes-base.telepathy\"",
                        "error: node \"B\", field \"typeVersion\": version 0.5 of \"switchboard.set\" is not supported (supported: 1, 2)");
    }

    @Test
    void duplicateNames() {
        assertThat(problems(wf("{'name': 'T', 'type': 'switchboard.noOp', 'position': [1, 0], 'parameters': {}}", "")))
                .contains("error: node \"T\", field \"name\": two nodes are named \"T\"; node names must be unique");
    }

    @Test
    void connectionsToMissingNodesOutputsAndInputs() {
        assertThat(problems(wf("{'name': 'A', 'type': 'switchboard.noOp', 'position': [1, 0], 'parameters': {}}",
                "'T': {'main': [[{'node': 'Ghost', 'type': 'main', 'index': 0}], [{'node': 'A', 'type': 'main', 'index': 0}]]},"
                        + "'A': {'main': [[{'node': 'A2', 'type': 'main', 'index': 0}]]}, 'Nobody': {'main': [[]]},"
                        + "'X': {'main': [[{'node': 'T', 'type': 'main', 'index': 0}]]}")))
                .contains("error: node \"T\", field \"connections.main[0]\": connects to a node \"Ghost\" that is not in the workflow",
                        "error: node \"T\", field \"connections.main[1]\": output 1 does not exist: the node has 1 output",
                        "error: node \"A\", field \"connections.main[0]\": connects to a node \"A2\" that is not in the workflow");
        assertThat(problems(wf("{'name': 'A', 'type': 'switchboard.noOp', 'position': [1, 0], 'parameters': {}},"
                        + "{'name': 'B', 'type': 'switchboard.noOp', 'position': [1, 0], 'parameters': {}}",
                "'T': {'main': [[{'node': 'A', 'type': 'main', 'index': 1}, {'node': 'B', 'type': 'main', 'index': 0}]]},"
                        + "'B': {'main': [[{'node': 'T', 'type': 'main', 'index': 0}]]}")))
                .contains("error: node \"A\", field \"inputs\": the node takes 1 input but \"T\" connects to input 2",
                        "error: node \"T\", field \"inputs\": a Trigger node starts runs and takes no input, but \"B\" connects to it");
    }

    @Test
    void theErrorOutputExistsOnlyWithContinueErrorOutput() {
        String conn = "'T': {'main': [[{'node': 'A', 'type': 'main', 'index': 0}]]}, 'A': {'main': [[], [{'node': 'B', 'type': 'main', 'index': 0}]]}";
        String b = "{'name': 'B', 'type': 'switchboard.noOp', 'position': [2, 0], 'parameters': {}}";
        assertThat(problems(wf("{'name': 'A', 'type': 'switchboard.noOp', 'position': [1, 0], 'parameters': {}}," + b, conn)))
                .contains("error: node \"A\", field \"connections.main[1]\": output 1 does not exist: the node has 1 output");
        assertThat(problems(wf("{'name': 'A', 'type': 'switchboard.noOp', 'onError': 'continueErrorOutput', 'position': [1, 0], 'parameters': {}}," + b, conn)))
                .isEmpty();
    }

    @Test
    void missingRequiredParameters() {
        assertThat(problems(wf("{'name': 'A', 'type': 'switchboard.set', 'position': [1, 0], 'parameters': {'value': 'v'}}", T_TO_A)))
                .containsExactly("error: node \"A\", field \"parameters.field\": \"Field\" is required");
    }

    @Test
    void expressionSyntaxErrors() {
        assertThat(problems(wf("{'name': 'A', 'type': 'switchboard.set', 'position': [1, 0], 'parameters': {'field': 'x', 'value': '={{ $json.a + }}'}}", T_TO_A)))
                .singleElement().asString().startsWith("error: node \"A\", field \"parameters.value\": expression error: invalid syntax");
        assertThat(problems(wf("{'name': 'A', 'type': 'switchboard.set', 'position': [1, 0], 'parameters': {'field': 'x', 'value': '={{ $json.a '}}", T_TO_A)))
                .singleElement().asString().contains("without a matching");
    }

    @Test
    void aCycleMustPassThroughALoopNode() {
        String nodes = "{'name': 'A', 'type': 'switchboard.noOp', 'position': [1, 0], 'parameters': {}},"
                + "{'name': 'B', 'type': 'switchboard.noOp', 'position': [2, 0], 'parameters': {}}";
        assertThat(problems(wf(nodes, T_TO_A + ", 'A': {'main': [[{'node': 'B', 'type': 'main', 'index': 0}]]},"
                + "'B': {'main': [[{'node': 'A', 'type': 'main', 'index': 0}]]}")))
                .contains("error: node \"A\", field \"connections\": the connections form a cycle (A → B) that does not pass "
                        + "through a Loop Over Items (splitInBatches) node, so it would never end");
        String loop = "{'name': 'Loop', 'type': 'switchboard.splitInBatches', 'typeVersion': 3, 'position': [1, 0], 'parameters': {}},"
                + "{'name': 'Body', 'type': 'switchboard.noOp', 'position': [2, 0], 'parameters': {}}";
        assertThat(problems(wf(loop, "'T': {'main': [[{'node': 'Loop', 'type': 'main', 'index': 0}]]},"
                + "'Loop': {'main': [[], [{'node': 'Body', 'type': 'main', 'index': 0}]]},"
                + "'Body': {'main': [[{'node': 'Loop', 'type': 'main', 'index': 0}]]}"))).isEmpty();
    }

    @Test
    void nodesNoTriggerReachesAreWarnings() {
        List<Problem> found = engine.validate(TestNodes.workflow(wf("{'name': 'Orphan', 'type': 'switchboard.noOp', 'position': [1, 0], 'parameters': {}}", "")));
        assertThat(found).singleElement().satisfies(p -> {
            assertThat(p.isError()).isFalse();
            assertThat(p.toString()).isEqualTo("warning: node \"Orphan\": no trigger reaches this node, so it never runs");
        });
    }

    @Test
    void severalSourcesIntoOneInputIsAWarning() {
        String nodes = "{'name': 'A', 'type': 'switchboard.if', 'position': [1, 0], 'parameters': {}},"
                + "{'name': 'B', 'type': 'switchboard.noOp', 'position': [2, 0], 'parameters': {}},"
                + "{'name': 'C', 'type': 'switchboard.noOp', 'position': [2, 0], 'parameters': {}}";
        List<Problem> found = engine.validate(TestNodes.workflow(wf(nodes, T_TO_A
                + ", 'A': {'main': [[{'node': 'C', 'type': 'main', 'index': 0}], [{'node': 'B', 'type': 'main', 'index': 0}]]},"
                + "'B': {'main': [[{'node': 'C', 'type': 'main', 'index': 0}]]}")));
        assertThat(found).singleElement().satisfies(p -> {
            assertThat(p.isError()).isFalse();
            assertThat(p.node()).isEqualTo("C");
            assertThat(p.message()).contains("several nodes (A, B)");
        });
    }
}
