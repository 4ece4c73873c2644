package dev.switchboard.platform.user;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a user may do; a user holds one or more. */
public enum Role {
    /** Manages users, API keys and connector credentials; does everything else too. */
    ADMIN,
    /** Draws, tests, publishes and runs workflows. */
    BUILDER,
    /** Answers approval requests. */
    APPROVER,
    /** Looks at workflows and runs, changes nothing. */
    VIEWER;

    /** The name used in the API and in MongoDB: {@code admin}, {@code builder}, … */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role of this name, in any case; a clear error naming the roles there are otherwise. */
    public static Role of(String id) {
        for (Role r : values()) {
            if (r.id().equalsIgnoreCase(id == null ? "" : id.strip())) {
                return r;
            }
        }
        throw new UserException.Invalid("\"" + id + "\" is not a role; the roles are "
                + Arrays.stream(values()).map(Role::id).collect(Collectors.joining(", ")));
    }
}
