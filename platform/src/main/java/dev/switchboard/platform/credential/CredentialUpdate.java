package dev.switchboard.platform.credential;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A change to a credential. {@code name} and {@code type} replace the stored ones when not null. In
 * {@code data}, a field with a value replaces the stored value, a field set to null is removed, and a
 * field whose value is {@link Credential#MASK} keeps its stored value (a form that shows the masked
 * values and sends them back unchanged changes nothing); fields absent keep their stored values.
 */
public record CredentialUpdate(String name, String type, Map<String, Object> data) {

    public CredentialUpdate {
        data = data == null ? Map.of() : new LinkedHashMap<>(data);
    }

    /** Whether the update touches the data (and so needs it decrypted). */
    public boolean changesData() {
        return data.entrySet().stream().anyMatch(e -> !Credential.MASK.equals(e.getValue()));
    }

    /** The stored data with this update applied; the stored map is not changed. */
    public Map<String, Object> applyTo(Map<String, Object> stored) {
        checkMasks(stored.keySet());
        Map<String, Object> out = new LinkedHashMap<>(stored);
        data.forEach((field, value) -> {
            if (value == null) {
                out.remove(field);
            } else if (!Credential.MASK.equals(value)) {
                out.put(field, value);
            }
        });
        return out;
    }

    /** Refuses a mask sent for a field that is not stored: it stands for no value. */
    public void checkMasks(Collection<String> storedFields) {
        data.forEach((field, value) -> {
            if (Credential.MASK.equals(value) && !storedFields.contains(field)) {
                throw new CredentialException.Invalid("data field \"" + field + "\" is new but holds the mask "
                        + Credential.MASK + " instead of a value");
            }
        });
    }

    @Override
    public String toString() {
        return "CredentialUpdate[name=" + name + ", type=" + type + ", data fields " + data.keySet() + "]";
    }
}
