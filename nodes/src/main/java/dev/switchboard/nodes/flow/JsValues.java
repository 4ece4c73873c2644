package dev.switchboard.nodes.flow;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.switchboard.platform.json.Json;
import dev.switchboard.platform.json.JsonPath;

/**
 * JavaScript value semantics the merge and compare nodes share: a marker for a missing field (as
 * distinct from {@code null}), field lookup with or without dot notation, {@code typeof}, truthiness
 * and deep equality.
 */
final class JsValues {

    /** A field that is not there (JavaScript's {@code undefined}). */
    static final Object MISSING = new Object() {
        @Override
        public String toString() {
            return "undefined";
        }
    };

    private JsValues() {
    }

    /** The value of a field, or {@link #MISSING}; with dot notation {@code a.b[0]} walks into the value. */
    static Object field(Map<String, Object> json, String field, boolean dotNotation) {
        if (!dotNotation) {
            return json.containsKey(field) ? json.get(field) : MISSING;
        }
        if (json.containsKey(field)) {
            // as lodash's get: a key spelled exactly like the path wins over walking the path
            return json.get(field);
        }
        return JsonPath.has(json, field) ? JsonPath.get(json, field) : MISSING;
    }

    static boolean isMissing(Object value) {
        return value == MISSING;
    }

    /** JavaScript's {@code typeof}. */
    static String typeOf(Object value) {
        if (value == MISSING) {
            return "undefined";
        }
        if (value == null || value instanceof Map || value instanceof List) {
            return "object";
        }
        if (value instanceof Number) {
            return "number";
        }
        if (value instanceof Boolean) {
            return "boolean";
        }
        return "string";
    }

    /** JavaScript truthiness. */
    static boolean truthy(Object value) {
        if (value == MISSING || value == null) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Number n) {
            double d = n.doubleValue();
            return d != 0 && !Double.isNaN(d);
        }
        if (value instanceof String s) {
            return !s.isEmpty();
        }
        return true;
    }

    /** Deep equality as lodash's {@code isEqual} decides it for JSON values. */
    static boolean equal(Object a, Object b) {
        if (a == MISSING || b == MISSING) {
            return a == b;
        }
        return Json.deepEquals(a, b);
    }

    /** JavaScript's {@code String(value)} for primitives. */
    static String text(Object value) {
        if (value == MISSING) {
            return "undefined";
        }
        if (value instanceof Map) {
            return "[object Object]";
        }
        if (value instanceof List<?> list) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                Object v = list.get(i);
                sb.append(v == null ? "" : text(v));
            }
            return sb.toString();
        }
        return Json.toText(value);
    }

    /** How two values compare: strictly, or tolerating small type differences ("fuzzy compare"). */
    @FunctionalInterface
    interface Equality {
        boolean test(Object a, Object b);
    }

    /**
     * n8n's comparison of field values. Strict is deep equality. Fuzzy also treats null, "" and []
     * as alike (and like a missing field), a number like its text, an object like its JSON text, and
     * a boolean like "true"/"false" and 1/0; from compare version 2 on, null also equals 0 and "0".
     */
    static Equality comparison(boolean fuzzy, double compareVersion) {
        if (!fuzzy) {
            return JsValues::equal;
        }
        return (a, b) -> fuzzyEqual(a, b, compareVersion);
    }

    private static boolean fuzzyEqual(Object a, Object b, double compareVersion) {
        if (a != null && b != null && typeOf(a).equals(typeOf(b))) {
            return equal(a, b);
        }
        if (compareVersion >= 2) {
            if (a == null && (b == null || isZero(b))) {
                return true;
            }
            if (b == null && (a == null || isZero(a))) {
                return true;
            }
        }
        if (falsy(a) && falsy(b)) {
            return true;
        }
        if (falsy(a) && b == MISSING || a == MISSING && falsy(b)) {
            return true;
        }
        if (a instanceof Number n && b instanceof String s) {
            return text(n).equals(s);
        }
        if (a instanceof String s && b instanceof Number n) {
            return s.equals(text(n));
        }
        if ((a instanceof Map || a instanceof List) && b instanceof String s) {
            return parsesTo(s, a);
        }
        if (a instanceof String s && (b instanceof Map || b instanceof List)) {
            return parsesTo(s, b);
        }
        if (a instanceof Boolean x && b instanceof String s && boolText(x, s)) {
            return true;
        }
        if (b instanceof Boolean x && a instanceof String s && boolText(x, s)) {
            return true;
        }
        if (a instanceof Boolean x && b instanceof Number n && boolNumber(x, n)) {
            return true;
        }
        if (b instanceof Boolean x && a instanceof Number n && boolNumber(x, n)) {
            return true;
        }
        return equal(a, b);
    }

    private static boolean isZero(Object v) {
        return v instanceof Number n && n.doubleValue() == 0 || "0".equals(v);
    }

    /** n8n's "empty" for fuzzy comparison: null, "" and []. */
    private static boolean falsy(Object v) {
        return v == null || "".equals(v) || v instanceof List<?> l && l.isEmpty();
    }

    private static boolean parsesTo(String text, Object value) {
        try {
            return Json.deepEquals(Json.parse(text), value);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean boolText(boolean b, String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        return b ? lower.equals("true") || s.equals("1") : lower.equals("false") || s.equals("0");
    }

    private static boolean boolNumber(boolean b, Number n) {
        return b ? n.doubleValue() == 1 : n.doubleValue() == 0;
    }
}
