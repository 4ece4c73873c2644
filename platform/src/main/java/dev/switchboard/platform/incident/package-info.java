/**
 * Incidents: a failed run (when its workflow asks for it) or a rollback that needs attention opens one,
 * assigned to the workflow's owner; it moves from open to investigating to resolved, with root-cause notes
 * and a resolution, and resolving it records who and when.
 */
package dev.switchboard.platform.incident;
