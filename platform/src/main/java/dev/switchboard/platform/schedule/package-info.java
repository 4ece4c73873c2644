/**
 * Schedules: the rules of Schedule Trigger nodes as cron expressions, fired by Quartz (RAM job store)
 * on every instance; each firing creates its run with a key unique per workflow, node, rule and fire
 * time, so instances sharing one database make exactly one run.
 */
package dev.switchboard.platform.schedule;
