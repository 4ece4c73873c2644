package dev.switchboard.platform.user;

import java.util.Optional;
import java.util.Set;

import dev.switchboard.platform.paging.Page;

/**
 * The users. User names are unique (compared in lower case); there is always at least one enabled
 * admin once there is any user: changes that would remove the last one are refused.
 */
public interface UserStore {

    /** Creates a user; the password is checked by {@link Passwords#check} and stored hashed. */
    User create(String username, String name, Set<Role> roles, String password);

    /** The user of this id. */
    Optional<User> get(String id);

    /** Users whose user name or name contains {@code search} (any case), by user name. */
    Page<User> list(String search, Page.Request request);

    User update(String id, UserUpdate update);

    void delete(String id);

    /** The enabled user with this user name and password; empty otherwise (which of the two was wrong is not told). */
    Optional<User> authenticate(String username, String password);

    /** How many users there are. */
    long count();
}
