package dev.switchboard.nodes.transform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.switchboard.platform.json.Json;
import dev.switchboard.platform.node.NodeContext;
import dev.switchboard.platform.node.NodeException;

/** Reads the parameter shapes the list nodes share: field lists and fixed-collection entries. */
final class ListParams {

    private ListParams() {
    }

    /**
     * A list of field names given as a comma-separated string, a JSON array of names, or (older
     * versions) a fixed collection {@code {fields: [{fieldName}]}}.
     */
    static List<String> fieldList(Object value, String parameter, int itemIndex) {
        List<String> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        if (value instanceof String s) {
            for (String part : s.split(",")) {
                String t = part.trim();
                if (!t.isEmpty()) {
                    out.add(t);
                }
            }
            return out;
        }
        if (value instanceof List<?> list) {
            for (Object o : list) {
                out.add(o instanceof String s ? s : Json.toText(o));
            }
            return out;
        }
        if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                return out;
            }
            if (map.get("fields") instanceof List<?> fields) {
                for (Object f : fields) {
                    Object name = f instanceof Map<?, ?> m ? m.get("fieldName") : null;
                    out.add(name == null ? "" : name instanceof String s ? s : Json.toText(name));
                }
                return out;
            }
        }
        throw new NodeException("Parameter \"" + parameter + "\" must be field names separated by commas or a list"
                + " of field names, not " + Json.typeName(value), itemIndex);
    }

    /** A field list parameter read for one item. */
    static List<String> fieldList(NodeContext context, String parameter, int itemIndex) {
        return fieldList(context.parameter(parameter, itemIndex), parameter, itemIndex);
    }

    /** The entries of a fixed collection ({@code {key: [{...}, ...]}}); a single object counts as one entry. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> entries(Object collection, String key) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (collection instanceof Map<?, ?> map) {
            Object list = map.get(key);
            if (list instanceof List<?> l) {
                for (Object o : l) {
                    if (o instanceof Map<?, ?> m) {
                        out.add((Map<String, Object>) m);
                    }
                }
            } else if (list instanceof Map<?, ?> single) {
                out.add((Map<String, Object>) single);
            }
        }
        return out;
    }

    /** A string entry of a collection, or the fallback when absent. */
    static String text(Map<String, Object> entry, String key, String fallback) {
        Object v = entry.get(key);
        if (v == null) {
            return fallback;
        }
        return v instanceof String s ? s : Json.toText(v);
    }

    /** A boolean entry of a collection ("true" strings count), or the fallback when absent. */
    static boolean flag(Map<String, Object> entry, String key, boolean fallback) {
        Object v = entry.get(key);
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof String s && !s.isEmpty()) {
            return Boolean.parseBoolean(s.trim());
        }
        return fallback;
    }
}
