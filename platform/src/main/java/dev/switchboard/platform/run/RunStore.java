package dev.switchboard.platform.run;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import dev.switchboard.platform.paging.Page;

/**
 * Where runs and their steps live. Every operation is a single-document write, so the store needs
 * no transactions: a run is created queued, claimed with a lease by one worker at a time
 * ({@code findOneAndUpdate}), its steps are journaled one document each, and a run whose lease
 * expired (its worker died) is claimed again and resumes after its last finished step.
 * <p>
 * A run's writes are stored in the order they were handed over, also those that return before they are
 * stored ({@link #createLater}, {@link #stepFinishedLater}): a worker hands over a run's end without waiting
 * for its last steps, and the end is still written after them.
 */
public interface RunStore extends RunJournal {

    /**
     * Stores a new run as the record says (queued; or running, already leased to the worker it names);
     * when a run with the same non-null key exists, returns that one instead.
     */
    RunRecord create(RunRecord run);

    Optional<RunRecord> get(String id);

    /** Runs matching the filter, newest first. */
    Page<RunRecord> list(RunFilter filter, Page.Request request);

    /**
     * Takes the oldest run that is due — queued, running with an expired lease, or waiting with its
     * time come — and leases it to {@code worker} until {@code now + lease}. At most one worker gets
     * each run.
     */
    default Optional<RunRecord> claim(String worker, Instant now, Duration lease) {
        return claim(worker, now, lease, java.util.Set.of());
    }

    /** As {@link #claim(String, Instant, Duration)}, passing over runs of the given workflows. */
    Optional<RunRecord> claim(String worker, Instant now, Duration lease, java.util.Set<String> exceptWorkflows);

    /**
     * Says that the instance whose workers' ids start with {@code instance} is alive until {@code until}
     * (it says so again before then). A store may look for runs left behind by dead instances only when
     * one stopped saying so, instead of searching all runs all the time.
     */
    default void instanceAlive(String instance, Instant until) {
    }

    /** Extends the lease; false when the worker no longer holds the run. */
    boolean heartbeat(String runId, String worker, Instant leaseUntil);

    /**
     * Cancels a run: a queued or waiting one at once; a running one is marked, and its worker stops it
     * between steps. Empty when there is no such run.
     */
    Optional<RunRecord> cancel(String runId, Instant now);

    /** Whether someone asked to cancel this running run. */
    boolean cancelRequested(String runId);

    /** Makes a waiting run due now (something resumed it); false when the run does not wait. */
    boolean wake(String runId, Instant now);

    /**
     * As {@link #create}, for a run about to execute here: the write may still be on its way when this
     * returns; the future completes once it is stored.
     */
    default java.util.concurrent.CompletableFuture<Void> createLater(RunRecord run) {
        create(run);
        return java.util.concurrent.CompletableFuture.completedFuture(null);
    }

    /** As {@link #stepFinished}, returning before the write is stored; the future completes once it is. */
    default java.util.concurrent.CompletableFuture<Void> stepFinishedLater(String runId, Step step) {
        stepFinished(runId, step);
        return java.util.concurrent.CompletableFuture.completedFuture(null);
    }

    /**
     * Hands over, at once and in this order, a run's creation ({@code created}; null when the run is stored
     * already) and finished steps, returning before they are stored; the future completes once all are (with
     * the first failure, if any). A step written before (same index) is replaced.
     */
    default java.util.concurrent.CompletableFuture<Void> journalLater(RunRecord created, String runId,
            java.util.List<Step> steps) {
        if (created != null) {
            create(created);
        }
        for (Step step : steps) {
            stepFinished(runId, step);
        }
        return java.util.concurrent.CompletableFuture.completedFuture(null);
    }

    /** How many runs wait to start (for a full queue's 429). */
    default long queuedCount() {
        return list(new RunFilter(null, RunStatus.QUEUED, null, null), new Page.Request(0, 1)).total();
    }

    /** Deletes a run and its steps. */
    void delete(String runId);

    /**
     * Deletes finished runs created before {@code olderThan}, and finished runs beyond the newest
     * {@code keepNewest}; returns how many went. Queued, running and waiting runs are never pruned.
     */
    int prune(Instant olderThan, int keepNewest);

    /**
     * Records how the run ended (or that it waits until {@code resumeAt}) and releases its lease. The
     * caller holds the lease (its heartbeat says so); the store does not check it again.
     */
    void release(String runId, String worker, RunStatus status, StepError error, Instant resumeAt, Instant now);

    /**
     * As {@link #release}, for a run that ended ({@code status} is finished), returning before the end is
     * stored; the future completes once it is. The end still follows every write of the run handed over before.
     */
    default java.util.concurrent.CompletableFuture<Void> releaseLater(String runId, String worker, RunStatus status,
            StepError error, Instant now) {
        release(runId, worker, status, error, null, now);
        return java.util.concurrent.CompletableFuture.completedFuture(null);
    }

    /**
     * Begins rolling a run back, in one conditional write: true when its status was one of {@code from}
     * and no rollback had begun; false otherwise (so two callers cannot both roll it back).
     */
    boolean beginRollback(String runId, java.util.Set<RunStatus> from);

    /** Ends a rollback with its outcome (rolled back, or needs attention). */
    void endRollback(String runId, RunStatus status, StepError error, Instant now);
}
