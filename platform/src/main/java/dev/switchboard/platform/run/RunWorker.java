package dev.switchboard.platform.run;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;

import dev.switchboard.platform.workflow.Workflow;

/**
 * Takes due runs from the store and executes them, holding a lease it renews while the run
 * progresses. Any number of workers, on any number of instances, may share one store: the claim
 * decides who runs what, and a run whose worker died is resumed by another after its lease expires.
 */
public final class RunWorker {

    private final String id;
    private final RunStore store;
    private final WorkflowExecutor executor;
    private final BiFunction<String, Integer, Workflow> workflows;
    private final Duration lease;
    private final RunClock clock;
    private final ZoneId defaultZone;
    private final SubWorkflowLoader subWorkflows;
    private volatile String publicUrl;
    private volatile java.util.function.BiConsumer<RunRecord, RunResult> onFinished = (run, result) -> {
    };
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "switchboard-run-heartbeat");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param workflows finds the workflow a run names, by workflow id and version (0: the draft)
     */
    public RunWorker(String id, RunStore store, WorkflowExecutor executor, BiFunction<String, Integer, Workflow> workflows,
            Duration lease, RunClock clock, ZoneId defaultZone, SubWorkflowLoader subWorkflows) {
        this.id = id;
        this.store = store;
        this.executor = executor;
        this.workflows = workflows;
        this.lease = lease;
        this.clock = clock;
        this.defaultZone = defaultZone;
        this.subWorkflows = subWorkflows;
    }

    public String id() {
        return id;
    }

    /** The server's address as callers reach it, for {@code $execution.resumeUrl}. */
    public RunWorker publicUrl(String url) {
        this.publicUrl = url;
        return this;
    }

    /** Called after each run this worker finished (not after a run it suspended or lost). */
    public RunWorker onFinished(java.util.function.BiConsumer<RunRecord, RunResult> listener) {
        this.onFinished = listener;
        return this;
    }

    /** Claims one due run and executes it (or resumes it); empty when nothing was due. */
    public Optional<RunResult> runOne() {
        Instant now = clock.now();
        Optional<RunRecord> claimed = store.claim(id, now, lease);
        if (claimed.isEmpty()) {
            return Optional.empty();
        }
        RunRecord run = claimed.get();
        Workflow workflow;
        try {
            workflow = workflows.apply(run.workflowId(), run.workflowVersion());
        } catch (RuntimeException e) {
            StepError error = new StepError("the workflow of this run cannot be loaded: " + e.getMessage(), null, null,
                    -1, null);
            store.release(run.id(), id, RunStatus.FAILED, error, null, clock.now());
            return Optional.of(new RunResult(run.id(), RunStatus.FAILED, error, Map.of(), null, null));
        }
        long renewEvery = Math.max(1, lease.toMillis() / 3);
        AtomicBoolean leaseLost = new AtomicBoolean();
        Thread runner = Thread.currentThread();
        ScheduledFuture<?> beat = heartbeats.scheduleAtFixedRate(() -> {
            try {
                if (!store.heartbeat(run.id(), id, clock.now().plus(lease)) && leaseLost.compareAndSet(false, true)) {
                    runner.interrupt();
                }
            } catch (RuntimeException e) {
                // the database did not answer this time: the next beat tries again before the lease runs out
            }
        }, renewEvery, renewEvery, TimeUnit.MILLISECONDS);
        ScheduledFuture<?> cancelWatch = heartbeats.scheduleWithFixedDelay(() -> {
            try {
                if (store.cancelRequested(run.id())) {
                    runner.interrupt();
                }
            } catch (RuntimeException e) {
                // asked again on the next tick
            }
        }, 500, 500, TimeUnit.MILLISECONDS);
        RunResult result;
        try {
            RunRequest request = RunRequest.builder(run.id(), workflow).startNode(run.startNode()).startItems(run.input())
                    .usePinData(false).mode(run.mode()).clock(clock).defaultZone(defaultZone)
                    .subWorkflows(subWorkflows).inlineWaitMillis(5_000).publicUrl(publicUrl).build();
            result = executor.execute(request, new LeasedJournal(store, leaseLost));
        } catch (RuntimeException e) {
            StepError error = new StepError("the run stopped unexpectedly: " + e.getMessage(), null, null, -1,
                    e.getClass().getSimpleName());
            result = new RunResult(run.id(), RunStatus.FAILED, error, Map.of(), null, null);
        } finally {
            beat.cancel(false);
            cancelWatch.cancel(false);
            Thread.interrupted();
        }
        if (!leaseLost.get()) {
            store.release(run.id(), id, result.status(), result.error(), result.resumeAt(), clock.now());
            if (result.status().isFinished()) {
                onFinished.accept(run, result);
            }
        }
        return Optional.of(result);
    }

    /**
     * Writes steps only while this worker still holds the run: once another worker has taken it over
     * (this one stalled past its lease), nothing more is written here.
     */
    private record LeasedJournal(RunStore store, AtomicBoolean leaseLost) implements RunJournal {
        @Override
        public void stepFinished(String runId, Step step) {
            if (leaseLost.get()) {
                throw new IllegalStateException("the lease on run " + runId + " was lost; another worker continues it");
            }
            store.stepFinished(runId, step);
        }

        @Override
        public java.util.List<Step> steps(String runId) {
            return store.steps(runId);
        }
    }

    /** Runs every due run; returns how many ran. */
    public int drain() {
        int n = 0;
        while (runOne().isPresent()) {
            n++;
        }
        return n;
    }

    public void close() {
        heartbeats.shutdownNow();
    }
}
