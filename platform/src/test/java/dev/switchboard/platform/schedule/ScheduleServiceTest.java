package dev.switchboard.platform.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.switchboard.platform.TestNodes;
import dev.switchboard.platform.engine.LocalEngine;
import dev.switchboard.platform.expression.JavaScriptEngine;
import dev.switchboard.platform.paging.Page;
import dev.switchboard.platform.run.RunFilter;
import dev.switchboard.platform.run.RunRecord;
import dev.switchboard.platform.server.RunService;
import dev.switchboard.platform.server.ServerSettings;
import dev.switchboard.platform.store.MongoConnection;
import dev.switchboard.platform.store.MongoRunStore;
import dev.switchboard.platform.store.MongoWorkflowStore;
import dev.switchboard.platform.workflow.StoredWorkflow;
import dev.switchboard.platform.workflow.WorkflowJson;

/** Two instances sharing one database fire the same schedule, and exactly one run results per firing. */
class ScheduleServiceTest {

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

    @Test
    void twoInstancesMakeOneRunPerFiring() throws Exception {
        StoredWorkflow w = workflows.create(WorkflowJson.read("""
                {"name": "Every second", "nodes": [
                  {"name": "Tick", "type": "n8n-nodes-base.scheduleTrigger", "typeVersion": 1.2, "position": [0, 0],
                   "parameters": {"rule": {"interval": [{"field": "seconds", "secondsInterval": 1}]}}},
                  {"name": "Next", "type": "switchboard.noOp", "position": [200, 0], "parameters": {}}],
                 "connections": {"Tick": {"main": [[{"node": "Next", "type": "main", "index": 0}]]}}}"""));
        workflows.publish(w.id(), "test", null);
        workflows.setActive(w.id(), true);
        RunService runService = new RunService(workflows, runs, engine, settings);
        ScheduleService a = new ScheduleService(workflows, runService, engine, settings, 60);
        ScheduleService b = new ScheduleService(workflows, runService, engine, settings, 60);
        a.start();
        b.start();
        a.sync();
        b.sync();
        Thread.sleep(3_500);
        a.stop();
        b.stop();
        List<RunRecord> made = runs.list(new RunFilter(w.id(), null, null, null), Page.Request.first(100)).items();
        assertThat(made).hasSizeBetween(2, 5);
        assertThat(made).extracting(RunRecord::key).doesNotHaveDuplicates().allMatch(k -> k.startsWith("schedule:" + w.id()));
        assertThat(made).allSatisfy(r -> {
            assertThat(r.startNode()).isEqualTo("Tick");
            assertThat(r.mode()).isEqualTo("trigger");
            assertThat(r.input().get(0).json()).containsKeys("timestamp", "Day of week");
        });
    }

    @Test
    void deactivatingAWorkflowStopsItsSchedule() throws Exception {
        StoredWorkflow w = workflows.create(WorkflowJson.read("""
                {"name": "Stopped", "nodes": [
                  {"name": "Tick", "type": "n8n-nodes-base.scheduleTrigger", "typeVersion": 1.2, "position": [0, 0],
                   "parameters": {"rule": {"interval": [{"field": "seconds", "secondsInterval": 1}]}}}],
                 "connections": {}}"""));
        workflows.publish(w.id(), "test", null);
        RunService runService = new RunService(workflows, runs, engine, settings);
        ScheduleService s = new ScheduleService(workflows, runService, engine, settings, 60);
        s.start();
        s.sync();
        Thread.sleep(1_500);
        s.stop();
        assertThat(runs.list(new RunFilter(w.id(), null, null, null), Page.Request.first(10)).total()).isZero();
    }
}
