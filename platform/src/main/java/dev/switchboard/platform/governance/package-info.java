/**
 * Governance: the append-only audit log of who did what, the admin's policy of which risk tags need an
 * approval gate upstream, and publishing, which checks that policy (an admin may override it with a
 * reason, which is logged) and records every publish and version rollback.
 */
package dev.switchboard.platform.governance;
