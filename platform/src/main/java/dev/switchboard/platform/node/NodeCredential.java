package dev.switchboard.platform.node;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A credential as a node receives it while it runs: which one ({@code id}, {@code name}, {@code type}),
 * its data in clear, and which of its fields are secret. The engine masks every secret value it
 * handed out wherever the run writes text (logs, errors, stored items). {@code toString} shows field
 * names only.
 *
 * @param secretFields the fields whose values (strings, at any depth) are secret
 * @param declaration  the type as a node declared it; null when no node on the class path declares it
 */
public record NodeCredential(String id, String name, String type, Map<String, Object> data, Set<String> secretFields,
        CredentialType declaration) {

    public NodeCredential {
        data = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(data));
        secretFields = Set.copyOf(secretFields);
    }

    /** A field's value as text; empty when absent. */
    public String text(String field) {
        Object v = data.get(field);
        return v == null ? "" : v instanceof String s ? s : dev.switchboard.platform.json.Json.toText(v);
    }

    /** How this credential signs an HTTP request, when its type says. */
    public Optional<HttpAuthentication> httpAuthentication() {
        return declaration == null ? Optional.empty() : declaration.httpAuthentication();
    }

    @Override
    public String toString() {
        return "NodeCredential[" + type + " \"" + name + "\" (" + id + "), fields " + data.keySet() + "]";
    }
}
