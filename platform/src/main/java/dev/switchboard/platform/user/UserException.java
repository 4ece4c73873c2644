package dev.switchboard.platform.user;

/** Why the user store refused a request; each kind maps to one API error. */
public abstract sealed class UserException extends RuntimeException {

    UserException(String message) {
        super(message);
    }

    /** No user with that id. */
    public static final class NotFound extends UserException {
        public NotFound(String message) {
            super(message);
        }
    }

    /** A field is missing or wrong; the message names it. */
    public static final class Invalid extends UserException {
        public Invalid(String message) {
            super(message);
        }
    }

    /** Another user has that user name. */
    public static final class UsernameTaken extends UserException {
        public UsernameTaken(String message) {
            super(message);
        }
    }

    /** The change would leave no enabled admin, so nobody could manage users any more. */
    public static final class LastAdmin extends UserException {
        public LastAdmin(String message) {
            super(message);
        }
    }
}
