package dev.switchboard.nodes.transform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.switchboard.platform.json.JsValues;

/**
 * What n8n's list nodes add to JavaScript's value rules ({@link JsValues}): lodash's {@code isObject}
 * and {@code lt}, n8n's "empty", JavaScript's ordering of object keys and object spreads, and turning
 * {@link JsValues#UNDEFINED} back into a JSON value.
 */
final class JsSemantics {

    private static final Pattern INDEX_KEY = Pattern.compile("0|[1-9]\\d{0,9}");

    private JsSemantics() {
    }

    /** Whether {@code typeof value === 'object'} (objects, arrays and null). */
    static boolean isObjectType(Object value) {
        return value == null || value instanceof Map || value instanceof List;
    }

    /** lodash {@code isObject}: objects and arrays, not null. */
    static boolean isContainer(Object value) {
        return value instanceof Map || value instanceof List;
    }

    /** n8n's "empty": undefined, null or the empty string. */
    static boolean isEmptyValue(Object value) {
        return value == JsValues.UNDEFINED || value == null || "".equals(value);
    }

    /**
     * lodash {@code lt}: text comparison when both are text, numeric comparison otherwise. Unlike
     * JavaScript's {@code <} ({@link JsValues#lessThan}), objects and arrays are not compared as their
     * text: {@code lt(["b"], ["a"])} compares NaN with NaN and is false.
     */
    static boolean lodashLessThan(Object a, Object b) {
        if (a instanceof String x && b instanceof String y) {
            return x.compareTo(y) < 0;
        }
        return JsValues.toNumber(a) < JsValues.toNumber(b);
    }

    /** Whether a property key is an array index, which JavaScript lists before all other keys. */
    static boolean isIndexKey(String key) {
        return INDEX_KEY.matcher(key).matches() && Long.parseLong(key) < 4_294_967_295L;
    }

    /**
     * The map with its keys in the order JavaScript gives an object's own keys: array-index keys
     * ascending, then the others in insertion order.
     */
    static <V> LinkedHashMap<String, V> inJsKeyOrder(Map<String, V> map) {
        List<String> indexKeys = new ArrayList<>();
        for (String k : map.keySet()) {
            if (isIndexKey(k)) {
                indexKeys.add(k);
            }
        }
        LinkedHashMap<String, V> out = new LinkedHashMap<>();
        if (indexKeys.isEmpty()) {
            out.putAll(map);
            return out;
        }
        indexKeys.sort((x, y) -> Long.compare(Long.parseLong(x), Long.parseLong(y)));
        for (String k : indexKeys) {
            out.put(k, map.get(k));
        }
        for (var e : map.entrySet()) {
            if (!isIndexKey(e.getKey())) {
                out.put(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    /** The keys an object spread ({@code {...value}}) copies: an object's entries, an array's indexes. */
    static Map<String, Object> spreadEntries(Object value) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> map) {
            for (var e : map.entrySet()) {
                out.put(String.valueOf(e.getKey()), e.getValue());
            }
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                out.put(Integer.toString(i), list.get(i));
            }
        }
        return out;
    }

    /** A JSON value safe to store: {@link JsValues#UNDEFINED} becomes null (as JSON writes it inside arrays). */
    static Object jsonValue(Object value) {
        return value == JsValues.UNDEFINED ? null : value;
    }
}
