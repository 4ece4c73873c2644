package dev.switchboard.platform.server;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import dev.switchboard.platform.run.RunIds;
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
    private final RetentionSettings retention;
    private java.util.concurrent.ScheduledExecutorService pruner;
    /** This instance, the prefix of its workers' ids. */
    private final String instance = UUID.randomUUID().toString().substring(0, 8);
    private java.util.concurrent.ScheduledExecutorService alive;
    private volatile String publicUrl;
    private volatile dev.switchboard.platform.run.CredentialResolver credentials =
            dev.switchboard.platform.run.CredentialResolver.none();
    private final List<Thread> threads = new ArrayList<>();
    private final RunSlots slots;
    private final ErrorWorkflows errorWorkflows;
    private final java.util.concurrent.ConcurrentHashMap<String, java.util.concurrent.CompletableFuture<dev.switchboard.platform.run.RunResult>> waiters =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.ExecutorService background = java.util.concurrent.Executors.newCachedThreadPool(
            r -> Thread.ofPlatform().daemon().name("switchboard-run-inline").unstarted(r));
    private volatile long maxQueued = 10_000;
    private volatile RunWorker inlineRunner;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private volatile boolean running;

    public RunService(WorkflowStore workflows, RunStore runs, LocalEngine engine, ServerSettings settings) {
        this(workflows, runs, engine, settings, RetentionSettings.defaults());
    }

    public RunService(WorkflowStore workflows, RunStore runs, LocalEngine engine, ServerSettings settings,
            RetentionSettings retention) {
        this.workflows = workflows;
        this.runs = runs;
        this.engine = engine;
        this.settings = settings;
        this.retention = retention;
        this.slots = new RunSlots(settings.maxConcurrentRuns(), settings.maxConcurrentRunsPerWorkflow());
        this.errorWorkflows = new ErrorWorkflows(workflows, engine, this::workflowOf,
                (target, version, trigger, items) -> start(target, version, trigger, items, "error"));
    }

    /** How many queued runs make the queue full ({@code switchboard.queue.max-queued}). */
    public RunService maxQueued(long max) {
        this.maxQueued = max;
        return this;
    }

    /** The queue is full: a run cannot start now and there is no room to wait. */
    public static final class QueueFullException extends RuntimeException {
        private final long queued;

        QueueFullException(long queued) {
            super("the run queue is full (" + queued + " runs waiting to start); try again shortly");
            this.queued = queued;
        }

        public long queued() {
            return queued;
        }
    }

    /** A run started for a caller who waits for it, and how it ended (null: still going when the wait ended). */
    public record Outcome(RunRecord run, dev.switchboard.platform.run.RunResult result) {
    }

    /**
     * Runs a workflow for a caller who waits for its end (a webhook answering when the last node
     * finished). With a free slot (under {@code switchboard.max-concurrent-runs} on this instance and
     * the workflow's own limit) the run executes at once in the caller's thread, leased to this
     * instance from its first write, so that another instance resumes it should this one die.
     * Otherwise it is queued and awaited; a full queue throws {@link QueueFullException}.
     */
    public Outcome runNow(StoredWorkflow workflow, int version, String startNode, List<Item> items, String mode,
            Duration timeout) throws InterruptedException {
        return runInCallersThread(workflow, version, startNode, items, mode, timeout, false);
    }

    /**
     * As {@link #runNow}, for a workflow whose nodes only compute and answer the caller (see
     * {@link dev.switchboard.platform.node.NodeType#onlyComputes}): once the run's record is stored, the caller
     * is given the outcome as soon as the run has executed, while its last steps and end are on their way to
     * the store (a webhook's answer is sent meanwhile; see {@link RunWorker#executeNewLeavingEnd}).
     */
    public Outcome runHere(StoredWorkflow workflow, int version, String startNode, List<Item> items, String mode,
            Duration timeout) throws InterruptedException {
        return runInCallersThread(workflow, version, startNode, items, mode, timeout, true);
    }

    private Outcome runInCallersThread(StoredWorkflow workflow, int version, String startNode, List<Item> items, String mode,
            Duration timeout, boolean leavingEnd) throws InterruptedException {
        if (slots.tryEnter(workflow.id())) {
            Runnable leave = leaveOnce(workflow.id());
            try {
                RunRecord run = leased(workflow, version, startNode, items, mode);
                RunWorker worker = inlineWorker();
                return new Outcome(run, leavingEnd ? worker.executeNewLeavingEnd(run, journalMode(run), leave)
                        : worker.executeNew(run, journalMode(run), null, leave));
            } finally {
                leave.run();
            }
        }
        RunRecord run = startQueued(workflow, version, startNode, items, mode);
        return awaitOutcome(run, timeout);
    }

    /**
     * Runs a workflow for a caller who waits for a particular step (a webhook answered by its Respond to
     * Webhook node): the future completes with that step as soon as it is journaled, while the run goes
     * on in the background, or with the run's end if no such step comes. Without a free slot the run is
     * queued and the future completes at its end.
     */
    public java.util.concurrent.CompletableFuture<Answer> runUntil(StoredWorkflow workflow, int version, String startNode,
            List<Item> items, String mode, java.util.function.Predicate<dev.switchboard.platform.run.Step> answers,
            Duration timeout) {
        java.util.concurrent.CompletableFuture<Answer> answer = new java.util.concurrent.CompletableFuture<>();
        if (!slots.tryEnter(workflow.id())) {
            RunRecord run = startQueued(workflow, version, startNode, items, mode);
            background.execute(() -> {
                try {
                    answer.complete(new Answer(awaitOutcome(run, timeout), null));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    answer.completeExceptionally(e);
                } catch (RuntimeException e) {
                    answer.completeExceptionally(e);
                }
            });
            return answer;
        }
        Runnable leave = leaveOnce(workflow.id());
        try {
            RunRecord run = leased(workflow, version, startNode, items, mode);
            RunWorker.JournalMode journal = journalMode(run);
            background.execute(() -> {
                try {
                    // the run's record travels to the store with its first steps
                    dev.switchboard.platform.run.RunResult result = inlineWorker().executeNew(run, journal, step -> {
                        if (!answer.isDone() && answers.test(step)) {
                            answer.complete(new Answer(new Outcome(run, null), step));
                        }
                    }, leave);
                    answer.complete(new Answer(new Outcome(run, result), null));
                } catch (RuntimeException e) {
                    answer.completeExceptionally(e);
                } finally {
                    leave.run();
                }
            });
            return answer;
        } catch (RuntimeException e) {
            leave.run();
            throw e;
        }
    }

    /**
     * Gives back a slot taken by {@code tryEnter}, once however often it is called: when the run stopped
     * executing (its end may still be on its way to the store, which needs no slot) or when starting it failed.
     */
    private Runnable leaveOnce(String workflowId) {
        java.util.concurrent.atomic.AtomicBoolean left = new java.util.concurrent.atomic.AtomicBoolean();
        return () -> {
            if (left.compareAndSet(false, true)) {
                slots.leave(workflowId);
            }
        };
    }

    /** What a waiting caller gets: the step it waited for, or (step null) how the run ended. */
    public record Answer(Outcome outcome, dev.switchboard.platform.run.Step step) {
    }

    /**
     * Starts a run for a caller who does not wait (a webhook answering at once): executed now on a
     * background thread when a slot is free, else queued; a full queue throws {@link QueueFullException}.
     */
    public RunRecord startNow(StoredWorkflow workflow, int version, String startNode, List<Item> items, String mode) {
        if (!slots.tryEnter(workflow.id())) {
            return startQueued(workflow, version, startNode, items, mode);
        }
        Runnable leave = leaveOnce(workflow.id());
        try {
            Inline inline = inline(workflow, version, startNode, items, mode);
            RunRecord run = inline.run();
            RunWorker.JournalMode journal = inline.journal();
            if (inline.created() != null) {
                // the caller is told the run started: it must be stored first
                inline.created().join();
            }
            background.execute(() -> {
                try {
                    inlineWorker().execute(run, journal, inline.created(), null, leave);
                } catch (RuntimeException e) {
                    LOG.warn("run {}: {}", run.id(), e.toString());
                } finally {
                    leave.run();
                }
            });
            return run;
        } catch (RuntimeException e) {
            leave.run();
            throw e;
        }
    }

    /**
     * A run about to execute on this instance, how it is journaled, and its creation on its way to the
     * store (null when nothing is written unless it fails).
     */
    private record Inline(RunRecord run, RunWorker.JournalMode journal, java.util.concurrent.CompletableFuture<Void> created) {
    }

    /**
     * Makes a run leased to this instance, its creation sent at once (stored before any node after its
     * trigger runs) unless its workflow keeps no successful runs.
     */
    private Inline inline(StoredWorkflow workflow, int version, String startNode, List<Item> items, String mode) {
        RunRecord run = leased(workflow, version, startNode, items, mode);
        RunWorker.JournalMode journal = journalMode(run);
        return new Inline(run, journal, journal == RunWorker.JournalMode.EVERY_STEP ? runs.createLater(run) : null);
    }

    private RunRecord startQueued(StoredWorkflow workflow, int version, String startNode, List<Item> items, String mode) {
        long queued = runs.queuedCount();
        if (queued >= maxQueued) {
            throw new QueueFullException(queued);
        }
        return start(workflow, version, startNode, items, mode);
    }

    private RunRecord leased(StoredWorkflow workflow, int version, String startNode, List<Item> items, String mode) {
        Instant now = Clock.systemUTC().instant();
        return new RunRecord(RunIds.next(), workflow.id(), version, workflow.name(), mode, null, startNode,
                items, RunStatus.RUNNING, null, now, now, null, inlineWorker().id(), now.plus(settings.lease()), null);
    }

    /** Successful runs of workflows that keep none are not written unless they fail, wait or take long. */
    private RunWorker.JournalMode journalMode(RunRecord run) {
        if ("manual".equals(run.mode())) {
            return RunWorker.JournalMode.EVERY_STEP;
        }
        Object save = workflowOf(run.workflowId(), run.workflowVersion()).settings()
                .getOrDefault("saveDataSuccessExecution", retention.saveSuccessful());
        return "none".equals(String.valueOf(save)) ? RunWorker.JournalMode.UNLESS_SUCCESSFUL : RunWorker.JournalMode.EVERY_STEP;
    }

    private RunWorker inlineWorker() {
        RunWorker w = inlineRunner;
        if (w == null) {
            synchronized (this) {
                if (inlineRunner == null) {
                    inlineRunner = newWorker(instance + "-inline");
                }
                w = inlineRunner;
            }
        }
        return w;
    }

    private RunWorker newWorker(String id) {
        return new RunWorker(id, runs, engine.executor(), this::workflowOf, settings.lease(), RunClock.system(),
                settings.zone(), this::subWorkflow).onFinished(this::afterRun).onWaiting(this::afterWaiting).publicUrl(publicUrl)
                .credentials(credentials).services(services);
    }

    private final java.util.List<java.util.function.Consumer<RunRecord>> waitingListeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * Tells {@code listener} of every run about to wait here (an approval request to make, say), before its
     * status says so; after a crash in between, it hears of the run again (see {@link RunWorker#onWaiting}).
     */
    public RunService onWaiting(java.util.function.Consumer<RunRecord> listener) {
        waitingListeners.add(listener);
        return this;
    }

    private void afterWaiting(RunRecord run) {
        for (var listener : waitingListeners) {
            try {
                listener.accept(run);
            } catch (RuntimeException e) {
                System.getLogger(RunService.class.getName()).log(System.Logger.Level.WARNING, "run " + run.id()
                        + ": a listener failed on its waiting: " + e.getMessage());
            }
        }
    }

    /** Whether the workflow of the run says so in its settings ({@code rollbackOnFailure}, {@code rollbackOnRejection}). */
    public boolean rollsBack(RunRecord run, String setting) {
        try {
            return Boolean.TRUE.equals(workflowOf(run.workflowId(), run.workflowVersion()).settings().get(setting));
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The server's address as callers reach it, for {@code $execution.resumeUrl}. */
    public RunService publicUrl(String url) {
        this.publicUrl = url;
        return this;
    }

    private volatile dev.switchboard.platform.run.RunServices services = dev.switchboard.platform.run.RunServices.none();

    /** Prices, reviews and histories for AI nodes (set before the workers start). */
    public RunService services(dev.switchboard.platform.run.RunServices runServices) {
        this.services = runServices;
        return this;
    }

    /** Where the credentials that nodes name come from: the vault (set before the workers start). */
    public RunService credentials(dev.switchboard.platform.run.CredentialResolver resolver) {
        this.credentials = new UsedCredentials(resolver);
        return this;
    }

    /** The vault as runs see it: the first use of each credential in a run goes to the audit log ("credential used"). */
    private final class UsedCredentials implements dev.switchboard.platform.run.CredentialResolver {
        private final dev.switchboard.platform.run.CredentialResolver vault;

        UsedCredentials(dev.switchboard.platform.run.CredentialResolver vault) {
            this.vault = vault;
        }

        @Override
        public dev.switchboard.platform.node.NodeCredential resolve(String type, String id, String name) {
            return vault.resolve(type, id, name);
        }

        @Override
        public dev.switchboard.platform.run.CredentialResolver forRun(RunRecord run) {
            java.util.Set<String> noted = java.util.concurrent.ConcurrentHashMap.newKeySet();
            return (type, id, name) -> {
                dev.switchboard.platform.node.NodeCredential credential = vault.resolve(type, id, name);
                if (noted.add(credential.id())) {
                    audit.record("run:" + run.id(), "credential used", "credential:" + credential.id(), "\""
                            + credential.name() + "\" by a run of \"" + run.workflowName() + "\"",
                            java.util.Map.of("runId", run.id(), "workflowId", run.workflowId()));
                }
                return credential;
            };
        }
    }

    /** Wakes the workers: a run became due. */
    public void runDue() {
        wake();
    }

    private final java.util.concurrent.ConcurrentHashMap<String, Workflow> versions = new java.util.concurrent.ConcurrentHashMap<>();

    /** The workflow a run names: version 0 is the draft. Published versions never change, so they are kept here once read. */
    public Workflow workflowOf(String workflowId, int version) {
        if (version != 0) {
            String key = workflowId + "@" + version;
            Workflow known = versions.get(key);
            if (known != null) {
                return known;
            }
            if (versions.size() > 2_000) {
                versions.clear();
            }
            Workflow read = readWorkflow(workflowId, version);
            versions.put(key, read);
            return read;
        }
        return readWorkflow(workflowId, version);
    }

    private Workflow readWorkflow(String workflowId, int version) {
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

    /**
     * When a triggered run failed and its workflow names an error workflow ({@code settings.errorWorkflow}),
     * starts that one from its Error Trigger with n8n's description of the failure.
     */
    void afterRun(RunRecord run, dev.switchboard.platform.run.RunResult result) {
        afterRun(run, result, true);
    }

    /** As {@link #afterRun(RunRecord, dev.switchboard.platform.run.RunResult)}; a run never stored needs no retention. */
    void afterRun(RunRecord run, dev.switchboard.platform.run.RunResult result, boolean stored) {
        errorWorkflows.afterRun(run, result);
        if (stored && result.status() == RunStatus.FAILED && rollsBack(run, "incidentOnFailure")) {
            openIncident(run, "run failed", "\"" + run.workflowName() + "\" failed"
                    + (result.error() == null ? "" : ": " + result.error().describe()));
        }
        if (stored && result.status() == RunStatus.FAILED && rollsBack(run, "rollbackOnFailure")) {
            try {
                rollback(run.id());
            } catch (RuntimeException e) {
                System.getLogger(RunService.class.getName()).log(System.Logger.Level.WARNING, "run " + run.id()
                        + ": the rollback after its failure could not start: " + e.getMessage());
            }
        }
        if (stored) {
            applyRetention(run, result.status());
        }
        java.util.concurrent.CompletableFuture<dev.switchboard.platform.run.RunResult> waiter = waiters.remove(run.id());
        if (waiter != null) {
            waiter.complete(result);
        }
    }

    /**
     * n8n's "save execution data" settings: a finished run whose workflow (its {@code settings}, else
     * the server's {@code switchboard.retention.save-successful} / {@code save-failed}) says
     * {@code none} is deleted once it has finished. Test runs from the editor are always kept.
     */
    void applyRetention(RunRecord run, RunStatus status) {
        if ("manual".equals(run.mode()) || (status != RunStatus.SUCCEEDED && status != RunStatus.FAILED)) {
            return;
        }
        try {
            Map<String, Object> s = workflowOf(run.workflowId(), run.workflowVersion()).settings();
            String save = status == RunStatus.SUCCEEDED
                    ? String.valueOf(s.getOrDefault("saveDataSuccessExecution", retention.saveSuccessful()))
                    : String.valueOf(s.getOrDefault("saveDataErrorExecution", retention.saveFailed()));
            if ("none".equals(save)) {
                runs.delete(run.id());
            }
        } catch (RuntimeException e) {
            LOG.warn("retention for run {}: {}", run.id(), e.getMessage());
        }
    }

    /** Queues a run of a workflow version (0: the draft) from its manual trigger with these items. */
    public RunRecord start(StoredWorkflow workflow, int version, List<Item> items, String mode) {
        return start(workflow, version, null, items, mode);
    }

    /**
     * Queues a run keyed by its trigger and fire time; when another instance already made the run for
     * this key, returns that one instead (exactly one run per firing).
     */
    public RunRecord startOnce(StoredWorkflow workflow, int version, String startNode, List<Item> items, String mode,
            String key) {
        RunRecord run = runs.create(RunRecord.queued(RunIds.next(), workflow.id(), version,
                workflow.name(), mode, key, startNode, items, Clock.systemUTC().instant()));
        wake();
        return run;
    }

    /** Queues a run that starts from the named trigger node (a webhook, a schedule) with these items. */
    public RunRecord start(StoredWorkflow workflow, int version, String startNode, List<Item> items, String mode) {
        RunRecord run = runs.create(RunRecord.queued(RunIds.next(), workflow.id(), version,
                workflow.name(), mode, null, startNode, items, Clock.systemUTC().instant()));
        wake();
        return run;
    }

    /** A new run of the same workflow version, trigger and input as a finished one. */
    public RunRecord retry(RunRecord original) {
        RunRecord run = runs.create(RunRecord.queued(RunIds.next(), original.workflowId(),
                original.workflowVersion(), original.workflowName(), "retry", null, original.startNode(),
                original.input(), Clock.systemUTC().instant()));
        wake();
        return run;
    }

    /** The statuses a run can be rolled back from: finished ones, and waiting (a rejected approval). */
    private static final java.util.Set<RunStatus> ROLLBACK_FROM = java.util.Set.of(RunStatus.SUCCEEDED, RunStatus.FAILED,
            RunStatus.CANCELLED, RunStatus.WAITING);

    /**
     * Rolls a run back: the compensations of its succeeded steps run newest first, each journaled as a step
     * with retries; the run ends rolled back, or needs attention when one kept failing. Refused (with
     * {@link RollbackException}) for a run that is queued or running, or that is already being or was
     * rolled back.
     */
    public RunRecord rollback(String runId) {
        return rollback(runId, "system");
    }

    /** As {@link #rollback(String)}, by {@code actor} (a user name, {@code api}), which the audit log keeps. */
    public RunRecord rollback(String runId, String actor) {
        RunRecord run = runs.get(runId).orElseThrow(() -> new WorkflowStore.NotFoundException("no run with id \"" + runId + "\""));
        if (!runs.beginRollback(runId, ROLLBACK_FROM)) {
            throw new RollbackException("run \"" + runId + "\" of \"" + run.workflowName() + "\" cannot be rolled back: it is "
                    + run.status().label() + (ROLLBACK_FROM.contains(run.status()) ? " and its rollback has begun" : ""));
        }
        Workflow workflow = workflowOf(run.workflowId(), run.workflowVersion());
        dev.switchboard.platform.run.RunRequest request = dev.switchboard.platform.run.RunRequest.builder(runId, workflow)
                .usePinData(run.workflowVersion() == 0 && "manual".equals(run.mode())).mode(run.mode())
                .defaultZone(settings.zone()).publicUrl(publicUrl).credentials(credentials).services(services).build();
        dev.switchboard.platform.run.RunJournal journal = new dev.switchboard.platform.run.RunJournal() {
            @Override
            public void stepFinished(String id, dev.switchboard.platform.run.Step step) {
                runs.stepFinished(id, step);
            }

            @Override
            public List<dev.switchboard.platform.run.Step> steps(String id) {
                return runs.steps(id);
            }
        };
        var outcome = new dev.switchboard.platform.run.Compensator(engine.types(), engine.javaScript())
                .rollBack(request, runs.steps(runId), journal);
        runs.endRollback(runId, outcome.status(), outcome.error(), Clock.systemUTC().instant());
        if (outcome.status() == RunStatus.NEEDS_ATTENTION) {
            openIncident(run, "rollback needs attention", "rolling back a run of \"" + run.workflowName()
                    + "\" left changes in place: " + outcome.error().message());
        }
        audit.record(actor, "run rolled back", "run:" + runId, "run of \"" + run.workflowName() + "\": "
                + outcome.status().label() + ", " + outcome.steps().size() + " undo step"
                + (outcome.steps().size() == 1 ? "" : "s") + (outcome.error() == null ? "" : " — " + outcome.error().message()),
                java.util.Map.of("workflowId", run.workflowId(), "status", outcome.status().label()));
        return runs.get(runId).orElse(run);
    }

    private volatile dev.switchboard.platform.governance.AuditLog audit = dev.switchboard.platform.governance.AuditLog.none();

    /** Where rollbacks are logged. */
    public RunService audit(dev.switchboard.platform.governance.AuditLog log) {
        this.audit = log;
        return this;
    }

    private volatile dev.switchboard.platform.incident.IncidentStore incidents;

    /** Where failed runs (when their workflow says so) and rollbacks that need attention open incidents. */
    public RunService incidents(dev.switchboard.platform.incident.IncidentStore store) {
        this.incidents = store;
        return this;
    }

    private void openIncident(RunRecord run, String reason, String title) {
        if (incidents == null) {
            return;
        }
        try {
            Object owner = workflowOf(run.workflowId(), run.workflowVersion()).extra().get("owner");
            Instant now = Clock.systemUTC().instant();
            incidents.open(new dev.switchboard.platform.incident.Incident(run.id() + ":" + reason.replace(' ', '-'), run.id(),
                    run.workflowId(), run.workflowName(), owner instanceof String o ? o : "", reason, title,
                    dev.switchboard.platform.incident.IncidentStatus.OPEN, null, null, now, now, null, null));
        } catch (RuntimeException e) {
            LOG.warn("run {}: its incident could not be opened: {}", run.id(), e.getMessage());
        }
    }

    /** A rollback that cannot be made; the message says why. */
    public static final class RollbackException extends RuntimeException {
        public RollbackException(String message) {
            super(message);
        }
    }

    /** Waits until the run has finished or waits, or the timeout passes; the run as it then stands. */
    public RunRecord await(String runId, Duration timeout) throws InterruptedException {
        RunRecord run = runs.get(runId).orElseThrow(() -> new WorkflowStore.NotFoundException("no run with id \"" + runId + "\""));
        Outcome o = awaitOutcome(run, timeout);
        return o.run();
    }

    /**
     * Waits for a queued run: a run that finishes on this instance hands over its result at once; one
     * that another instance executes (or that waits) is looked up every 200 ms.
     */
    private Outcome awaitOutcome(RunRecord run, Duration timeout) throws InterruptedException {
        Instant until = Instant.now().plus(timeout);
        java.util.concurrent.CompletableFuture<dev.switchboard.platform.run.RunResult> done = waiters.computeIfAbsent(run.id(),
                k -> new java.util.concurrent.CompletableFuture<>());
        try {
            RunRecord last = run;
            while (true) {
                try {
                    dev.switchboard.platform.run.RunResult result = done.get(200, TimeUnit.MILLISECONDS);
                    return new Outcome(runs.get(run.id()).orElse(last), result);
                } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
                    // not finished here (yet): look at the store
                }
                java.util.Optional<RunRecord> stored = runs.get(run.id());
                if (stored.isPresent()) {
                    last = stored.get();
                    if (last.status().isFinished() || last.status() == RunStatus.WAITING) {
                        return new Outcome(last, null);
                    }
                }
                if (Instant.now().isAfter(until)) {
                    return new Outcome(last, null);
                }
            }
        } finally {
            waiters.remove(run.id(), done);
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
        // other instances search for runs left behind only when this one stops saying it is alive
        alive = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
                r -> Thread.ofPlatform().daemon().name("switchboard-alive").unstarted(r));
        long every = Math.max(200, settings.lease().toMillis() / 3);
        alive.scheduleAtFixedRate(() -> {
            try {
                runs.instanceAlive(instance, java.time.Instant.now().plus(settings.lease()));
            } catch (RuntimeException e) {
                LOG.warn("instance {}: saying it is alive failed: {}", instance, e.toString());
            }
        }, 0, every, TimeUnit.MILLISECONDS);
        for (int i = 0; i < Math.max(1, settings.workers()); i++) {
            RunWorker worker = newWorker(instance + "-" + i);
            Thread t = Thread.ofPlatform().daemon().name("switchboard-run-worker-" + i).start(() -> loop(worker));
            threads.add(t);
        }
        LOG.info("{} run workers started", threads.size());
        if (!retention.pruneEvery().isZero()) {
            pruner = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
                    r -> Thread.ofPlatform().daemon().name("switchboard-prune").unstarted(r));
            pruner.scheduleWithFixedDelay(this::prune, 1, retention.pruneEvery().toMinutes() * 60, TimeUnit.SECONDS);
        }
    }

    private void loop(RunWorker worker) {
        while (running) {
            try {
                if (slots.full()) {
                    // every slot is taken: look again shortly rather than hold one while claiming
                    Thread.sleep(20);
                    continue;
                }
                Optional<RunRecord> claimed = worker.claim(slots.busyWorkflows());
                if (claimed.isPresent()) {
                    // the claimed run executes beside the others (up to the instance's limit) while this
                    // worker goes on taking runs from the queue
                    RunRecord run = claimed.get();
                    slots.enter(run.workflowId());
                    try {
                        background.execute(() -> {
                            try {
                                worker.executeClaimed(run);
                            } catch (RuntimeException e) {
                                LOG.warn("run {}: {}", run.id(), e.toString());
                            } finally {
                                slots.leave(run.workflowId());
                            }
                        });
                    } catch (RuntimeException e) {
                        slots.leave(run.workflowId());
                        throw e;
                    }
                } else {
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

    /** Deletes finished runs older than the retention's age, and beyond its count. */
    public int prune() {
        try {
            int n = runs.prune(Instant.now().minus(retention.maxAge()), retention.maxCount());
            if (n > 0) {
                LOG.info("pruned {} finished runs", n);
            }
            return n;
        } catch (RuntimeException e) {
            LOG.warn("pruning runs failed: {}", e.getMessage());
            return 0;
        }
    }

    @Override
    public void stop() {
        running = false;
        if (pruner != null) {
            pruner.shutdownNow();
        }
        if (alive != null) {
            alive.shutdownNow();
        }
        threads.forEach(Thread::interrupt);
        threads.clear();
        background.shutdown();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
