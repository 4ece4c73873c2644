package dev.switchboard.platform.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.switchboard.platform.TestNodes;
import dev.switchboard.platform.engine.LocalEngine;
import dev.switchboard.platform.expression.JavaScriptEngine;
import dev.switchboard.platform.paging.Page;
import dev.switchboard.platform.run.RunFilter;
import dev.switchboard.platform.run.RunRecord;
import dev.switchboard.platform.run.RunResult;
import dev.switchboard.platform.run.RunStatus;
import dev.switchboard.platform.store.MongoConnection;
import dev.switchboard.platform.store.MongoRunStore;
import dev.switchboard.platform.store.MongoWorkflowStore;
import dev.switchboard.platform.workflow.StoredWorkflow;
import dev.switchboard.platform.workflow.WorkflowJson;

/** Run history is kept as n8n's save settings and the pruning limits say. */
class RetentionTest {

    private final MongoConnection connection = MongoConnection.inMemory();
    private final MongoWorkflowStore workflows = new MongoWorkflowStore(connection, Clock.systemUTC());
    private final MongoRunStore runs = new MongoRunStore(connection);
    private final LocalEngine engine = new LocalEngine(TestNodes.types(), JavaScriptEngine.shared());
    private final ServerSettings settings = new ServerSettings(null, Path.of("target"), null, 0, Duration.ofSeconds(30),
            ZoneId.of("UTC"), null);

    @AfterEach
    void close() {
        connection.close();
    }

    private StoredWorkflow workflow(String settingsJson) {
        StoredWorkflow w = workflows.create(WorkflowJson.read("""
                {"name": "W", "settings": %s, "nodes": [
                  {"name": "T", "type": "switchboard.manualTrigger", "position": [0, 0], "parameters": {}}],
                 "connections": {}}""".formatted(settingsJson)));
        workflows.publish(w.id(), "test", null);
        return w;
    }

    private RunRecord finished(StoredWorkflow w, String id, String mode, Instant created) {
        return runs.create(RunRecord.queued(id, w.id(), 1, w.name(), mode, null, null, List.of(), created));
    }

    private static RunResult result(String id, RunStatus status) {
        return new RunResult(id, status, null, Map.of(), null, null);
    }

    @Test
    void aWorkflowThatSavesNoSuccessesLosesItsSuccessfulRunsButKeepsItsFailures() {
        StoredWorkflow w = workflow("{\"saveDataSuccessExecution\": \"none\"}");
        RunService service = new RunService(workflows, runs, engine, settings);
        RunRecord ok = finished(w, "ok", "trigger", Instant.now());
        RunRecord bad = finished(w, "bad", "trigger", Instant.now());
        RunRecord test = finished(w, "test", "manual", Instant.now());
        service.afterRun(ok, result("ok", RunStatus.SUCCEEDED));
        service.afterRun(bad, result("bad", RunStatus.FAILED));
        service.afterRun(test, result("test", RunStatus.SUCCEEDED));
        assertThat(runs.get("ok")).isEmpty();
        assertThat(runs.get("bad")).isPresent();
        assertThat(runs.get("test")).as("editor test runs are kept").isPresent();
    }

    @Test
    void theServerDefaultAppliesWhenTheWorkflowSaysNothing() {
        StoredWorkflow w = workflow("{}");
        RunService service = new RunService(workflows, runs, engine, settings,
                new RetentionSettings("all", "none", Duration.ofDays(1), 100, Duration.ZERO));
        RunRecord bad = finished(w, "bad", "webhook", Instant.now());
        service.afterRun(bad, result("bad", RunStatus.FAILED));
        assertThat(runs.get("bad")).isEmpty();
    }

    @Test
    void pruningDeletesFinishedRunsByAgeAndCountButNeverUnfinishedOnes() {
        StoredWorkflow w = workflow("{}");
        Instant now = Instant.now();
        for (int i = 0; i < 6; i++) {
            finished(w, "r" + i, "trigger", now.minus(Duration.ofDays(i * 3L)));
            runs.claim("x", now.plusSeconds(10), Duration.ofMinutes(1));
            runs.release("r" + i, "x", RunStatus.SUCCEEDED, null, null, now);
        }
        finished(w, "queued-old", "trigger", now.minus(Duration.ofDays(30)));
        RunService service = new RunService(workflows, runs, engine, settings,
                new RetentionSettings("all", "all", Duration.ofDays(10), 3, Duration.ZERO));
        int pruned = service.prune();
        assertThat(pruned).isEqualTo(3);
        assertThat(runs.list(new RunFilter(w.id(), null, null, null), Page.Request.first(20)).items())
                .extracting(RunRecord::id).containsExactlyInAnyOrder("r0", "r1", "r2", "queued-old");
    }
}
