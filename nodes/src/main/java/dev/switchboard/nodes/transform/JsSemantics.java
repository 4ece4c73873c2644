package dev.switchboard.nodes.transform;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.switchboard.platform.json.Json;

/**
 * JavaScript's and lodash's value semantics, which n8n's list nodes inherit: {@code typeof},
 * {@code ToNumber}, {@code ToString}, the {@code <} operator, lodash's {@code isEqual} and {@code lt},
 * and JavaScript's ordering of object keys. {@link #UNDEFINED} stands for a missing value, which
 * JSON cannot hold.
 */
final class JsSemantics {

    /** JavaScript's {@code undefined}: a field that is not there (as opposed to {@code null}). */
    static final Object UNDEFINED = new Object() {
        @Override
        public String toString() {
            return "undefined";
        }
    };

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(?:\\d+\\.?\\d*(?:[eE][+-]?\\d+)?|\\.\\d+(?:[eE][+-]?\\d+)?)");
    private static final Pattern INDEX_KEY = Pattern.compile("0|[1-9]\\d{0,9}");

    private JsSemantics() {
    }

    static boolean isUndefined(Object value) {
        return value == UNDEFINED;
    }

    /** Whether {@code typeof value === 'object'} (objects, arrays and null). */
    static boolean isObjectType(Object value) {
        return value == null || value instanceof Map || value instanceof List;
    }

    /** lodash {@code isObject}: objects and arrays, not null. */
    static boolean isContainer(Object value) {
        return value instanceof Map || value instanceof List;
    }

    /** JavaScript's {@code typeof}. */
    static String typeOf(Object value) {
        if (value == UNDEFINED) {
            return "undefined";
        }
        if (isObjectType(value)) {
            return "object";
        }
        if (value instanceof String) {
            return "string";
        }
        if (value instanceof Number) {
            return "number";
        }
        if (value instanceof Boolean) {
            return "boolean";
        }
        return "object";
    }

    /** Whether JavaScript treats the value as false in a condition. */
    static boolean isFalsy(Object value) {
        if (value == UNDEFINED || value == null) {
            return true;
        }
        if (value instanceof Boolean b) {
            return !b;
        }
        if (value instanceof String s) {
            return s.isEmpty();
        }
        if (value instanceof Number n) {
            double d = n.doubleValue();
            return d == 0 || Double.isNaN(d);
        }
        return false;
    }

    /** n8n's "empty": undefined, null or the empty string. */
    static boolean isEmptyValue(Object value) {
        return value == UNDEFINED || value == null || "".equals(value);
    }

    /** lodash {@code isEqual}: deep, type-strict ("1" is not 1, {} is not []), key order ignored. */
    static boolean isEqual(Object a, Object b) {
        if (a == b) {
            return true;
        }
        if (a == UNDEFINED || b == UNDEFINED || a == null || b == null) {
            return false;
        }
        if (a instanceof Number x && b instanceof Number y) {
            double dx = x.doubleValue();
            double dy = y.doubleValue();
            return dx == dy || Double.isNaN(dx) && Double.isNaN(dy);
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (var e : x.entrySet()) {
                if (!y.containsKey(e.getKey()) || !isEqual(e.getValue(), y.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!isEqual(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    /** lodash {@code lt}: string comparison when both are strings, numeric comparison otherwise. */
    static boolean lodashLessThan(Object a, Object b) {
        if (a instanceof String x && b instanceof String y) {
            return x.compareTo(y) < 0;
        }
        return toNumber(a) < toNumber(b);
    }

    /** JavaScript's {@code a < b}. */
    static boolean lessThan(Object a, Object b) {
        Object pa = toPrimitive(a);
        Object pb = toPrimitive(b);
        if (pa instanceof String x && pb instanceof String y) {
            return x.compareTo(y) < 0;
        }
        return toNumber(pa) < toNumber(pb);
    }

    /** JavaScript's {@code a > b}. */
    static boolean greaterThan(Object a, Object b) {
        return lessThan(b, a);
    }

    /** JavaScript's ToPrimitive for JSON values: objects become "[object Object]", arrays their join. */
    static Object toPrimitive(Object value) {
        if (value instanceof Map) {
            return "[object Object]";
        }
        if (value instanceof List<?> list) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                Object v = list.get(i);
                if (v != null && v != UNDEFINED) {
                    out.append(toJsString(v));
                }
            }
            return out.toString();
        }
        return value;
    }

    /** JavaScript's {@code String(value)}. */
    static String toJsString(Object value) {
        if (value == UNDEFINED) {
            return "undefined";
        }
        if (value == null) {
            return "null";
        }
        if (value instanceof Map || value instanceof List) {
            return (String) toPrimitive(value);
        }
        if (value instanceof Number n) {
            return Json.formatDouble(n.doubleValue());
        }
        return String.valueOf(value);
    }

    /** JavaScript's {@code Number(value)} (lodash's {@code toNumber} agrees for JSON values). */
    static double toNumber(Object value) {
        if (value == UNDEFINED) {
            return Double.NaN;
        }
        if (value == null) {
            return 0;
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (value instanceof String s) {
            return stringToNumber(s);
        }
        return toNumber(toPrimitive(value));
    }

    static double stringToNumber(String text) {
        String s = stripJsWhitespace(text);
        if (s.isEmpty()) {
            return 0;
        }
        switch (s) {
            case "Infinity", "+Infinity":
                return Double.POSITIVE_INFINITY;
            case "-Infinity":
                return Double.NEGATIVE_INFINITY;
            default:
                break;
        }
        if (s.length() > 2 && s.charAt(0) == '0') {
            char p = Character.toLowerCase(s.charAt(1));
            int radix = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 0;
            if (radix > 0) {
                try {
                    return new BigInteger(s.substring(2), radix).doubleValue();
                } catch (NumberFormatException e) {
                    return Double.NaN;
                }
            }
        }
        if (DECIMAL.matcher(s).matches()) {
            return Double.parseDouble(s);
        }
        return Double.NaN;
    }

    private static String stripJsWhitespace(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isJsWhitespace(s.charAt(start))) {
            start++;
        }
        while (end > start && isJsWhitespace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean isJsWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u000B' || c == '\f' || c == '\u00A0'
                || c == '\uFEFF' || c == '\u2028' || c == '\u2029' || Character.getType(c) == Character.SPACE_SEPARATOR;
    }

    /** {@code JSON.stringify} of a JSON value. */
    static String stringify(Object value) {
        return value == UNDEFINED ? "undefined" : Json.write(value);
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

    /** A JSON value safe to store: {@link #UNDEFINED} becomes null (as JSON writes it inside arrays). */
    static Object jsonValue(Object value) {
        return value == UNDEFINED ? null : value;
    }
}
