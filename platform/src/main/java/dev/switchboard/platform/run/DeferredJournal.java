package dev.switchboard.platform.run;

/**
 * The journal of a run a {@link RunWorker} executes for a workflow that keeps no successful runs: it holds
 * the run's steps in memory until the run turns out to need a record: it failed, it waits, or it has gone
 * on for a second (then it is written and continues step by step, as any other run, so a long run survives
 * a restart).
 */
final class DeferredJournal implements RunJournal {
    private final RunStore store;
    private final RunRecord run;
    private final java.util.List<Step> pending = new java.util.ArrayList<>();
    private volatile boolean written;

    DeferredJournal(RunStore store, RunRecord run) {
        this.store = store;
        this.run = run;
    }

    boolean written() {
        return written;
    }

    @Override
    public synchronized void stepFinished(String runId, Step step) {
        if (written) {
            store.stepFinished(runId, step);
        } else {
            pending.add(step);
        }
    }

    synchronized void flush() {
        if (written) {
            return;
        }
        store.create(run);
        for (Step s : pending) {
            store.stepFinished(run.id(), s);
        }
        pending.clear();
        written = true;
    }

    @Override
    public synchronized java.util.List<Step> steps(String runId) {
        return written ? store.steps(runId) : java.util.List.copyOf(pending);
    }
}
