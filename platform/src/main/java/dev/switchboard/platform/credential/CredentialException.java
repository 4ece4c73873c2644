package dev.switchboard.platform.credential;

/**
 * Why a credential cannot be stored, found or opened. Messages name the credential (id, name) and
 * the key by its id, never a secret value or key material.
 */
public abstract sealed class CredentialException extends RuntimeException
        permits CredentialException.NotFound, CredentialException.Invalid, CredentialException.WrongKey,
        CredentialException.Damaged, CredentialException.ConcurrentEdit {

    private CredentialException(String message) {
        super(message);
    }

    /** No credential with that id. */
    public static final class NotFound extends CredentialException {
        public NotFound(String message) {
            super(message);
        }
    }

    /** A name, type or data map the vault does not accept. */
    public static final class Invalid extends CredentialException {
        public Invalid(String message) {
            super(message);
        }
    }

    /** The credential was encrypted under another master key than the one at hand. */
    public static final class WrongKey extends CredentialException {
        private final String storedKeyId;

        public WrongKey(String message, String storedKeyId) {
            super(message);
            this.storedKeyId = storedKeyId;
        }

        /** The id of the key the credential is encrypted under. */
        public String storedKeyId() {
            return storedKeyId;
        }
    }

    /** The ciphertext is not what this key wrote for this credential: altered, truncated or moved. */
    public static final class Damaged extends CredentialException {
        public Damaged(String message) {
            super(message);
        }
    }

    /** Someone else changed the credential at the same time, again and again. */
    public static final class ConcurrentEdit extends CredentialException {
        public ConcurrentEdit(String message) {
            super(message);
        }
    }
}
