/**
 * Who may see what: the sign-in against the platform's users, the roles as Spring authorities, and
 * the two security chains (the REST API, webhooks and health checks keep their own API-key rules;
 * the UI needs a signed-in user).
 */
package dev.switchboard.ui.security;
