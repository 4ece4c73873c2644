package dev.switchboard.nodes.transform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.switchboard.platform.json.JsValues;
import dev.switchboard.platform.json.Json;
import dev.switchboard.platform.json.JsonPath;

/**
 * Field access as n8n's list nodes do it with lodash: {@code get}, {@code set}, {@code unset},
 * {@code pick}, {@code merge} on dot paths ({@code a.b[0].c}), a key that exists literally winning
 * over its path reading, and the plain-key access used when dot notation is disabled.
 */
final class FieldPaths {

    private static final Set<String> UNSAFE_SEGMENTS = Set.of("__proto__", "prototype", "constructor");
    private static final Pattern INDEX = Pattern.compile("\\d+");

    private FieldPaths() {
    }

    /** The value of a field, {@link JsSemantics#UNDEFINED} when absent; a dot path unless dot notation is off. */
    static Object value(Map<String, Object> json, String field, boolean dotNotation) {
        if (!dotNotation) {
            return json.containsKey(field) ? json.get(field) : JsValues.UNDEFINED;
        }
        return get(json, field);
    }

    /** lodash {@code get}: {@link JsSemantics#UNDEFINED} when any part is missing. */
    static Object get(Object root, String path) {
        if (root instanceof Map<?, ?> map && map.containsKey(path)) {
            return map.get(path);
        }
        List<String> segments = segments(path);
        if (segments.isEmpty()) {
            return JsValues.UNDEFINED;
        }
        Object current = root;
        for (String seg : segments) {
            current = child(current, seg);
            if (current == JsValues.UNDEFINED) {
                return current;
            }
        }
        return current;
    }

    private static Object child(Object container, String seg) {
        if (container instanceof Map<?, ?> map) {
            return map.containsKey(seg) ? map.get(seg) : JsValues.UNDEFINED;
        }
        if (container instanceof List<?> list && INDEX.matcher(seg).matches()) {
            try {
                int i = Integer.parseInt(seg);
                return i < list.size() ? list.get(i) : JsValues.UNDEFINED;
            } catch (NumberFormatException e) {
                return JsValues.UNDEFINED;
            }
        }
        return JsValues.UNDEFINED;
    }

    /** Whether any segment of the path would reach an object's prototype in JavaScript. */
    static boolean isUnsafe(String path) {
        for (String seg : path.split("\\.", -1)) {
            if (UNSAFE_SEGMENTS.contains(seg)) {
                return true;
            }
        }
        return false;
    }

    /** lodash {@code set}: creates objects (or arrays before index segments) on the way. */
    @SuppressWarnings("unchecked")
    static void set(Map<String, Object> root, String path, Object value) {
        if (root.containsKey(path) || !isDeepPath(path)) {
            if (!UNSAFE_SEGMENTS.contains(path)) {
                root.put(path, value);
            }
            return;
        }
        List<String> segs = segments(path);
        if (segs.isEmpty()) {
            return;
        }
        for (String s : segs) {
            if (UNSAFE_SEGMENTS.contains(s)) {
                return;
            }
        }
        Object current = root;
        for (int i = 0; i < segs.size(); i++) {
            String seg = segs.get(i);
            boolean last = i == segs.size() - 1;
            Object next;
            if (last) {
                next = value;
            } else {
                Object existing = child(current, seg);
                if (JsSemantics.isContainer(existing)) {
                    current = existing;
                    continue;
                }
                next = INDEX.matcher(segs.get(i + 1)).matches() ? new ArrayList<>() : new LinkedHashMap<String, Object>();
            }
            if (current instanceof Map<?, ?> map) {
                ((Map<String, Object>) map).put(seg, next);
            } else if (current instanceof List<?> list && INDEX.matcher(seg).matches()) {
                List<Object> l = (List<Object>) list;
                int idx = Integer.parseInt(seg);
                while (l.size() <= idx) {
                    l.add(null);
                }
                l.set(idx, next);
            } else {
                return;
            }
            current = next;
        }
    }

    /** lodash {@code unset}; an array element removed this way leaves a hole (null in JSON). */
    @SuppressWarnings("unchecked")
    static void unset(Map<String, Object> root, String path) {
        if (root.containsKey(path) || !isDeepPath(path)) {
            root.remove(path);
            return;
        }
        List<String> segs = segments(path);
        if (segs.isEmpty()) {
            return;
        }
        Object parent = root;
        for (int i = 0; i < segs.size() - 1; i++) {
            parent = child(parent, segs.get(i));
        }
        String last = segs.get(segs.size() - 1);
        if (parent instanceof Map<?, ?> map) {
            ((Map<String, Object>) map).remove(last);
        } else if (parent instanceof List<?> list && INDEX.matcher(last).matches()) {
            int idx = Integer.parseInt(last);
            if (idx < list.size()) {
                ((List<Object>) list).set(idx, null);
            }
        }
    }

    /** lodash {@code pick}: a new object with just the given paths (nested paths keep their nesting). */
    static Map<String, Object> pick(Map<String, Object> json, List<String> paths) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String path : paths) {
            Object v = get(json, path);
            if (v != JsValues.UNDEFINED) {
                if (json.containsKey(path)) {
                    out.put(path, Json.copy(v));
                } else {
                    set(out, path, Json.copy(v));
                }
            }
        }
        return out;
    }

    /** lodash {@code merge}: deep, objects merged key by key and arrays index by index, into {@code target}. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> merge(Map<String, Object> target, Map<String, Object> source) {
        for (var e : source.entrySet()) {
            Object existing = target.get(e.getKey());
            Object incoming = e.getValue();
            if (existing instanceof Map<?, ?> tm && incoming instanceof Map<?, ?> sm) {
                merge((Map<String, Object>) tm, (Map<String, Object>) sm);
            } else if (existing instanceof List<?> tl && incoming instanceof List<?> sl) {
                mergeLists((List<Object>) tl, (List<Object>) sl);
            } else {
                target.put(e.getKey(), Json.copy(incoming));
            }
        }
        return target;
    }

    @SuppressWarnings("unchecked")
    private static void mergeLists(List<Object> target, List<Object> source) {
        for (int i = 0; i < source.size(); i++) {
            Object incoming = source.get(i);
            Object existing = i < target.size() ? target.get(i) : null;
            if (existing instanceof Map<?, ?> tm && incoming instanceof Map<?, ?> sm) {
                merge((Map<String, Object>) tm, (Map<String, Object>) sm);
            } else if (existing instanceof List<?> tl && incoming instanceof List<?> sl) {
                mergeLists((List<Object>) tl, (List<Object>) sl);
            } else if (i < target.size()) {
                target.set(i, Json.copy(incoming));
            } else {
                target.add(Json.copy(incoming));
            }
        }
    }

    /**
     * The leaf paths of a JSON object joined with dots (n8n's {@code flattenKeys}): nested objects and
     * arrays are walked, empty ones contribute nothing.
     */
    static List<String> flattenKeys(Map<String, Object> json) {
        List<String> out = new ArrayList<>();
        flatten(json, "", out);
        return out;
    }

    private static void flatten(Object value, String prefix, List<String> out) {
        if (value instanceof Map<?, ?> map) {
            for (var e : map.entrySet()) {
                flatten(e.getValue(), prefix.isEmpty() ? String.valueOf(e.getKey()) : prefix + "." + e.getKey(), out);
            }
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                flatten(list.get(i), prefix.isEmpty() ? Integer.toString(i) : prefix + "." + i, out);
            }
        } else if (!out.contains(prefix)) {
            out.add(prefix);
        }
    }

    /** Whether lodash reads the string as a path rather than as one key (it has a dot or a bracket). */
    private static boolean isDeepPath(String path) {
        return path.indexOf('.') >= 0 || path.indexOf('[') >= 0;
    }

    private static List<String> segments(String path) {
        List<String> out = new ArrayList<>();
        if (path.startsWith(".")) {
            out.add("");
        }
        for (Object seg : JsonPath.segments(path)) {
            out.add(String.valueOf(seg));
        }
        return out;
    }
}
