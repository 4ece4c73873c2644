package dev.switchboard.platform.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.switchboard.platform.TestNodes;
import dev.switchboard.platform.expression.JavaScriptEngine;
import dev.switchboard.platform.json.Json;
import dev.switchboard.platform.node.Item;
import dev.switchboard.platform.workflow.Workflow;

class WorkflowExecutorTest {

    private final WorkflowExecutor executor = new WorkflowExecutor(TestNodes.types(), JavaScriptEngine.shared());
    private final InMemoryRunJournal journal = new InMemoryRunJournal();
    private int runs;

    @BeforeEach
    void resetAttempts() {
        TestNodes.ATTEMPTS.clear();
    }

    @SafeVarargs
    private final RunResult run(Workflow w, Map<String, Object>... items) {
        List<Item> start = java.util.Arrays.stream(items)
                .map(m -> Item.of((Map<String, Object>) Json.normalize(Json.copy(m)))).toList();
        RunRequest request = RunRequest.manual("run-" + (++runs), w, start)
                .withClock(RunClock.virtual(Instant.parse("2024-05-01T10:00:00Z")))
                .withDefaultZone(ZoneId.of("UTC"));
        return executor.execute(request, journal);
    }

    private static List<String> order(RunResult r) {
        return r.runData().values().stream().flatMap(List::stream)
                .sorted(java.util.Comparator.comparingInt(Step::index)).map(Step::node).toList();
    }

    private static final String BRANCHES = """
            {'name': 'branches', 'nodes': [
              {'name': 'T', 'type': 'switchboard.manualTrigger', 'position': [0, 0], 'parameters': {}},
              {'name': 'If', 'type': 'switchboard.if', 'position': [200, 0], 'parameters': {'condition': '={{ $json.n > 1 }}'}},
              {'name': 'Low', 'type': 'switchboard.noOp', 'position': [400, 300], 'parameters': {}},
              {'name': 'Low2', 'type': 'switchboard.noOp', 'position': [600, 300], 'parameters': {}},
              {'name': 'High', 'type': 'switchboard.noOp', 'position': [400, -100], 'parameters': {}},
              {'name': 'High2', 'type': 'switchboard.noOp', 'position': [600, -100], 'parameters': {}}],
             'connections': {
              'T': {'main': [[{'node': 'If', 'type': 'main', 'index': 0}]]},
              'If': {'main': [[{'node': 'High', 'type': 'main', 'index': 0}], [{'node': 'Low', 'type': 'main', 'index': 0}]]},
              'Low': {'main': [[{'node': 'Low2', 'type': 'main', 'index': 0}]]},
              'High': {'main': [[{'node': 'High2', 'type': 'main', 'index': 0}]]}}}""";

    @Test
    void branchesRunTopToBottomAndEachBranchCompletesBeforeTheNext() {
        RunResult r = run(TestNodes.workflow(BRANCHES), Map.of("n", 1), Map.of("n", 2));
        assertThat(r.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(order(r)).containsExactly("T", "If", "High", "High2", "Low", "Low2");
        assertThat(r.output("High2")).extracting(i -> i.json().get("n")).containsExactly(2L);
        assertThat(r.output("Low2")).extracting(i -> i.json().get("n")).containsExactly(1L);
    }

    @Test
    void aBranchWithoutItemsDoesNotRun() {
        RunResult r = run(TestNodes.workflow(BRANCHES), Map.of("n", 5));
        assertThat(r.steps("Low")).isEmpty();
        assertThat(order(r)).containsExactly("T", "If", "High", "High2");
    }

    private static final String MERGE = """
            {'name': 'merge', 'nodes': [
              {'name': 'T', 'type': 'switchboard.manualTrigger', 'position': [0, 0], 'parameters': {}},
              {'name': 'A', 'type': 'switchboard.set', 'position': [200, -100], 'parameters': {'field': 'from', 'value': 'a'}},
              {'name': 'B', 'type': 'switchboard.set', 'position': [200, 100], 'parameters': {'field': 'from', 'value': 'b'}},
              {'name': 'M', 'type': 'switchboard.merge', 'position': [400, 0], 'parameters': {}}],
             'connections': {
              'T': {'main': [[{'node': 'A', 'type': 'main', 'index': 0}, {'node': 'B', 'type': 'main', 'index': 0}]]},
              'A': {'main': [[{'node': 'M', 'type': 'main', 'index': 0}]]},
              'B': {'main': [[{'node': 'M', 'type': 'main', 'index': 1}]]}}}""";

    @Test
    void aMergeWaitsForBothInputsAndRunsOnce() {
        RunResult r = run(TestNodes.workflow(MERGE));
        assertThat(order(r)).containsExactly("T", "A", "B", "M");
        assertThat(r.steps("M")).hasSize(1);
        assertThat(r.output("M")).extracting(i -> i.json().get("from")).containsExactly("a", "b");
        Step merge = r.steps("M").get(0);
        assertThat(merge.sources()).extracting(SourceRef::node).containsExactly("A", "B");
    }

    @Test
    void aMergeWhoseSecondInputNeverGetsItemsRunsWithWhatItHas() {
        Workflow w = TestNodes.workflow(MERGE.replace("'field': 'from', 'value': 'b'}}", "'field': 'from', 'value': 'b'}, 'disabled': false}")
                .replace("{'name': 'B', 'type': 'switchboard.set'", "{'name': 'B', 'type': 'switchboard.if', 'parameters2': 1")
                .replace("'parameters2': 1, 'position': [200, 100], 'parameters': {'field': 'from', 'value': 'b'}",
                        "'position': [200, 100], 'parameters': {'condition': false}"));
        RunResult r = run(w);
        assertThat(r.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(r.output("M")).extracting(i -> i.json().get("from")).containsExactly("a");
    }

    private static Workflow single(String nodeJson) {
        return TestNodes.workflow("""
                {'name': 'single', 'nodes': [
                  {'name': 'T', 'type': 'switchboard.manualTrigger', 'position': [0, 0], 'parameters': {}},
                  NODE,
                  {'name': 'After', 'type': 'switchboard.noOp', 'position': [400, 0], 'parameters': {}}],
                 'connections': {'T': {'main': [[{'node': 'X', 'type': 'main', 'index': 0}]]},
                                 'X': {'main': [[{'node': 'After', 'type': 'main', 'index': 0}],
                                                [{'node': 'After', 'type': 'main', 'index': 0}]]}}}""".replace("NODE", nodeJson));
    }

    @Test
    void retriesUntilTheNodeSucceedsWaitingBetweenTries() {
        RunResult r = run(single("{'name': 'X', 'type': 'switchboard.stopAndError', 'position': [200, 0], 'retryOnFail': true, 'maxTries': 3, 'waitBetweenTries': 2000, 'parameters': {'failures': 2}}"));
        assertThat(r.status()).isEqualTo(RunStatus.SUCCEEDED);
        Step x = r.steps("X").get(0);
        assertThat(x.attempts()).isEqualTo(3);
        assertThat(x.durationMillis()).isEqualTo(4000);
        assertThat(x.logs()).hasSize(2).allMatch(l -> l.contains("retrying in 2000 ms"));
    }

    @Test
    void failsAfterTheLastTryWithTheNodeNamed() {
        RunResult r = run(single("{'name': 'X', 'type': 'switchboard.stopAndError', 'position': [200, 0], 'retryOnFail': true, 'maxTries': 2, 'waitBetweenTries': 0, 'parameters': {'failures': 5}}"));
        assertThat(r.status()).isEqualTo(RunStatus.FAILED);
        assertThat(r.error().node()).isEqualTo("X");
        assertThat(r.error().message()).isEqualTo("planned failure 2");
        assertThat(r.error().itemIndex()).isZero();
        assertThat(r.steps("After")).isEmpty();
    }

    @Test
    void continueRegularOutputPassesTheInputOn() {
        RunResult r = run(single("{'name': 'X', 'type': 'switchboard.stopAndError', 'position': [200, 0], 'onError': 'continueRegularOutput', 'parameters': {}}"),
                Map.of("k", 1));
        assertThat(r.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(r.steps("X").get(0).status()).isEqualTo(StepStatus.FAILED);
        assertThat(r.output("After")).extracting(i -> i.json()).containsExactly(Map.of("k", 1L));
    }

    @Test
    void continueErrorOutputSendsTheFailedItemsWithTheErrorToTheExtraOutput() {
        RunResult r = run(single("{'name': 'X', 'type': 'switchboard.stopAndError', 'position': [200, 0], 'onError': 'continueErrorOutput', 'parameters': {}}"),
                Map.of("k", 1));
        assertThat(r.status()).isEqualTo(RunStatus.SUCCEEDED);
        Step x = r.steps("X").get(0);
        assertThat(x.outputs()).hasSize(2);
        assertThat(x.outputs().get(0)).isEmpty();
        assertThat(x.outputs().get(1)).extracting(Item::json)
                .containsExactly(Map.of("k", 1L, "error", "planned failure 1"));
    }

    @Test
    void stopWorkflowIsTheDefault() {
        RunResult r = run(single("{'name': 'X', 'type': 'switchboard.stopAndError', 'position': [200, 0], 'parameters': {}}"));
        assertThat(r.status()).isEqualTo(RunStatus.FAILED);
        assertThat(r.steps("X").get(0).attempts()).isEqualTo(1);
    }

    @Test
    void alwaysOutputDataGivesOneEmptyItemWhenTheNodeOutputsNothing() {
        RunResult r = run(single("{'name': 'X', 'type': 'switchboard.if', 'position': [200, 0], 'alwaysOutputData': true, 'parameters': {'condition': false}}"));
        // the false output has the item; the rule applies only when every output is empty
        assertThat(r.steps("X").get(0).outputs().get(1)).hasSize(1);
        RunResult empty = run(TestNodes.workflow("""
                {'name': 'w', 'nodes': [
                  {'name': 'T', 'type': 'switchboard.manualTrigger', 'position': [0, 0], 'parameters': {}},
                  {'name': 'If', 'type': 'switchboard.if', 'position': [200, 0], 'parameters': {'condition': false}},
                  {'name': 'X', 'type': 'switchboard.noOp', 'position': [400, 0], 'alwaysOutputData': true, 'parameters': {}}],
                 'connections': {'T': {'main': [[{'node': 'If', 'type': 'main', 'index': 0}]]},
                                 'If': {'main': [[{'node': 'X', 'type': 'main', 'index': 0}]]}}}"""));
        assertThat(empty.steps("X")).isEmpty();
    }

    @Test
    void executeOnceRunsTheNodeOnTheFirstItemOnly() {
        RunResult r = run(single("{'name': 'X', 'type': 'switchboard.noOp', 'position': [200, 0], 'executeOnce': true, 'parameters': {}}"),
                Map.of("i", 1), Map.of("i", 2), Map.of("i", 3));
        assertThat(r.output("X")).extracting(i -> i.json().get("i")).containsExactly(1L);
    }

    @Test
    void aDisabledNodePassesItsInputThrough() {
        RunResult r = run(single("{'name': 'X', 'type': 'switchboard.set', 'position': [200, 0], 'disabled': true, 'parameters': {'field': 'f', 'value': 'v'}}"),
                Map.of("i", 1));
        assertThat(r.steps("X").get(0).status()).isEqualTo(StepStatus.SKIPPED);
        assertThat(r.output("After")).extracting(Item::json).containsExactly(Map.of("i", 1L));
    }

    @Test
    void pinnedDataReplacesTheNodesExecutionUnlessIgnored() {
        Workflow w = TestNodes.workflow("""
                {'name': 'pinned', 'nodes': [
                  {'name': 'T', 'type': 'switchboard.manualTrigger', 'position': [0, 0], 'parameters': {}},
                  {'name': 'X', 'type': 'switchboard.set', 'position': [200, 0], 'parameters': {'field': 'f', 'value': 'live'}}],
                 'connections': {'T': {'main': [[{'node': 'X', 'type': 'main', 'index': 0}]]}},
                 'pinData': {'X': [{'json': {'f': 'pinned'}}]}}""");
        assertThat(run(w).output("X")).extracting(i -> i.json().get("f")).containsExactly("pinned");
        RunResult live = executor.execute(RunRequest.manual("live", w, List.of()).withPinData(false), journal);
        assertThat(live.output("X")).extracting(i -> i.json().get("f")).containsExactly("live");
    }

    @Test
    void aDisabledNodeIgnoresItsPinnedData() {
        Workflow w = TestNodes.workflow("""
                {'name': 'pinned', 'nodes': [
                  {'name': 'T', 'type': 'switchboard.manualTrigger', 'position': [0, 0], 'parameters': {}},
                  {'name': 'X', 'type': 'switchboard.set', 'position': [200, 0], 'disabled': true, 'parameters': {'field': 'f', 'value': 'live'}}],
                 'connections': {'T': {'main': [[{'node': 'X', 'type': 'main', 'index': 0}]]}},
                 'pinData': {'X': [{'json': {'f': 'pinned'}}]}}""");
        assertThat(run(w, Map.of("i", 1L)).output("X")).extracting(Item::json).containsExactly(Map.of("i", 1L));
    }

    @Test
    void inTheLegacyOrderAMergeWhoseOtherInputNeverArrivesStillRuns() {
        Workflow w = TestNodes.workflow(MERGE.replace("{'name': 'merge', 'nodes'", "{'name': 'merge', 'settings': {'executionOrder': 'v0'}, 'nodes'")
                .replace("{'name': 'B', 'type': 'switchboard.set', 'position': [200, 100], 'parameters': {'field': 'from', 'value': 'b'}}",
                        "{'name': 'B', 'type': 'switchboard.if', 'position': [200, 100], 'parameters': {'condition': false}}"));
        RunResult r = run(w);
        assertThat(r.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(r.output("M")).extracting(i -> i.json().get("from")).containsExactly("a");
    }

    @Test
    void expressionsSeeEarlierNodesThroughLineage() {
        Workflow w = dev.switchboard.platform.workflow.WorkflowJson.read("""
                {"name": "lineage", "nodes": [
                  {"name": "T", "type": "switchboard.manualTrigger", "position": [0, 0], "parameters": {}},
                  {"name": "A", "type": "switchboard.set", "position": [200, 0], "parameters": {"field": "a", "value": "={{ $json.n * 10 }}"}},
                  {"name": "If", "type": "switchboard.if", "position": [400, 0], "parameters": {"condition": "={{ $json.n !== 2 }}"}},
                  {"name": "B", "type": "switchboard.set", "position": [600, 0], "parameters": {"field": "fromA", "value": "={{ $('A').item.json.a }}"}},
                  {"name": "C", "type": "switchboard.set", "position": [800, 0], "parameters": {"field": "legacy", "value": "={{ $node[\\"A\\"].json.a }}"}}],
                 "connections": {"T": {"main": [[{"node": "A", "type": "main", "index": 0}]]},
                                 "A": {"main": [[{"node": "If", "type": "main", "index": 0}]]},
                                 "If": {"main": [[{"node": "B", "type": "main", "index": 0}]]},
                                 "B": {"main": [[{"node": "C", "type": "main", "index": 0}]]}}}""");
        RunResult r = run(w, Map.of("n", 1), Map.of("n", 2), Map.of("n", 3));
        assertThat(r.status()).as(String.valueOf(r.error())).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(r.output("B")).extracting(i -> i.json().get("fromA")).containsExactly(10L, 30L);
        // $node["A"].json reads A's item at the same index, not the paired one (as in n8n)
        assertThat(r.output("C")).extracting(i -> i.json().get("legacy")).containsExactly(10L, 20L);
        assertThat(r.output("B")).allSatisfy(i -> assertThat(i.pairedItem()).isNotEmpty());
    }

    @Test
    void anExpressionThatThrowsNamesTheNodeTheParameterAndTheItem() {
        RunResult r = run(single("{'name': 'X', 'type': 'switchboard.set', 'position': [200, 0], 'parameters': {'field': 'f', 'value': '={{ $json.a.b.c }}'}}"),
                Map.of("a", Map.of("b", 1)), Map.of("z", 1));
        assertThat(r.status()).isEqualTo(RunStatus.FAILED);
        assertThat(r.error().node()).isEqualTo("X");
        assertThat(r.error().parameter()).isEqualTo("value");
        assertThat(r.error().itemIndex()).isEqualTo(1);
        assertThat(r.error().message()).contains("Cannot read");
        assertThat(r.error().describe()).startsWith("node \"X\", parameter \"value\", item 1: ");
    }

    @Test
    void theLoopNodeRunsItsLoopBackUntilEveryItemIsDone() {
        Workflow w = TestNodes.workflow("""
                {'name': 'loop', 'nodes': [
                  {'name': 'T', 'type': 'switchboard.manualTrigger', 'position': [0, 0], 'parameters': {}},
                  {'name': 'Loop', 'type': 'switchboard.splitInBatches', 'typeVersion': 3, 'position': [200, 0], 'parameters': {}},
                  {'name': 'Body', 'type': 'switchboard.set', 'position': [400, 100], 'parameters': {'field': 'seen', 'value': '={{ $runIndex }}'}},
                  {'name': 'Done', 'type': 'switchboard.noOp', 'position': [400, -100], 'parameters': {}}],
                 'connections': {'T': {'main': [[{'node': 'Loop', 'type': 'main', 'index': 0}]]},
                                 'Loop': {'main': [[{'node': 'Done', 'type': 'main', 'index': 0}], [{'node': 'Body', 'type': 'main', 'index': 0}]]},
                                 'Body': {'main': [[{'node': 'Loop', 'type': 'main', 'index': 0}]]}}}""");
        RunResult r = run(w, Map.of("i", 1), Map.of("i", 2), Map.of("i", 3));
        assertThat(r.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(r.steps("Loop")).hasSize(4);
        assertThat(r.steps("Body")).hasSize(3);
        assertThat(r.output("Done")).extracting(i -> i.json().get("seen")).containsExactly(0L, 1L, 2L);
    }

    @Test
    void theExecutionTimeoutStopsTheRun() {
        Workflow w = TestNodes.workflow("""
                {'name': 'slow', 'settings': {'executionTimeout': 5}, 'nodes': [
                  {'name': 'T', 'type': 'switchboard.manualTrigger', 'position': [0, 0], 'parameters': {}},
                  {'name': 'Wait', 'type': 'switchboard.wait', 'position': [200, 0], 'parameters': {'seconds': 10}},
                  {'name': 'After', 'type': 'switchboard.noOp', 'position': [400, 0], 'parameters': {}}],
                 'connections': {'T': {'main': [[{'node': 'Wait', 'type': 'main', 'index': 0}]]},
                                 'Wait': {'main': [[{'node': 'After', 'type': 'main', 'index': 0}]]}}}""");
        RunResult r = run(w);
        assertThat(r.status()).isEqualTo(RunStatus.FAILED);
        assertThat(r.error().message()).contains("execution timeout of 5 s");
        assertThat(r.steps("After")).isEmpty();
    }

    @Test
    void everyFinishedStepIsInTheJournalInOrder() {
        RunResult r = run(TestNodes.workflow(BRANCHES), Map.of("n", 1), Map.of("n", 2));
        List<Step> steps = journal.steps(r.runId());
        assertThat(steps).extracting(Step::node).containsExactly("T", "If", "High", "High2", "Low", "Low2");
        assertThat(steps).extracting(Step::index).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(steps.get(1).inputs().get(0)).hasSize(2);
        assertThat(steps.get(1).outputs()).hasSize(2);
        assertThat(journal.status(r.runId())).isEqualTo(RunStatus.SUCCEEDED);
    }

    @Test
    void aRunResumesFromItsJournalAfterTheLastFinishedStepWithoutRerunningEarlierSteps() {
        Workflow w = TestNodes.workflow("""
                {'name': 'resume', 'nodes': [
                  {'name': 'T', 'type': 'switchboard.manualTrigger', 'position': [0, 0], 'parameters': {}},
                  {'name': 'Once', 'type': 'switchboard.stopAndError', 'position': [200, 0], 'parameters': {'failures': 0}},
                  {'name': 'Flaky', 'type': 'switchboard.stopAndError', 'position': [400, 0], 'parameters': {'failures': 1}},
                  {'name': 'End', 'type': 'switchboard.noOp', 'position': [600, 0], 'parameters': {}}],
                 'connections': {'T': {'main': [[{'node': 'Once', 'type': 'main', 'index': 0}]]},
                                 'Once': {'main': [[{'node': 'Flaky', 'type': 'main', 'index': 0}]]},
                                 'Flaky': {'main': [[{'node': 'End', 'type': 'main', 'index': 0}]]}}}""");
        RunRequest request = RunRequest.manual("crash", w, List.of(Item.of(Map.of("x", 1L))));
        RunResult first = executor.execute(request, journal);
        assertThat(first.status()).isEqualTo(RunStatus.FAILED);
        // the process "crashed" in the failed step: forget it, keep the finished ones, start again
        journal.truncate("crash", 2);
        RunResult resumed = executor.execute(request, journal);
        assertThat(resumed.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(TestNodes.ATTEMPTS.get("Once").get()).isEqualTo(1);
        assertThat(TestNodes.ATTEMPTS.get("Flaky").get()).isEqualTo(2);
        assertThat(journal.steps("crash")).extracting(Step::node).containsExactly("T", "Once", "Flaky", "End");
        assertThat(resumed.output("End")).extracting(Item::json).containsExactly(Map.of("x", 1L));
    }

    /** A journal that notes when the executor waits for the writes on their way, among the steps it records. */
    private static final class WatchedJournal implements RunJournal {
        final InMemoryRunJournal stored = new InMemoryRunJournal();
        final List<String> events = new java.util.ArrayList<>();

        @Override
        public void stepFinished(String runId, Step step) {
            events.add(step.node());
            stored.stepFinished(runId, step);
        }

        @Override
        public List<Step> steps(String runId) {
            return stored.steps(runId);
        }

        @Override
        public void awaitWritten() {
            events.add("(all stored)");
        }
    }

    private static final String CHAIN = """
            {'name': 'chain', 'nodes': [
              {'name': 'T', 'type': 'switchboard.manualTrigger', 'position': [0, 0], 'parameters': {}},
              {'name': 'A', 'type': 'switchboard.set', 'position': [200, 0], 'parameters': {'field': 'a', 'value': '1'}},
              {'name': 'B', 'type': 'switchboard.if', 'position': [400, 0], 'parameters': {'condition': true}},
              {'name': 'Out', 'type': 'switchboard.noOp', 'position': [600, 0], 'parameters': {}},
              {'name': 'C', 'type': 'switchboard.set', 'position': [800, 0], 'parameters': {'field': 'c', 'value': '2'}}],
             'connections': {'T': {'main': [[{'node': 'A', 'type': 'main', 'index': 0}]]},
                             'A': {'main': [[{'node': 'B', 'type': 'main', 'index': 0}]]},
                             'B': {'main': [[{'node': 'Out', 'type': 'main', 'index': 0}]]},
                             'Out': {'main': [[{'node': 'C', 'type': 'main', 'index': 0}]]}}}""";

    @Test
    void nodesThatOnlyComputeRunWhileEarlierStepsAreOnTheirWayAndAnyOtherNodeWaitsForThemAll() {
        WorkflowExecutor computingSetAndIf = new WorkflowExecutor(dev.switchboard.platform.node.NodeTypes.of(List.of(
                TestNodes.TRIGGER, TestNodes.computing(TestNodes.SET), TestNodes.computing(TestNodes.BRANCH), TestNodes.PASS)),
                JavaScriptEngine.shared());
        WatchedJournal watched = new WatchedJournal();
        RunResult r = computingSetAndIf.execute(RunRequest.manual("chain", TestNodes.workflow(CHAIN),
                List.of(Item.of(Map.of("n", 1L)))), watched);
        assertThat(r.status()).isEqualTo(RunStatus.SUCCEEDED);
        // the trigger and the pass-through node may act outside the run: everything before them is stored first
        assertThat(watched.events).containsExactly("(all stored)", "T", "A", "B", "(all stored)", "Out", "C");
    }

    @Test
    void aRunResumesFromItsStepsWithoutAGapAndRunsTheStepsAfterAGapAgain() {
        Workflow w = TestNodes.workflow("""
                {'name': 'gap', 'nodes': [
                  {'name': 'T', 'type': 'switchboard.manualTrigger', 'position': [0, 0], 'parameters': {}},
                  {'name': 'One', 'type': 'switchboard.stopAndError', 'position': [200, 0], 'parameters': {'failures': 0}},
                  {'name': 'Two', 'type': 'switchboard.stopAndError', 'position': [400, 0], 'parameters': {'failures': 0}},
                  {'name': 'Three', 'type': 'switchboard.stopAndError', 'position': [600, 0], 'parameters': {'failures': 0}}],
                 'connections': {'T': {'main': [[{'node': 'One', 'type': 'main', 'index': 0}]]},
                                 'One': {'main': [[{'node': 'Two', 'type': 'main', 'index': 0}]]},
                                 'Two': {'main': [[{'node': 'Three', 'type': 'main', 'index': 0}]]}}}""");
        RunRequest request = RunRequest.manual("gap", w, List.of(Item.of(Map.of("x", 1L))));
        executor.execute(request, journal);
        // a crash stored step 3 but not step 2 (they travelled together)
        List<Step> stored = journal.steps("gap");
        RunJournal withGap = new RunJournal() {
            @Override
            public void stepFinished(String runId, Step step) {
                journal.stepFinished(runId, step);
            }

            @Override
            public List<Step> steps(String runId) {
                return List.of(stored.get(0), stored.get(1), stored.get(3));
            }
        };
        RunResult resumed = executor.execute(request, withGap);
        assertThat(resumed.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(TestNodes.ATTEMPTS.get("One").get()).isEqualTo(1);
        assertThat(TestNodes.ATTEMPTS.get("Two").get()).isEqualTo(2);
        assertThat(TestNodes.ATTEMPTS.get("Three").get()).isEqualTo(2);
        assertThat(journal.steps("gap")).extracting(Step::node).containsExactly("T", "One", "Two", "Three");
    }

    @Test
    void aLongWaitSuspendsTheRunAndItResumesFromTheJournal() throws Exception {
        Workflow w = TestNodes.workflow("""
                {'name': 'wait', 'nodes': [
                  {'name': 'T', 'type': 'switchboard.manualTrigger', 'position': [0, 0], 'parameters': {}},
                  {'name': 'Wait', 'type': 'switchboard.wait', 'position': [200, 0], 'parameters': {'seconds': 3600}},
                  {'name': 'After', 'type': 'switchboard.set', 'position': [400, 0], 'parameters': {'field': 'at', 'value': '={{ $now.toISO() }}'}}],
                 'connections': {'T': {'main': [[{'node': 'Wait', 'type': 'main', 'index': 0}]]},
                                 'Wait': {'main': [[{'node': 'After', 'type': 'main', 'index': 0}]]}}}""");
        RunClock clock = RunClock.virtual(Instant.parse("2024-05-01T10:00:00Z"));
        RunRequest request = RunRequest.manual("suspended", w, List.of()).withClock(clock)
                .withDefaultZone(ZoneId.of("UTC")).withInlineWaitMillis(5_000);
        RunResult waiting = executor.execute(request, journal);
        assertThat(waiting.status()).isEqualTo(RunStatus.WAITING);
        assertThat(waiting.resumeAt()).isEqualTo(Instant.parse("2024-05-01T11:00:00Z"));
        assertThat(journal.steps("suspended")).extracting(Step::status).containsExactly(StepStatus.SUCCEEDED, StepStatus.WAITING);
        clock.sleep(3_600_000);
        RunResult done = executor.execute(request, journal);
        assertThat(done.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(done.output("After")).extracting(i -> i.json().get("at")).containsExactly("2024-05-01T11:00:00.000Z");
        assertThat(journal.steps("suspended")).extracting(Step::status).containsOnly(StepStatus.SUCCEEDED);
    }

    @Test
    void aWaitingRunResumedBeforeItsTimeKeepsWaiting() throws Exception {
        Workflow w = TestNodes.workflow("""
                {'name': 'wait', 'nodes': [
                  {'name': 'T', 'type': 'switchboard.manualTrigger', 'position': [0, 0], 'parameters': {}},
                  {'name': 'Wait', 'type': 'switchboard.wait', 'position': [200, 0], 'parameters': {'seconds': 3600}},
                  {'name': 'After', 'type': 'switchboard.noOp', 'position': [400, 0], 'parameters': {}}],
                 'connections': {'T': {'main': [[{'node': 'Wait', 'type': 'main', 'index': 0}]]},
                                 'Wait': {'main': [[{'node': 'After', 'type': 'main', 'index': 0}]]}}}""");
        RunClock clock = RunClock.virtual(Instant.parse("2024-05-01T10:00:00Z"));
        RunRequest request = RunRequest.manual("early", w, List.of()).withClock(clock).withInlineWaitMillis(5_000);
        assertThat(executor.execute(request, journal).status()).isEqualTo(RunStatus.WAITING);
        clock.sleep(600_000);
        RunResult early = executor.execute(request, journal);
        assertThat(early.status()).isEqualTo(RunStatus.WAITING);
        assertThat(early.steps("After")).isEmpty();
        clock.sleep(3_000_000);
        assertThat(executor.execute(request, journal).status()).isEqualTo(RunStatus.SUCCEEDED);
    }

    @Test
    void aShortWaitHappensInsideTheRun() {
        Workflow w = TestNodes.workflow("""
                {'name': 'wait', 'nodes': [
                  {'name': 'T', 'type': 'switchboard.manualTrigger', 'position': [0, 0], 'parameters': {}},
                  {'name': 'Wait', 'type': 'switchboard.wait', 'position': [200, 0], 'parameters': {'seconds': 2}}],
                 'connections': {'T': {'main': [[{'node': 'Wait', 'type': 'main', 'index': 0}]]}}}""");
        RunResult r = run(w);
        assertThat(r.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(r.steps("Wait").get(0).status()).isEqualTo(StepStatus.SUCCEEDED);
    }
}
