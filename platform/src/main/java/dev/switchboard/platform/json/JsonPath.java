package dev.switchboard.platform.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Dot-notation paths into JSON values, as n8n's "dot notation" fields use them: {@code a.b[0].c},
 * {@code a["b c"]}. Reading never throws; writing creates the objects on the way.
 */
public final class JsonPath {

    private JsonPath() {
    }

    private static final java.util.Map<String, List<Object>> PARSED = new java.util.concurrent.ConcurrentHashMap<>();

    /** The segments of a path: names (String) and indexes (Integer); parsed once per distinct path. */
    public static List<Object> segments(String path) {
        List<Object> cached = PARSED.get(path);
        if (cached != null) {
            return cached;
        }
        List<Object> parsed = List.copyOf(parse(path));
        if (PARSED.size() > 10_000) {
            PARSED.clear();
        }
        PARSED.put(path, parsed);
        return parsed;
    }

    private static List<Object> parse(String path) {
        List<Object> out = new ArrayList<>();
        StringBuilder name = new StringBuilder();
        int i = 0;
        int n = path.length();
        while (i < n) {
            char c = path.charAt(i);
            if (c == '.') {
                if (!name.isEmpty()) {
                    out.add(name.toString());
                    name.setLength(0);
                }
                i++;
            } else if (c == '[') {
                if (!name.isEmpty()) {
                    out.add(name.toString());
                    name.setLength(0);
                }
                int close = path.indexOf(']', i);
                if (close < 0) {
                    name.append(path, i, n);
                    break;
                }
                String inside = path.substring(i + 1, close).trim();
                if ((inside.startsWith("\"") && inside.endsWith("\"") || inside.startsWith("'") && inside.endsWith("'"))
                        && inside.length() >= 2) {
                    out.add(inside.substring(1, inside.length() - 1));
                } else {
                    try {
                        out.add(Integer.parseInt(inside));
                    } catch (NumberFormatException e) {
                        out.add(inside);
                    }
                }
                i = close + 1;
            } else {
                name.append(c);
                i++;
            }
        }
        if (!name.isEmpty()) {
            out.add(name.toString());
        }
        return out;
    }

    /** Whether the path names a value that is present (even if null). */
    public static boolean has(Object root, String path) {
        Object current = root;
        for (Object seg : segments(path)) {
            if (current instanceof Map<?, ?> map && map.containsKey(String.valueOf(seg))) {
                current = map.get(String.valueOf(seg));
            } else if (current instanceof List<?> list && seg instanceof Integer idx && idx >= 0 && idx < list.size()) {
                current = list.get(idx);
            } else {
                return false;
            }
        }
        return true;
    }

    /** The value at the path, or {@code null} when any part is missing. */
    public static Object get(Object root, String path) {
        return get(root, segments(path));
    }

    public static Object get(Object root, List<Object> segments) {
        Object current = root;
        for (Object seg : segments) {
            if (current instanceof Map<?, ?> map) {
                current = map.get(String.valueOf(seg));
            } else if (current instanceof List<?> list) {
                int idx;
                if (seg instanceof Integer i) {
                    idx = i;
                } else {
                    try {
                        idx = Integer.parseInt(String.valueOf(seg));
                    } catch (NumberFormatException e) {
                        return null;
                    }
                }
                current = idx >= 0 && idx < list.size() ? list.get(idx) : null;
            } else {
                return null;
            }
        }
        return current;
    }

    /** Sets the value at the path, creating objects (or arrays for numeric segments) on the way. */
    @SuppressWarnings("unchecked")
    public static void set(Map<String, Object> root, String path, Object value) {
        List<Object> segs = segments(path);
        if (segs.isEmpty()) {
            return;
        }
        Object current = root;
        for (int i = 0; i < segs.size() - 1; i++) {
            Object seg = segs.get(i);
            Object next = segs.get(i + 1);
            Object child = childOf(current, seg);
            if (!(child instanceof Map) && !(child instanceof List)) {
                child = next instanceof Integer ? new ArrayList<>() : new LinkedHashMap<String, Object>();
                putChild(current, seg, child);
            }
            current = child;
        }
        putChild(current, segs.get(segs.size() - 1), value);
    }

    /** Removes the value at the path when present. */
    public static void remove(Map<String, Object> root, String path) {
        List<Object> segs = segments(path);
        if (segs.isEmpty()) {
            return;
        }
        Object parent = get(root, segs.subList(0, segs.size() - 1));
        Object last = segs.get(segs.size() - 1);
        if (parent instanceof Map<?, ?> map) {
            map.remove(String.valueOf(last));
        } else if (parent instanceof List<?> list && last instanceof Integer idx && idx >= 0 && idx < list.size()) {
            list.remove((int) idx);
        }
    }

    private static Object childOf(Object container, Object seg) {
        if (container instanceof Map<?, ?> map) {
            return map.get(String.valueOf(seg));
        }
        if (container instanceof List<?> list && seg instanceof Integer idx && idx >= 0 && idx < list.size()) {
            return list.get(idx);
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static void putChild(Object container, Object seg, Object value) {
        if (container instanceof Map<?, ?> map) {
            ((Map<String, Object>) map).put(String.valueOf(seg), value);
        } else if (container instanceof List<?> list && seg instanceof Integer idx && idx >= 0) {
            List<Object> l = (List<Object>) list;
            while (l.size() <= idx) {
                l.add(null);
            }
            l.set(idx, value);
        }
    }
}
