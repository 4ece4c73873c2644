package dev.switchboard.platform.credential;

import java.time.Instant;
import java.util.Map;

/**
 * A stored credential as the platform passes it around: who it is ({@code id}, {@code name},
 * {@code type}), when it changed, and its data sealed. The secret values come out only through an
 * explicit {@link #decrypt} (or {@link CredentialStore#decrypt}); {@code toString} and
 * {@link SealedData#masked()} show field names only.
 */
public record Credential(String id, String name, String type, Instant createdAt, Instant updatedAt, SealedData data) {

    /** What a secret value is shown as. */
    public static final String MASK = "••••";

    /** The data in clear, for the code that must use it (a node calling a service). */
    public Map<String, Object> decrypt(CredentialCipher cipher) {
        return cipher.decrypt(id, data.ciphertext());
    }
}
