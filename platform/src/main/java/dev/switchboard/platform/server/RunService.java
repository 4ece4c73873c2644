package dev.switchboard.platform.server;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import dev.switchboard.platform.engine.LocalEngine;
import dev.switchboard.platform.node.Item;
import dev.switchboard.platform.run.RunClock;
import dev.switchboard.platform.run.RunRecord;
import dev.switchboard.platform.run.RunStatus;
import dev.switchboard.platform.run.RunStore;
import dev.switchboard.platform.run.RunWorker;
import dev.switchboard.platform.workflow.StoredWorkflow;
import dev.switchboard.platform.workflow.Workflow;
import dev.switchboard.platform.workflow.WorkflowStore;

/**
 * Queues runs and executes them on this instance's workers. Each worker thread claims due runs
 * from the store (queued, orphaned by a dead instance, or waiting and due), so runs left behind by a
 * crash are resumed at start-up and whenever a lease expires.
 */
public final class RunService implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(RunService.class);

    private final WorkflowStore workflows;
    private final RunStore runs;
    private final LocalEngine engine;
    private final ServerSettings settings;
    private final List<Thread> threads = new ArrayList<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private volatile boolean running;

    public RunService(WorkflowStore workflows, RunStore runs, LocalEngine engine, ServerSettings settings) {
        this.workflows = workflows;
        this.runs = runs;
        this.engine = engine;
        this.settings = settings;
    }

    /** The workflow a run names: version 0 is the draft. */
    public Workflow workflowOf(String workflowId, int version) {
        if (version == 0) {
            return workflows.get(workflowId).map(StoredWorkflow::draft)
                    .orElseThrow(() -> new WorkflowStore.NotFoundException("no workflow with id \"" + workflowId + "\""));
        }
        return workflows.version(workflowId, version).orElseThrow(() -> new WorkflowStore.NotFoundException(
                "workflow \"" + workflowId + "\" has no version " + version)).workflow();
    }

    /**
     * The workflow an Execute Workflow node names by id: its newest published version, else its draft
     * (as n8n runs the saved workflow). Files are not read on the server.
     */
    Workflow subWorkflow(dev.switchboard.platform.node.SubWorkflowRunner.Source source, String reference) {
        if (source != dev.switchboard.platform.node.SubWorkflowRunner.Source.DATABASE) {
            throw new dev.switchboard.platform.node.NodeException("the server runs sub-workflows by id (source "
                    + "\"database\") or given inline, not from " + source.name().toLowerCase().replace('_', ' '));
        }
        StoredWorkflow w = workflows.get(reference).filter(x -> !x.deleted())
                .orElseThrow(() -> new dev.switchboard.platform.node.NodeException("no workflow with id \"" + reference + "\""));
        return w.publishedVersion() == null ? w.draft() : workflowOf(w.id(), w.publishedVersion());
    }

    /** Queues a run of a workflow version (0: the draft) from its manual trigger with these items. */
    public RunRecord start(StoredWorkflow workflow, int version, List<Item> items, String mode) {
        return start(workflow, version, null, items, mode);
    }

    /** Queues a run that starts from the named trigger node (a webhook, a schedule) with these items. */
    public RunRecord start(StoredWorkflow workflow, int version, String startNode, List<Item> items, String mode) {
        RunRecord run = runs.create(RunRecord.queued(UUID.randomUUID().toString(), workflow.id(), version,
                workflow.name(), mode, null, startNode, items, Clock.systemUTC().instant()));
        wake();
        return run;
    }

    /** Waits until the run has finished or waits, or the timeout passes; the run as it then stands. */
    public RunRecord await(String runId, Duration timeout) throws InterruptedException {
        Instant until = Instant.now().plus(timeout);
        long sleep = 5;
        while (true) {
            RunRecord r = runs.get(runId).orElseThrow();
            if (r.status().isFinished() || r.status() == RunStatus.WAITING || Instant.now().isAfter(until)) {
                return r;
            }
            Thread.sleep(sleep);
            sleep = Math.min(100, sleep * 2);
        }
    }

    private void wake() {
        lock.lock();
        try {
            work.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void start() {
        running = true;
        String instance = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < Math.max(1, settings.workers()); i++) {
            RunWorker worker = new RunWorker(instance + "-" + i, runs, engine.executor(), this::workflowOf,
                    settings.lease(), RunClock.system(), settings.zone(), this::subWorkflow);
            Thread t = Thread.ofPlatform().daemon().name("switchboard-run-worker-" + i).start(() -> loop(worker));
            threads.add(t);
        }
        LOG.info("{} run workers started", threads.size());
    }

    private void loop(RunWorker worker) {
        while (running) {
            try {
                Optional<?> ran = worker.runOne();
                if (ran.isEmpty()) {
                    lock.lock();
                    try {
                        work.await(1, TimeUnit.SECONDS);
                    } finally {
                        lock.unlock();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warn("run worker {}: {}", worker.id(), e.toString());
            }
        }
        worker.close();
    }

    @Override
    public void stop() {
        running = false;
        threads.forEach(Thread::interrupt);
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
