package dev.switchboard.platform.run;

import java.util.List;

/**
 * Where a run's steps are written as they finish. One call per step, each writing one whole record
 * (no transactions needed): a crash loses at most the step in flight, and {@link #steps} gives a
 * new executor what it needs to resume.
 */
public interface RunJournal {

    /** Records a finished (or waiting) step; a later record with the same index replaces it. */
    void stepFinished(String runId, Step step);

    /** The steps recorded for a run, by index. */
    List<Step> steps(String runId);

    /**
     * Returns once every step recorded so far is stored. The executor calls it before a node runs, so a
     * journal may let a step's write travel while the executor does its bookkeeping, and is still
     * written before the next node begins.
     */
    default void awaitWritten() {
    }

    /** The run's status changed. */
    default void statusChanged(String runId, RunStatus status, StepError error) {
    }
}
