package dev.switchboard.platform.user;

import java.util.Set;

/** A change to a user; each null field is left as it is. */
public record UserUpdate(String name, Set<Role> roles, Boolean disabled, String password) {

    public UserUpdate {
        roles = roles == null ? null : Set.copyOf(roles);
    }
}
