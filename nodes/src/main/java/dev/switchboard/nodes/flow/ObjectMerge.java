package dev.switchboard.nodes.flow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.switchboard.platform.json.Json;

/**
 * Combines JSON objects the way n8n's Merge node does: a deep merge (nested objects and arrays are
 * merged key by key and index by index, later values win) or a shallow one (top-level keys only);
 * "minimize empty fields" keeps an earlier value when the later one is null or "". The inputs are
 * never changed.
 */
final class ObjectMerge {

    /** How to combine: deep or shallow, and whether empty values may overwrite. */
    record Mode(boolean deep, boolean overrideEmpty) {
        static final Mode DEFAULT = new Mode(true, false);

        /** From Merge's clash-handling values ({@code mergeMode}, {@code overrideEmpty}). */
        static Mode of(Map<String, Object> clash) {
            boolean shallow = "shallowMerge".equals(clash.get("mergeMode"));
            return new Mode(!shallow, Boolean.TRUE.equals(clash.get("overrideEmpty")));
        }
    }

    private ObjectMerge() {
    }

    /** The objects merged left to right into a new object. */
    @SafeVarargs
    static Map<String, Object> merge(Mode mode, Map<String, Object>... objects) {
        return merge(mode, List.of(objects));
    }

    static Map<String, Object> merge(Mode mode, List<Map<String, Object>> objects) {
        Map<String, Object> out = new LinkedHashMap<>();
        boolean first = true;
        for (Map<String, Object> source : objects) {
            if (source == null) {
                continue;
            }
            if (mode.deep()) {
                // the first object is copied as-is: "minimize empty fields" only guards what is already there
                mergeInto(out, source, mode.overrideEmpty() && !first);
            } else {
                for (var e : source.entrySet()) {
                    if (!first && mode.overrideEmpty() && isEmpty(e.getValue()) && out.containsKey(e.getKey())) {
                        continue;
                    }
                    out.put(e.getKey(), Json.copy(e.getValue()));
                }
            }
            first = false;
        }
        return out;
    }

    private static boolean isEmpty(Object value) {
        return value == null || "".equals(value);
    }

    @SuppressWarnings("unchecked")
    private static void mergeInto(Map<String, Object> target, Map<String, Object> source, boolean keepOnEmpty) {
        for (var e : source.entrySet()) {
            String key = e.getKey();
            Object value = e.getValue();
            Object existing = target.get(key);
            if (keepOnEmpty && isEmpty(value) && target.containsKey(key)) {
                continue;
            }
            target.put(key, mergeValue(existing, value, keepOnEmpty));
        }
    }

    @SuppressWarnings("unchecked")
    private static Object mergeValue(Object existing, Object value, boolean keepOnEmpty) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> into = existing instanceof Map<?, ?> m ? (Map<String, Object>) m : new LinkedHashMap<>();
            mergeInto(into, (Map<String, Object>) map, keepOnEmpty);
            return into;
        }
        if (value instanceof List<?> list) {
            List<Object> into = existing instanceof List<?> l ? (List<Object>) l : new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                Object v = list.get(i);
                if (i < into.size()) {
                    if (keepOnEmpty && isEmpty(v)) {
                        continue;
                    }
                    into.set(i, mergeValue(into.get(i), v, keepOnEmpty));
                } else {
                    into.add(mergeValue(null, v, keepOnEmpty));
                }
            }
            return into;
        }
        return value;
    }
}
