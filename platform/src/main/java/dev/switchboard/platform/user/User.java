package dev.switchboard.platform.user;

import java.time.Instant;
import java.util.Set;

/**
 * Someone who signs in. The password is not part of it: the store keeps only its hash and checks it.
 *
 * @param disabled a disabled user cannot sign in; the account and its history stay
 */
public record User(String id, String username, String name, Set<Role> roles, boolean disabled, Instant createdAt,
        Instant updatedAt) {

    public User {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role) || roles.contains(Role.ADMIN);
    }
}
