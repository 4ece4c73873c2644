package dev.switchboard.platform.credential;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A credential's data as stored: the names of its fields in clear, the values encrypted (by
 * {@link CredentialCipher}, under the master key {@code keyId}). Not a record on purpose: nothing here
 * prints or compares the ciphertext by accident.
 */
public final class SealedData {

    private final List<String> fields;
    private final String keyId;
    private final String ciphertext;

    public SealedData(List<String> fields, String keyId, String ciphertext) {
        this.fields = List.copyOf(fields);
        this.keyId = keyId;
        this.ciphertext = ciphertext;
    }

    /** The names of the data's fields, in the order they were given. */
    public List<String> fields() {
        return fields;
    }

    /** The id of the master key the values are encrypted under. */
    public String keyId() {
        return keyId;
    }

    /** The versioned ciphertext in base64 (see {@link CredentialCipher}). */
    public String ciphertext() {
        return ciphertext;
    }

    /** Each field name with its value replaced by {@link Credential#MASK}. */
    public Map<String, Object> masked() {
        Map<String, Object> out = new LinkedHashMap<>();
        fields.forEach(f -> out.put(f, Credential.MASK));
        return out;
    }

    @Override
    public String toString() {
        return "SealedData" + fields + " under key " + keyId;
    }
}
