package dev.switchboard.platform.run;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The journal of a run a {@link RunWorker} holds: it writes steps only while the worker still holds the run;
 * once another worker has taken it over (this one stalled past its lease), nothing more is written here.
 * The steps of nodes that only compute are held and handed to the store together, with the run's record
 * when it is not stored yet.
 */
final class LeasedJournal implements RunJournal {
    /** Steps held before they are handed over together, at most (and for at most {@link #HOLD_NANOS}). */
    private static final int HOLD_STEPS = 64;
    private static final long HOLD_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    private final RunStore store;
    private final String runId;
    private final AtomicBoolean leaseLost;
    private final boolean fresh;
    /** The run's record, until it is handed over with the first steps (null: stored or on its way). */
    private volatile RunRecord toCreate;
    /** Finished steps not handed over yet: those of nodes that only computed, until a node that acts outside. */
    private final java.util.List<Step> held = new java.util.ArrayList<>();
    private long heldSince;
    /** The writes on their way (the run's creation, its last steps), awaited before a node that acts outside runs. */
    private final java.util.List<java.util.concurrent.CompletableFuture<Void>> pending = new java.util.ArrayList<>();
    /** The index after the last step written (steps below it are replaced when written again). */
    private int nextIndex;
    /** Whether the run's record is known to be stored (a wait for the writes on their way ended after it was handed over). */
    private volatile boolean recordStored;

    LeasedJournal(RunStore store, String runId, AtomicBoolean leaseLost, boolean fresh,
            java.util.concurrent.CompletableFuture<Void> created, RunRecord toCreate) {
        this.store = store;
        this.runId = runId;
        this.leaseLost = leaseLost;
        this.fresh = fresh;
        this.toCreate = toCreate;
        this.recordStored = toCreate == null && created == null;
        if (created != null) {
            pending.add(created);
        }
    }

    /** Whether the run's record is stored or on its way. */
    boolean created() {
        return toCreate == null;
    }

    /** Whether the run's record is stored: it was stored before, or a wait for the writes on their way has ended since. */
    boolean recordStored() {
        return recordStored;
    }

    @Override
    public synchronized void stepFinished(String runId, Step step) {
        if (leaseLost.get()) {
            throw new IllegalStateException("the lease on run " + runId + " was lost; another worker continues it");
        }
        if (held.isEmpty()) {
            heldSince = System.nanoTime();
        }
        held.add(step);
        if (step.index() < nextIndex) {
            // a step written before (a wait that ended) is replaced: that write is done before any later one
            awaitWritten();
        } else if (held.size() >= HOLD_STEPS || System.nanoTime() - heldSince >= HOLD_NANOS) {
            flush();
        }
        nextIndex = Math.max(nextIndex, step.index() + 1);
    }

    /** Hands the run's record (if not yet) and the steps held over to the store, without waiting. */
    synchronized void flush() {
        if (held.isEmpty() && toCreate == null) {
            return;
        }
        pending.add(store.journalLater(toCreate, runId, java.util.List.copyOf(held)));
        toCreate = null;
        held.clear();
    }

    /** Hands everything over (see {@link #flush}); the future completes once all written so far is stored. */
    synchronized java.util.concurrent.CompletableFuture<Void> handOver() {
        flush();
        java.util.concurrent.CompletableFuture<Void> all = java.util.concurrent.CompletableFuture.allOf(
                pending.toArray(java.util.concurrent.CompletableFuture[]::new));
        pending.clear();
        return all;
    }

    @Override
    public synchronized void awaitWritten() {
        flush();
        try {
            for (java.util.concurrent.CompletableFuture<Void> f : pending) {
                f.join();
            }
            recordStored = true;
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        } finally {
            pending.clear();
        }
    }

    @Override
    public synchronized java.util.List<Step> steps(String runId) {
        java.util.List<Step> stored = fresh ? java.util.List.of() : store.steps(runId);
        for (Step s : stored) {
            nextIndex = Math.max(nextIndex, s.index() + 1);
        }
        return stored;
    }
}
