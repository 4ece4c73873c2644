package dev.switchboard.platform.credential;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.switchboard.platform.paging.Page;

/**
 * Where credentials live, encrypted under the master key. Every method that takes or returns secret
 * values says so in its name ({@code create} and {@code update} take them, {@code decrypt} returns them);
 * everything else sees {@link SealedData}.
 */
public interface CredentialStore {

    /** Stores a new credential; its data is encrypted before it is written. */
    Credential create(String name, String type, Map<String, Object> data);

    Optional<Credential> get(String id);

    /** Newest change first; {@code search} matches the name (any case), {@code type} the type exactly. */
    Page<Credential> list(String search, String type, Page.Request request);

    /** Applies the change (see {@link CredentialUpdate}) in one write. */
    Credential update(String id, CredentialUpdate update);

    void delete(String id);

    /** The credential's data in clear. */
    Map<String, Object> decrypt(String id);

    /**
     * Re-encrypts every credential not yet under {@code to}: each one that {@code from} opens is decrypted
     * and written back under {@code to}, one document per write, so an interrupted run leaves each
     * credential whole under one key or the other, and running again finishes the job.
     */
    RekeyResult reencrypt(CredentialCipher from, CredentialCipher to, RekeyListener listener);

    /** Told after each credential is re-encrypted (the command line shows progress with it). */
    @FunctionalInterface
    interface RekeyListener {
        void reencrypted(String credentialId, long done, long total);

        static RekeyListener none() {
            return (id, done, total) -> { };
        }
    }

    /**
     * What a re-encryption did: {@code reencrypted} now, {@code alreadyDone} found under the new key,
     * and the credentials it could not open (under a third key, or damaged), which stay as they are.
     */
    record RekeyResult(long reencrypted, long alreadyDone, List<Unreadable> unreadable) {
        public RekeyResult {
            unreadable = List.copyOf(unreadable);
        }

        public boolean complete() {
            return unreadable.isEmpty();
        }
    }

    /** A credential a re-encryption could not open, and why (no secret in the reason). */
    record Unreadable(String id, String name, String reason) {
    }
}
