/** Trigger nodes: where a run starts (manual, legacy start, webhook, schedule, sub-workflow, error). */
package dev.switchboard.nodes.trigger;
