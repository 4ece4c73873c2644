/**
 * The people who sign in: users, their roles (admin, builder, approver, viewer) and their passwords,
 * stored only as salted PBKDF2 hashes. The store is an interface; MongoDB keeps it in the server.
 */
package dev.switchboard.platform.user;
