package dev.switchboard.nodes.flow;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.switchboard.platform.json.JsValues;
import dev.switchboard.platform.json.Json;
import dev.switchboard.platform.json.JsonPath;

/**
 * Field values as the merge and compare nodes read and match them: lookup with or without dot notation
 * ({@link JsValues#UNDEFINED} for a missing field, as distinct from {@code null}), and n8n's strict or
 * fuzzy comparison of two values. The plain JavaScript rules come from {@link JsValues}.
 */
final class FieldValues {

    private FieldValues() {
    }

    /**
     * The value of a field, or {@link JsValues#UNDEFINED}; with dot notation {@code a.b[0]} walks into the
     * value.
     */
    static Object field(Map<String, Object> json, String field, boolean dotNotation) {
        if (!dotNotation) {
            return json.containsKey(field) ? json.get(field) : JsValues.UNDEFINED;
        }
        if (json.containsKey(field)) {
            // as lodash's get: a key spelled exactly like the path wins over walking the path
            return json.get(field);
        }
        return JsonPath.has(json, field) ? JsonPath.get(json, field) : JsValues.UNDEFINED;
    }

    /** How two values compare: strictly, or tolerating small type differences ("fuzzy compare"). */
    @FunctionalInterface
    interface Equality {
        boolean test(Object a, Object b);
    }

    /**
     * n8n's comparison of field values (n8n's own rule, not JavaScript's {@code ==}). Strict is deep
     * equality ({@link Json#deepEquals}: NaN unequal to NaN, unlike lodash). Fuzzy also treats null, ""
     * and [] as alike (and like a missing field), a number like its text, an object like its JSON text,
     * and a boolean like "true"/"false" and 1/0; from compare version 2 on, null also equals 0 and "0".
     */
    static Equality comparison(boolean fuzzy, double compareVersion) {
        if (!fuzzy) {
            return Json::deepEquals;
        }
        return (a, b) -> fuzzyEqual(a, b, compareVersion);
    }

    private static boolean fuzzyEqual(Object a, Object b, double compareVersion) {
        if (a != null && b != null && JsValues.typeOf(a).equals(JsValues.typeOf(b))) {
            return Json.deepEquals(a, b);
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
        if (falsy(a) && b == JsValues.UNDEFINED || a == JsValues.UNDEFINED && falsy(b)) {
            return true;
        }
        if (a instanceof Number n && b instanceof String s) {
            return JsValues.string(n).equals(s);
        }
        if (a instanceof String s && b instanceof Number n) {
            return s.equals(JsValues.string(n));
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
        return Json.deepEquals(a, b);
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
