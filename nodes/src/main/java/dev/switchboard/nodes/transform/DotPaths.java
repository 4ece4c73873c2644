package dev.switchboard.nodes.transform;

import java.util.List;
import java.util.Map;

import dev.switchboard.platform.json.JsonPath;

/**
 * Field paths as n8n's nodes read and write them (lodash's get, set and unset): {@code a.b[0].c},
 * except that a key present as written ({@code "a.b"} on an object that has such a key) is taken
 * as one key, and a path without separators is always one key.
 */
final class DotPaths {

    /** Says "absent" apart from a present null. */
    static final Object MISSING = new Object();

    private DotPaths() {
    }

    /** The value at the path, or {@link #MISSING}. */
    static Object get(Map<String, Object> root, String path) {
        if (root.containsKey(path)) {
            return root.get(path);
        }
        if (isPlain(path)) {
            return MISSING;
        }
        return JsonPath.has(root, path) ? JsonPath.get(root, path) : MISSING;
    }

    static void set(Map<String, Object> root, String path, Object value) {
        if (root.containsKey(path) || isPlain(path)) {
            root.put(path, value);
            return;
        }
        List<Object> segments = JsonPath.segments(path);
        if (segments.isEmpty()) {
            root.put(path, value);
            return;
        }
        JsonPath.set(root, path, value);
    }

    static void unset(Map<String, Object> root, String path) {
        if (root.containsKey(path) || isPlain(path)) {
            root.remove(path);
            return;
        }
        JsonPath.remove(root, path);
    }

    /** n8n's key lookup without dot notation: the key as written, else its {@code ["..."]} form unwrapped. */
    static String literalKey(Map<String, Object> root, String key) {
        if (root.get(key) != null) {
            return key;
        }
        if ((key.startsWith("['") && key.endsWith("']") || key.startsWith("[\"") && key.endsWith("\"]"))
                && key.length() >= 4) {
            String inner = key.substring(2, key.length() - 2);
            if (root.get(inner) != null) {
                return inner;
            }
        }
        return key;
    }

    private static boolean isPlain(String path) {
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '.' || c == '[' || c == ']') {
                return false;
            }
        }
        return true;
    }
}
