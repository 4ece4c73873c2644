package dev.switchboard.platform.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.switchboard.platform.TestNodes;
import dev.switchboard.platform.expression.JavaScriptEngine;
import dev.switchboard.platform.node.Item;
import dev.switchboard.platform.paging.Page;
import dev.switchboard.platform.run.RunClock;
import dev.switchboard.platform.run.RunFilter;
import dev.switchboard.platform.run.RunJournal;
import dev.switchboard.platform.run.RunRecord;
import dev.switchboard.platform.run.RunRequest;
import dev.switchboard.platform.run.RunResult;
import dev.switchboard.platform.run.RunStatus;
import dev.switchboard.platform.run.RunWorker;
import dev.switchboard.platform.run.Step;
import dev.switchboard.platform.run.StepError;
import dev.switchboard.platform.run.SubWorkflowLoader;
import dev.switchboard.platform.run.WorkflowExecutor;
import dev.switchboard.platform.workflow.Workflow;

/** Runs in the embedded MongoDB: created once per key, claimed by one worker, resumed after a crash. */
class MongoRunStoreTest {

    private final MongoConnection connection = MongoConnection.inMemory();
    private final MongoRunStore store = new MongoRunStore(connection);
    private final Instant t0 = Instant.parse("2024-06-01T08:00:00Z");

    @BeforeEach
    void reset() {
        TestNodes.ATTEMPTS.clear();
    }

    @AfterEach
    void close() {
        connection.close();
    }

    private RunRecord queued(String id, String key) {
        return RunRecord.queued(id, "wf-1", 1, "Invoices", "trigger", key, null,
                List.of(Item.of(Map.of("n", 1L))), t0.plusSeconds(id.hashCode() % 100));
    }

    @Test
    void aTriggerKeyMakesOneRunHoweverOftenItFires() {
        RunRecord first = store.create(queued("r1", "schedule:wf-1:2024-06-01T08:00Z"));
        RunRecord again = store.create(queued("r2", "schedule:wf-1:2024-06-01T08:00Z"));
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(store.list(RunFilter.all(), Page.Request.first(10)).total()).isEqualTo(1);
        assertThat(first.input()).extracting(Item::json).containsExactly(Map.of("n", 1L));
    }

    @Test
    void eightWorkersClaimingEighteenRunsGetEachRunExactlyOnce() throws Exception {
        for (int i = 0; i < 18; i++) {
            store.create(queued("run-" + i, null));
        }
        List<String> claimed = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int w = 0; w < 8; w++) {
            String worker = "worker-" + w;
            pool.submit(() -> {
                Optional<RunRecord> r;
                while ((r = store.claim(worker, t0.plusSeconds(1000), Duration.ofMinutes(1))).isPresent()) {
                    claimed.add(r.get().id());
                }
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        assertThat(claimed).hasSize(18).doesNotHaveDuplicates();
    }

    @Test
    void aFinishedRunKeepsOnlyTheFirstItemsOfAnOversizedStepWithTheCounts() {
        MongoRunStore small = new MongoRunStore(connection).maxStepData(2_000);
        small.create(queued("big", null));
        List<Item> many = new java.util.ArrayList<>();
        for (int i = 0; i < 500; i++) {
            many.add(Item.of(Map.of("n", (long) i, "text", "x".repeat(40))));
        }
        Step step = new Step(0, "Make", 0, dev.switchboard.platform.run.StepStatus.SUCCEEDED, t0, t0, 1, List.of(many),
                java.util.Collections.singletonList(null), List.of(many), null, List.of(), null, null);
        small.stepFinished("big", step);
        small.claim("w", t0.plusSeconds(1000), Duration.ofMinutes(1));
        assertThat(small.steps("big").get(0).outputs().get(0)).as("whole while the run goes on").hasSize(500);

        small.release("big", "w", RunStatus.SUCCEEDED, null, null, t0.plusSeconds(1001));
        Step stored = small.steps("big").get(0);
        assertThat(stored.outputs().get(0)).hasSizeBetween(1, 20)
                .first().extracting(Item::json).isEqualTo(Map.of("n", 0L, "text", "x".repeat(40)));
        assertThat(stored.nodeState()).extractingByKey("switchboard.truncated")
                .isEqualTo(Map.of("itemsIn", List.of(500), "itemsOut", List.of(500)));
        small.close();
    }

    @Test
    void aStepWrittenAgainUnderItsIndexReplacesTheFirstAndLeavesOutWhatItDoesNotHave() {
        store.create(queued("again", null));
        Step waiting = new Step(0, "Wait", 0, dev.switchboard.platform.run.StepStatus.WAITING, t0, t0, 1,
                List.of(List.of(Item.of(Map.of("n", 1L)))), java.util.Collections.singletonList(null), null, null,
                List.of("waiting for a decision"), null, t0.plusSeconds(60));
        store.stepFinished("again", waiting);
        Step done = new Step(0, "Wait", 0, dev.switchboard.platform.run.StepStatus.SUCCEEDED, t0, t0.plusSeconds(60), 1,
                List.of(List.of(Item.of(Map.of("n", 1L)))), java.util.Collections.singletonList(null),
                List.of(List.of(Item.of(Map.of("n", 2L)))), null, List.of(), null, null);
        store.stepFinished("again", done);

        assertThat(store.steps("again")).singleElement().satisfies(s -> {
            assertThat(s.status()).isEqualTo(dev.switchboard.platform.run.StepStatus.SUCCEEDED);
            assertThat(s.outputs().get(0).get(0).json()).isEqualTo(Map.of("n", 2L));
            assertThat(s.logs()).isEmpty();
            assertThat(s.resumeAt()).isNull();
            assertThat(s.usage()).isEmpty();
        });
        org.bson.Document stored = connection.database().getCollection("run_steps").find().first();
        assertThat(stored).doesNotContainKeys("error", "logs", "resumeAt", "usage").containsKeys("data", "itemsOut");
    }

    @Test
    void largeBinaryDataLivesInGridFsOnceAndComesBackWhole() {
        byte[] pdf = new byte[100_000];
        new java.util.Random(7).nextBytes(pdf);
        String base64 = java.util.Base64.getEncoder().encodeToString(pdf);
        Item invoice = new Item(Map.of("name", "invoice"), Map.of("data", Map.of("data", base64, "mimeType",
                "application/pdf", "fileName", "invoice.pdf")), null);
        store.create(RunRecord.queued("bin", "wf-1", 1, "Invoices", "trigger", null, null, List.of(invoice), t0));
        Step step = new Step(0, "Read", 0, dev.switchboard.platform.run.StepStatus.SUCCEEDED, t0, t0, 1,
                List.of(List.of(invoice)), java.util.Collections.singletonList(null), List.of(List.of(invoice, invoice)),
                null, List.of(), null, null);
        store.stepFinished("bin", step);

        var db = connection.database();
        assertThat(db.getCollection("binary.files").countDocuments()).as("one file for every copy in the run").isEqualTo(1);
        assertThat(db.getCollection("run_steps").find().first().getString("data")).doesNotContain(base64.substring(0, 100))
                .contains("gridfs:bin/");
        assertThat(db.getCollection("runs").find().first().getString("input")).doesNotContain(base64.substring(0, 100));

        Item back = store.steps("bin").get(0).outputs().get(0).get(1);
        assertThat(((Map<?, ?>) back.binary().get("data")).get("data")).isEqualTo(base64);
        assertThat(((Map<?, ?>) back.binary().get("data")).get("fileName")).isEqualTo("invoice.pdf");
        assertThat(((Map<?, ?>) store.get("bin").orElseThrow().input().get(0).binary().get("data")).get("data")).isEqualTo(base64);

        store.delete("bin");
        assertThat(db.getCollection("binary.files").countDocuments()).isZero();
        assertThat(db.getCollection("binary.chunks").countDocuments()).isZero();
    }

    @Test
    void anExpiredLeaseLetsAnotherWorkerTakeTheRunOver() {
        store.create(queued("r", null));
        assertThat(store.claim("a", t0, Duration.ofSeconds(30))).isPresent();
        assertThat(store.claim("b", t0.plusSeconds(10), Duration.ofSeconds(30))).isEmpty();
        assertThat(store.heartbeat("r", "a", t0.plusSeconds(60))).isTrue();
        assertThat(store.claim("b", t0.plusSeconds(45), Duration.ofSeconds(30))).isEmpty();
        RunRecord taken = store.claim("b", t0.plusSeconds(61), Duration.ofSeconds(30)).orElseThrow();
        assertThat(taken.worker()).isEqualTo("b");
        assertThat(store.heartbeat("r", "a", t0.plusSeconds(120))).isFalse();
    }

    /** A run as an instance's inline worker makes it: running, leased from its first write. */
    private RunRecord leasedTo(String id, String worker, Instant until) {
        return new RunRecord(id, "wf-1", 1, "Invoices", "webhook", null, null, List.of(Item.of(Map.of("n", 1L))),
                RunStatus.RUNNING, null, t0, t0, null, worker, until, null);
    }

    @Test
    void runsLeftBehindAreLookedForAtTheFirstClaimAndThenOnlyWhileAnInstanceIsDead() {
        try (MongoRunStore server = new MongoRunStore(connection, Duration.ofSeconds(10))) {
            Duration lease = Duration.ofSeconds(30);
            server.instanceAlive("x", t0.plusSeconds(30));
            server.instanceAlive("y", t0.plusSeconds(10_000));
            server.create(leasedTo("r1", "x-inline", t0.plusSeconds(30)));

            assertThat(server.claim("y-0", t0, lease)).as("r1's lease still runs").isEmpty();
            assertThat(server.claim("y-0", t0.plusSeconds(40), lease)).as("x stopped saying it is alive")
                    .get().extracting(RunRecord::id).isEqualTo("r1");
            server.release("r1", "y-0", RunStatus.SUCCEEDED, null, null, t0.plusSeconds(41));

            // a run whose lease ran out while every instance says it lives is not looked for (nothing died)
            server.instanceAlive("z", t0.plusSeconds(10_000));
            server.create(leasedTo("r2", "z-inline", t0.plusSeconds(50)));
            assertThat(server.claim("y-0", t0.plusSeconds(100), lease)).isEmpty();
            assertThat(connection.database().getCollection("instances").countDocuments())
                    .as("x's entry is gone a lease after it ran out").isEqualTo(2);

            server.instanceAlive("z", t0.plusSeconds(105));
            assertThat(server.claim("y-0", t0.plusSeconds(105), lease)).as("within the period: not looked").isEmpty();
            assertThat(server.claim("y-0", t0.plusSeconds(110), lease)).as("z's time ran out")
                    .get().extracting(RunRecord::id).isEqualTo("r2");
        }
    }

    @Test
    void aWaitingRunIsDueAtItsResumeTime() {
        store.create(queued("r", null));
        store.claim("a", t0, Duration.ofSeconds(30));
        store.release("r", "a", RunStatus.WAITING, null, t0.plusSeconds(3600), t0);
        assertThat(store.get("r").orElseThrow().status()).isEqualTo(RunStatus.WAITING);
        assertThat(store.claim("b", t0.plusSeconds(3599), Duration.ofSeconds(30))).isEmpty();
        assertThat(store.claim("b", t0.plusSeconds(3600), Duration.ofSeconds(30))).isPresent();
    }

    @Test
    void runsMadeInTheSameMillisecondPageEachExactlyOnce() {
        List<String> made = new java.util.ArrayList<>();
        for (int i = 0; i < 23; i++) {
            String id = dev.switchboard.platform.run.RunIds.next();
            made.add(id);
            store.create(RunRecord.queued(id, "wf-same", 1, "W", "manual", null, null, List.of(), t0));
        }
        List<String> paged = new java.util.ArrayList<>();
        for (int page = 0; page < 5; page++) {
            store.list(new RunFilter("wf-same", null, null, null), new Page.Request(page, 5)).items()
                    .forEach(r -> paged.add(r.id()));
        }
        assertThat(paged).as("ties on createdAt are ordered by id, newest first").containsExactlyElementsOf(made.reversed());
    }

    @Test
    void runsListNewestFirstWithFilters() {
        for (int i = 0; i < 5; i++) {
            store.create(RunRecord.queued("r" + i, i < 3 ? "wf-a" : "wf-b", 1, "W", "manual", null, null, List.of(),
                    t0.plusSeconds(i * 60L)));
        }
        store.claim("w", t0.plusSeconds(999), Duration.ofMinutes(1));
        store.release("r0", "w", RunStatus.FAILED, new StepError("boom", "Node", null, 2, null), null, t0.plusSeconds(999));
        assertThat(store.list(new RunFilter("wf-a", null, null, null), Page.Request.first(10)).items())
                .extracting(RunRecord::id).containsExactly("r2", "r1", "r0");
        assertThat(store.list(new RunFilter(null, RunStatus.FAILED, null, null), Page.Request.first(10)).items())
                .singleElement().satisfies(r -> {
                    assertThat(r.error().describe()).isEqualTo("node \"Node\", item 2: boom");
                    assertThat(r.finishedAt()).isNotNull();
                });
        assertThat(store.list(new RunFilter(null, null, t0.plusSeconds(60), t0.plusSeconds(180)), Page.Request.first(10))
                .items()).extracting(RunRecord::id).containsExactly("r2", "r1");
        Page<RunRecord> second = store.list(RunFilter.all(), new Page.Request(1, 2));
        assertThat(second.items()).extracting(RunRecord::id).containsExactly("r2", "r1");
        assertThat(second.total()).isEqualTo(5);
    }

    private static final String FLOW = """
            {'name': 'resume', 'nodes': [
              {'name': 'T', 'type': 'switchboard.manualTrigger', 'position': [0, 0], 'parameters': {}},
              {'name': 'Once', 'type': 'switchboard.stopAndError', 'position': [200, 0], 'parameters': {'failures': 0}},
              {'name': 'Loop', 'type': 'switchboard.splitInBatches', 'typeVersion': 3, 'position': [400, 0], 'parameters': {}},
              {'name': 'Body', 'type': 'switchboard.stopAndError', 'position': [600, 100], 'parameters': {'failures': 0}},
              {'name': 'Done', 'type': 'switchboard.noOp', 'position': [600, -100], 'parameters': {}}],
             'connections': {'T': {'main': [[{'node': 'Once', 'type': 'main', 'index': 0}]]},
                             'Once': {'main': [[{'node': 'Loop', 'type': 'main', 'index': 0}]]},
                             'Loop': {'main': [[{'node': 'Done', 'type': 'main', 'index': 0}], [{'node': 'Body', 'type': 'main', 'index': 0}]]},
                             'Body': {'main': [[{'node': 'Loop', 'type': 'main', 'index': 0}]]}}}""";

    /** A journal that dies (like a killed process) when it is asked to write step {@code crashAt}. */
    private record CrashingJournal(RunJournal inner, int crashAt) implements RunJournal {
        @Override
        public void stepFinished(String runId, Step step) {
            if (step.index() == crashAt) {
                throw new IllegalStateException("the process died");
            }
            inner.stepFinished(runId, step);
        }

        @Override
        public List<Step> steps(String runId) {
            return inner.steps(runId);
        }
    }

    @Test
    void aRunExecutedHereIsStoredWithItsFirstStepsBeforeANodeThatActsOutsideTheRunBegins() {
        List<String> seen = new ArrayList<>();
        dev.switchboard.platform.node.NodeType look = new dev.switchboard.platform.node.NodeType() {
            @Override
            public dev.switchboard.platform.node.NodeDescriptor descriptor() {
                return dev.switchboard.platform.node.NodeDescriptor.builder("look", "Look",
                        dev.switchboard.platform.node.NodeCategory.CONNECTOR).build();
            }

            @Override
            public dev.switchboard.platform.node.NodeResult execute(dev.switchboard.platform.node.NodeContext c) {
                seen.add(store.get("new-1").map(r -> r.status().name()).orElse("not stored") + ", "
                        + store.steps("new-1").size() + " steps");
                return dev.switchboard.platform.node.NodeResult.of(c.items());
            }
        };
        WorkflowExecutor executor = new WorkflowExecutor(dev.switchboard.platform.node.NodeTypes.of(List.of(
                TestNodes.computing(TestNodes.TRIGGER), TestNodes.computing(TestNodes.SET), look)), JavaScriptEngine.shared());
        Workflow workflow = TestNodes.workflow("""
                {'name': 'look', 'nodes': [
                  {'name': 'T', 'type': 'switchboard.manualTrigger', 'position': [0, 0], 'parameters': {}},
                  {'name': 'A', 'type': 'switchboard.set', 'position': [200, 0], 'parameters': {'field': 'a', 'value': '1'}},
                  {'name': 'B', 'type': 'switchboard.set', 'position': [400, 0], 'parameters': {'field': 'b', 'value': '2'}},
                  {'name': 'Look', 'type': 'switchboard.look', 'position': [600, 0], 'parameters': {}}],
                 'connections': {'T': {'main': [[{'node': 'A', 'type': 'main', 'index': 0}]]},
                                 'A': {'main': [[{'node': 'B', 'type': 'main', 'index': 0}]]},
                                 'B': {'main': [[{'node': 'Look', 'type': 'main', 'index': 0}]]}}}""");
        RunWorker worker = new RunWorker("W", store, executor, (id, version) -> workflow, Duration.ofSeconds(30),
                RunClock.system(), ZoneId.of("UTC"), SubWorkflowLoader.none());
        Instant now = Instant.now();
        RunRecord run = new RunRecord("new-1", "wf-1", 1, "look", "webhook", null, null, List.of(Item.of(Map.of("n", 1L))),
                RunStatus.RUNNING, null, now, now, null, "W", now.plusSeconds(30), null);
        RunResult result = worker.executeNew(run, RunWorker.JournalMode.EVERY_STEP, null, null);
        worker.close();
        assertThat(result.status()).isEqualTo(RunStatus.SUCCEEDED);
        // the record and the three steps before it travelled together, and were stored before "Look" began
        assertThat(seen).containsExactly("RUNNING, 3 steps");
        assertThat(store.get("new-1").orElseThrow().status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(store.steps("new-1")).extracting(Step::node).containsExactly("T", "A", "B", "Look");
    }

    /** Trigger, Set, then {@code last}: "noOp" acts outside the run (as a Respond to Webhook node does), "set" only computes. */
    private static Workflow answering(String last) {
        return TestNodes.workflow("""
                {'name': 'answering', 'nodes': [
                  {'name': 'T', 'type': 'switchboard.manualTrigger', 'position': [0, 0], 'parameters': {}},
                  {'name': 'A', 'type': 'switchboard.set', 'position': [200, 0], 'parameters': {'field': 'a', 'value': '1'}},
                  {'name': 'Answer', 'type': 'switchboard.%s', 'position': [400, 0], 'parameters': {'field': 'b', 'value': '2'}}],
                 'connections': {'T': {'main': [[{'node': 'A', 'type': 'main', 'index': 0}]]},
                                 'A': {'main': [[{'node': 'Answer', 'type': 'main', 'index': 0}]]}}}""".formatted(last));
    }

    private RunWorker answeringWorker(dev.switchboard.platform.run.RunStore runs, String last) {
        WorkflowExecutor executor = new WorkflowExecutor(dev.switchboard.platform.node.NodeTypes.of(List.of(
                TestNodes.computing(TestNodes.TRIGGER), TestNodes.computing(TestNodes.SET), TestNodes.PASS)),
                JavaScriptEngine.shared());
        Workflow workflow = answering(last);
        return new RunWorker("W", runs, executor, (id, version) -> workflow, Duration.ofSeconds(30),
                RunClock.system(), ZoneId.of("UTC"), SubWorkflowLoader.none());
    }

    private static RunRecord leasedTo(String worker, String id) {
        Instant now = Instant.now();
        return new RunRecord(id, "wf-1", 1, "answering", "webhook", null, null, List.of(Item.of(Map.of("n", 1L))),
                RunStatus.RUNNING, null, now, now, null, worker, now.plusSeconds(30), null);
    }

    /** What the finish listener saw: its thread, the stored run and steps, and what it was told. */
    private java.util.concurrent.CompletableFuture<String> toldOf(RunWorker worker) {
        java.util.concurrent.CompletableFuture<String> told = new java.util.concurrent.CompletableFuture<>();
        worker.onFinished((run, result, stored) -> told.complete(Thread.currentThread().getName() + ": "
                + store.get(run.id()).orElseThrow().status() + " with " + store.steps(run.id()).size() + " steps, "
                + result.status() + ", stored " + stored));
        return told;
    }

    @Test
    void aRunWhoseCallerIsAnsweredOnceItExecutedIsEndedInTheStoreAfterItsStepsAndItsWorkerIsToldThen() throws Exception {
        RunWorker worker = answeringWorker(store, "noOp");
        java.util.concurrent.CompletableFuture<String> told = toldOf(worker);
        RunResult result = worker.executeNewLeavingEnd(leasedTo("W", "answered-1"), RunWorker.JournalMode.EVERY_STEP, null);
        assertThat(result.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(result.output("Answer")).extracting(i -> i.json().get("a")).containsExactly("1");
        // the last step and the end followed the record and first steps in order; the listener heard once all were stored
        assertThat(told.get(10, TimeUnit.SECONDS))
                .isEqualTo("switchboard-run-finish: SUCCEEDED with 3 steps, SUCCEEDED, stored true");
        worker.close();
        RunRecord stored = store.get("answered-1").orElseThrow();
        assertThat(stored.worker()).isNull();
        assertThat(stored.finishedAt()).isNotNull();
    }

    @Test
    void aRunWhoseNodesAllOnlyComputedIsStoredWholeBeforeItsCallerHearsOfIt() throws Exception {
        RunWorker worker = answeringWorker(store, "set");
        java.util.concurrent.CompletableFuture<String> told = toldOf(worker);
        RunResult result = worker.executeNewLeavingEnd(leasedTo("W", "computed-1"), RunWorker.JournalMode.EVERY_STEP, null);
        worker.close();
        assertThat(result.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(told).as("told on the caller's thread, before it returned").isDone();
        assertThat(told.get()).isEqualTo(Thread.currentThread().getName() + ": SUCCEEDED with 3 steps, SUCCEEDED, stored true");
    }

    @Test
    void aRunWhoseEndCouldNotBeStoredKeepsItsLeaseToBeResumedAndItsWorkerIsNotToldItFinished() {
        // a store whose end writes fail (the database went away just then)
        dev.switchboard.platform.run.RunStore failingEnds = (dev.switchboard.platform.run.RunStore) java.lang.reflect.Proxy
                .newProxyInstance(getClass().getClassLoader(), new Class<?>[] {dev.switchboard.platform.run.RunStore.class},
                        (proxy, method, args) -> {
                            if (method.getName().equals("releaseLater")) {
                                return java.util.concurrent.CompletableFuture.failedFuture(
                                        new com.mongodb.MongoException("the database went away"));
                            }
                            try {
                                return method.invoke(store, args);
                            } catch (java.lang.reflect.InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
        RunWorker worker = answeringWorker(failingEnds, "noOp");
        List<String> told = Collections.synchronizedList(new ArrayList<>());
        worker.onFinished((run, result, stored) -> told.add(run.id()));
        RunResult result = worker.executeNewLeavingEnd(leasedTo("W", "unended-1"), RunWorker.JournalMode.EVERY_STEP, null);
        worker.close();
        assertThat(result.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(told).isEmpty();
        RunRecord stored = store.get("unended-1").orElseThrow();
        assertThat(stored.status()).isEqualTo(RunStatus.RUNNING);
        assertThat(stored.worker()).isEqualTo("W");
        assertThat(stored.leaseUntil()).isNotNull();
        assertThat(store.steps("unended-1")).extracting(Step::node).containsExactly("T", "A", "Answer");
    }

    @Test
    void aRunWhoseWorkerDiedResumesOnAnotherAfterTheLastFinishedStepLoopStateIncluded() throws Exception {
        Workflow workflow = TestNodes.workflow(FLOW);
        WorkflowExecutor executor = new WorkflowExecutor(TestNodes.types(), JavaScriptEngine.shared());
        RunClock clock = RunClock.virtual(t0);
        store.create(RunRecord.queued("r", "wf-1", 1, "resume", "manual", null, null,
                List.of(Item.of(Map.of("i", 1L)), Item.of(Map.of("i", 2L)), Item.of(Map.of("i", 3L))), t0));
        // worker A claims the run and dies while writing step 5 (in the middle of the loop)
        RunRecord claimed = store.claim("A", clock.now(), Duration.ofSeconds(30)).orElseThrow();
        RunRequest request = RunRequest.builder(claimed.id(), workflow).startItems(claimed.input()).usePinData(false)
                .clock(clock).defaultZone(ZoneId.of("UTC")).inlineWaitMillis(0).build();
        try {
            executor.execute(request, new CrashingJournal(store, 5));
        } catch (IllegalStateException expected) {
            // the process died here
        }
        assertThat(store.steps("r")).hasSize(5);
        assertThat(TestNodes.ATTEMPTS.get("Once").get()).isEqualTo(1);
        // nobody may take it over while A's lease holds; afterwards worker B does, and finishes it
        RunWorker b = new RunWorker("B", store, executor, (id, version) -> workflow, Duration.ofSeconds(30), clock,
                ZoneId.of("UTC"), SubWorkflowLoader.none());
        assertThat(b.runOne()).isEmpty();
        clock.sleep(31_000);
        RunResult result = b.runOne().orElseThrow();
        b.close();
        assertThat(result.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(TestNodes.ATTEMPTS.get("Once").get()).as("finished steps are not run again").isEqualTo(1);
        assertThat(result.output("Done")).extracting(i -> i.json().get("i")).containsExactly(1L, 2L, 3L);
        assertThat(store.steps("r")).extracting(Step::node)
                .containsExactly("T", "Once", "Loop", "Body", "Loop", "Body", "Loop", "Body", "Loop", "Done");
        RunRecord done = store.get("r").orElseThrow();
        assertThat(done.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(done.worker()).isNull();
        assertThat(done.finishedAt()).isNotNull();
    }
}
