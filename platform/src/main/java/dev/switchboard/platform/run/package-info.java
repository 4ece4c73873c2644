/**
 * Runs: executing a workflow version node by node in n8n's order, with lineage, retries, error
 * routing and pinned data; writing every finished step to a {@link dev.switchboard.platform.run.RunJournal}
 * before the next begins, and resuming a run from its journal after the last finished step.
 */
package dev.switchboard.platform.run;
