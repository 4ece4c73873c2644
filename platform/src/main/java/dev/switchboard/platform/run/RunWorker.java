package dev.switchboard.platform.run;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
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
    private volatile CredentialResolver credentials = CredentialResolver.none();
    private volatile RunServices services = RunServices.none();
    private volatile FinishListener onFinished = (run, result, stored) -> {
    };
    private volatile java.util.function.Consumer<RunRecord> onWaiting = run -> {
    };

    /** Told of each run a worker finished; {@code stored}: whether the run has a record in the store. */
    @FunctionalInterface
    public interface FinishListener {
        void finished(RunRecord run, RunResult result, boolean stored);
    }
    /** The step listener of runs nobody waits on. */
    private static final java.util.function.Consumer<Step> NOBODY = step -> {
    };
    private static final long CANCEL_CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
    private static final long DEFER_AT_MOST_NANOS = TimeUnit.SECONDS.toNanos(1);
    private final java.util.concurrent.ConcurrentHashMap<String, Active> active = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile java.util.concurrent.ExecutorService finishing;
    /** Ends handed to the store without waiting whose listener has not been told yet. */
    private final java.util.concurrent.atomic.AtomicInteger endsOnTheirWay = new java.util.concurrent.atomic.AtomicInteger();
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
        long every = Math.max(50, Math.min(250, lease.toMillis() / 6));
        heartbeats.scheduleWithFixedDelay(this::watch, every, every, TimeUnit.MILLISECONDS);
    }

    public String id() {
        return id;
    }

    /** The server's address as callers reach it, for {@code $execution.resumeUrl}. */
    public RunWorker publicUrl(String url) {
        this.publicUrl = url;
        return this;
    }

    /** Where the credentials that nodes name come from (the vault, on a server). */
    public RunWorker credentials(CredentialResolver resolver) {
        this.credentials = resolver == null ? CredentialResolver.none() : resolver;
        return this;
    }

    /** Prices, reviews and histories for AI nodes (MongoDB-backed, on a server). */
    public RunWorker services(RunServices runServices) {
        this.services = runServices == null ? RunServices.none() : runServices;
        return this;
    }

    /** Called after each run this worker finished (not after a run it suspended or lost). */
    public RunWorker onFinished(FinishListener listener) {
        this.onFinished = listener;
        return this;
    }

    /**
     * Called for each run this worker suspends, once its waiting step is stored and before its status
     * says waiting: a process that dies in between leaves the run running under a lease that runs out, so
     * it is taken over, suspends again and the listener hears of it again (what it does must be done once).
     */
    public RunWorker onWaiting(java.util.function.Consumer<RunRecord> listener) {
        this.onWaiting = listener;
        return this;
    }

    /** Claims one due run and executes it (or resumes it); empty when nothing was due. */
    public Optional<RunResult> runOne() {
        return claim(java.util.Set.of()).map(this::executeClaimed);
    }

    /** Claims the next due run, passing over runs of these workflows; empty when nothing is due. */
    public Optional<RunRecord> claim(java.util.Set<String> busyWorkflows) {
        return store.claim(id, clock.now(), lease, busyWorkflows);
    }

    /** Executes (or resumes) a run this worker claimed. */
    public RunResult executeClaimed(RunRecord run) {
        return execute(run, JournalMode.EVERY_STEP, false, NOBODY, null, null);
    }

    /**
     * How an inline run is journaled. {@code EVERY_STEP}: the run exists in the store and each step is
     * written as it finishes. {@code UNLESS_SUCCESSFUL}: the workflow keeps no record of successful runs,
     * so nothing is written while the run goes on; if it fails or waits, the run and its steps are then
     * written whole (a run that waits must survive a restart; a failed one is kept for inspection).
     */
    public enum JournalMode {
        EVERY_STEP, UNLESS_SUCCESSFUL
    }

    /**
     * Executes a run this worker holds: one it claimed, or one created already leased to it (an inline
     * run, see {@link JournalMode}). Renews the lease while the run goes on and stops it when someone
     * cancels it or another worker took it over.
     */
    public RunResult execute(RunRecord run, JournalMode mode) {
        return execute(run, mode, true, NOBODY, null, null);
    }

    /**
     * As {@link #execute(RunRecord, JournalMode)}, for a run whose creation ({@code created}, from
     * {@link RunStore#createLater}) may still be on its way: it is awaited before the node after the
     * trigger runs, so the run is stored before anything but its trigger has executed; {@code stepRecorded}
     * (may be null) hears of each step as soon as it finished (before it is stored); {@code executed} (may be null) is called once
     * the run stopped executing, before its end is written (the run no longer needs a slot of its own).
     */
    public RunResult execute(RunRecord run, JournalMode mode, java.util.concurrent.CompletableFuture<Void> created,
            java.util.function.Consumer<Step> stepRecorded, Runnable executed) {
        return execute(run, mode, true, stepRecorded == null ? NOBODY : stepRecorded, created, executed);
    }

    /**
     * As {@link #execute(RunRecord, JournalMode, java.util.concurrent.CompletableFuture, java.util.function.Consumer,
     * Runnable)}, for a run leased to this worker and not stored yet: with {@code EVERY_STEP}, its record is handed to
     * the store together with its first steps, before any node that acts outside the run begins (or, should nodes
     * that only compute go on for a second, then).
     */
    public RunResult executeNew(RunRecord run, JournalMode mode, java.util.function.Consumer<Step> stepRecorded,
            Runnable executed) {
        return execute(run, mode, true, stepRecorded == null ? NOBODY : stepRecorded, null, executed,
                mode == JournalMode.EVERY_STEP ? run : null, true);
    }

    /**
     * As {@link #executeNew}, for a caller who answers as soon as the run has executed (a webhook whose
     * workflow only computes and answers, run on the caller's thread). Once the run's record is stored (a node
     * that acts outside the run, such as Respond to Webhook, waited for it), this returns without waiting for
     * the last steps and the end: they follow the steps before them to the store, and the finish listener hears
     * of the run once they are stored, on a thread of this worker's. Should they not be stored, the run keeps
     * its lease until it runs out and is then resumed from its last stored step, as after a crash. A run whose
     * nodes all only computed returns once all of it is stored, as with {@link #executeNew}: nobody hears of a
     * run before it is stored.
     */
    public RunResult executeNewLeavingEnd(RunRecord run, JournalMode mode, Runnable executed) {
        return execute(run, mode, true, NOBODY, null, executed, mode == JournalMode.EVERY_STEP ? run : null, false);
    }

    private RunResult execute(RunRecord run, JournalMode mode, boolean fresh, java.util.function.Consumer<Step> stepRecorded,
            java.util.concurrent.CompletableFuture<Void> created, Runnable executed) {
        return execute(run, mode, fresh, stepRecorded, created, executed, null, true);
    }

    /**
     * @param fresh    the run was just created here and has no steps yet (nothing to look up to resume)
     * @param toCreate the run, when its record is to be written with its first steps (else null)
     * @param awaitEnd whether to return only once the end of a run that ended is stored
     */
    private RunResult execute(RunRecord run, JournalMode mode, boolean fresh, java.util.function.Consumer<Step> stepRecorded,
            java.util.concurrent.CompletableFuture<Void> created, Runnable executed, RunRecord toCreate, boolean awaitEnd) {
        Workflow workflow;
        try {
            workflow = workflows.apply(run.workflowId(), run.workflowVersion());
        } catch (RuntimeException e) {
            StepError error = new StepError("the workflow of this run cannot be loaded: " + e.getMessage(), null, null,
                    -1, null);
            if (mode == JournalMode.UNLESS_SUCCESSFUL || toCreate != null) {
                store.create(run);
            }
            if (created != null) {
                created.join();
            }
            store.release(run.id(), id, RunStatus.FAILED, error, null, clock.now());
            return new RunResult(run.id(), RunStatus.FAILED, error, Map.of(), null, null);
        }
        AtomicBoolean leaseLost = new AtomicBoolean();
        DeferredJournal deferred = mode == JournalMode.UNLESS_SUCCESSFUL ? new DeferredJournal(store, run) : null;
        LeasedJournal leased = deferred != null ? null : new LeasedJournal(store, run.id(), leaseLost, fresh, created, toCreate);
        Active active = new Active(run.id(), Thread.currentThread(), leaseLost, deferred, leased, System.nanoTime());
        if (!fresh && !renewBeforeStart(run, active)) {
            // another worker took the run over while it waited for a thread here: it is theirs now
            return new RunResult(run.id(), RunStatus.RUNNING, null, Map.of(), null, null);
        }
        this.active.put(run.id(), active);
        RunResult result;
        try {
            RunRequest request = RunRequest.builder(run.id(), workflow).startNode(run.startNode()).startItems(run.input())
                    // as in n8n, pinned data stands in for its node only in runs started from the editor
                    .usePinData(run.workflowVersion() == 0 && "manual".equals(run.mode())).mode(run.mode()).clock(clock).defaultZone(defaultZone)
                    .subWorkflows(subWorkflows).inlineWaitMillis(5_000).publicUrl(publicUrl).credentials(credentials.forRun(run))
                    .services(services).build();
            RunJournal stored = deferred != null ? deferred : leased;
            RunJournal journal = new RunJournal() {
                @Override
                public void stepFinished(String runId, Step step) {
                    stored.stepFinished(runId, step);
                    // whoever listens (a webhook caller waiting for its answer) hears of a step as soon as it
                    // finished, while its write is on its way: the next node still waits for that write
                    stepRecorded.accept(step);
                }

                @Override
                public java.util.List<Step> steps(String runId) {
                    return stored.steps(runId);
                }

                @Override
                public void awaitWritten() {
                    stored.awaitWritten();
                }
            };
            result = executor.execute(request, journal);
        } catch (RuntimeException e) {
            StepError error = new StepError("the run stopped unexpectedly: " + e.getMessage(), null, null, -1,
                    e.getClass().getSimpleName());
            result = new RunResult(run.id(), RunStatus.FAILED, error, Map.of(), null, null);
        } finally {
            this.active.remove(run.id());
            Thread.interrupted();
            if (executed != null) {
                executed.run();
            }
        }
        if (deferred != null && result.status() == RunStatus.SUCCEEDED && !deferred.written()) {
            onFinished.finished(run, result, false);
            return result;
        }
        if (deferred != null) {
            deferred.flush();
        }
        if (!leaseLost.get() && stillHeld(run, active.renewed)) {
            if (result.status() == RunStatus.WAITING) {
                // whoever hears that the run waits finds its waiting step stored
                awaitStored(run, created, leased);
                onWaiting.accept(run);
            }
            // the store writes a run's writes in the order they were handed over: its end follows its creation
            // and its last step without waiting for them here
            if (!awaitEnd && leased != null && created == null && result.status().isFinished() && leased.recordStored()) {
                java.util.concurrent.CompletableFuture<Void> steps = leased.handOver();
                java.util.concurrent.CompletableFuture<Void> end = store.releaseLater(run.id(), id, result.status(),
                        result.error(), clock.now());
                RunResult ended = result;
                // told once both are done, whether or not they failed
                endsOnTheirWay.incrementAndGet();
                steps.handle((stored, failure) -> failure)
                        .thenCombine(end.handle((stored, failure) -> failure), (a, b) -> a != null ? a : b)
                        .thenAcceptAsync(failure -> ended(run, ended, failure), finishing())
                        .whenComplete((told, failure) -> endsOnTheirWay.decrementAndGet());
                return result;
            }
            if (leased != null) {
                leased.flush();
            }
            store.release(run.id(), id, result.status(), result.error(), result.resumeAt(), clock.now());
            awaitStored(run, created, leased);
            if (result.status().isFinished()) {
                onFinished.finished(run, result, true);
            }
        }
        return result;
    }

    /** After the end of a run nobody waited for was stored (or could not be): the finish listener hears of it. */
    private void ended(RunRecord run, RunResult result, Throwable failure) {
        if (failure != null) {
            Throwable cause = failure instanceof java.util.concurrent.CompletionException c && c.getCause() != null
                    ? c.getCause() : failure;
            System.getLogger(RunWorker.class.getName()).log(System.Logger.Level.WARNING, "run " + run.id()
                    + ": its end could not be stored (" + cause.getMessage() + "); it is resumed from its last stored step"
                    + " once its lease runs out");
            return;
        }
        try {
            onFinished.finished(run, result, true);
        } catch (RuntimeException e) {
            System.getLogger(RunWorker.class.getName()).log(System.Logger.Level.WARNING, "run " + run.id()
                    + ": what follows its end failed: " + e.getMessage());
        }
    }

    /** The thread that tells the finish listener of runs whose end nobody waited for, made when first needed. */
    private java.util.concurrent.ExecutorService finishing() {
        java.util.concurrent.ExecutorService f = finishing;
        if (f == null) {
            synchronized (this) {
                if (finishing == null) {
                    finishing = Executors.newSingleThreadExecutor(r -> Thread.ofPlatform().daemon()
                            .name("switchboard-run-finish").unstarted(r));
                }
                f = finishing;
            }
        }
        return f;
    }

    /** Waits for the run's creation and steps on their way; a step that could not be stored is logged. */
    private static void awaitStored(RunRecord run, java.util.concurrent.CompletableFuture<Void> created, LeasedJournal leased) {
        if (created != null) {
            created.join();
        }
        if (leased != null) {
            try {
                leased.awaitWritten();
            } catch (RuntimeException e) {
                System.getLogger(RunWorker.class.getName()).log(System.Logger.Level.WARNING, "run " + run.id()
                        + ": its last step could not be stored: " + e.getMessage());
            }
        }
    }

    /**
     * A claimed run may have waited for a thread since its lease was taken (on a busy or just-started
     * server, for longer than the lease): the watcher counts the lease from when it was taken, and a
     * lease already a third gone is renewed before the first node runs. False when the run is no longer
     * this worker's (its lease ran out and another worker claimed it): it must not execute here.
     */
    private boolean renewBeforeStart(RunRecord run, Active active) {
        if (run.leaseUntil() == null) {
            return true;
        }
        long left = java.time.Duration.between(clock.now(), run.leaseUntil()).toNanos();
        long age = Math.max(0, lease.toNanos() - left);
        active.renewed = active.started - age;
        if (age < lease.toNanos() / 3) {
            return true;
        }
        if (store.heartbeat(run.id(), id, clock.now().plus(lease))) {
            active.renewed = System.nanoTime();
            return true;
        }
        return false;
    }

    /** A run executing on this worker, watched by {@link #watch()}. */
    private static final class Active {
        final String runId;
        final Thread runner;
        final AtomicBoolean leaseLost;
        final DeferredJournal deferred;
        final LeasedJournal leased;
        final long started;
        volatile long renewed;
        long cancelChecked;

        Active(String runId, Thread runner, AtomicBoolean leaseLost, DeferredJournal deferred, LeasedJournal leased, long now) {
            this.runId = runId;
            this.runner = runner;
            this.leaseLost = leaseLost;
            this.deferred = deferred;
            this.leased = leased;
            this.started = now;
            this.renewed = now;
            this.cancelChecked = now;
        }

        /** Whether the run's record is in the store or on its way there (so that its lease can be renewed). */
        boolean stored() {
            return deferred != null ? deferred.written() : leased == null || leased.created();
        }

        /** Hands the run's record (and what it did so far) to the store. */
        void store() {
            if (deferred != null) {
                deferred.flush();
            } else if (leased != null) {
                leased.flush();
            }
        }
    }

    /**
     * One periodic pass over the runs in flight (instead of timers per run): renews each lease a third
     * of the way through it, looks for a cancel request twice a second, and writes an unrecorded run
     * that has gone on for a second.
     */
    private void watch() {
        long now = System.nanoTime();
        for (Active a : active.values()) {
            try {
                if (!a.stored()) {
                    if (now - a.started >= DEFER_AT_MOST_NANOS) {
                        a.store();
                        a.renewed = now;
                    }
                    continue;
                }
                if (now - a.renewed >= lease.toNanos() / 3) {
                    if (store.heartbeat(a.runId, id, clock.now().plus(lease))) {
                        a.renewed = now;
                    } else if (a.leaseLost.compareAndSet(false, true)) {
                        a.runner.interrupt();
                    }
                }
                if (now - a.cancelChecked >= CANCEL_CHECK_NANOS) {
                    a.cancelChecked = now;
                    if (store.cancelRequested(a.runId)) {
                        a.runner.interrupt();
                    }
                }
            } catch (RuntimeException e) {
                // the database did not answer this time: the next pass tries again before the lease runs out
            }
        }
    }

    /**
     * The store does not check who releases a run, so a worker whose lease may have run out (no renewal
     * for half a lease: the database was slow or away) asks once more before it writes the end.
     */
    private boolean stillHeld(RunRecord run, long lastRenewedNanos) {
        if (System.nanoTime() - lastRenewedNanos < lease.toNanos() / 2) {
            return true;
        }
        try {
            return store.heartbeat(run.id(), id, clock.now().plus(lease));
        } catch (RuntimeException e) {
            return false;
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
        java.util.concurrent.ExecutorService f = finishing;
        if (f != null) {
            // the listener still hears of the ends on their way (for a few seconds at most)
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            try {
                while (endsOnTheirWay.get() > 0 && System.nanoTime() < until) {
                    Thread.sleep(5);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            f.shutdown();
        }
    }
}
