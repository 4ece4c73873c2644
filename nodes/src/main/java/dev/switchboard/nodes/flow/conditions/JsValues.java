package dev.switchboard.nodes.flow.conditions;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.switchboard.platform.json.Json;

/**
 * JavaScript's rules for JSON values, as n8n's condition nodes apply them: truthiness, {@code Number()},
 * {@code String()}, {@code typeof}, {@code ===} and the relational operators.
 */
public final class JsValues {

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(Infinity|(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?)");
    private static final Pattern HEX = Pattern.compile("0[xX][0-9a-fA-F]+");
    private static final Pattern OCTAL = Pattern.compile("0[oO][0-7]+");
    private static final Pattern BINARY = Pattern.compile("0[bB][01]+");

    private JsValues() {
    }

    /** JavaScript's {@code typeof}: objects, arrays and null are all "object". */
    public static String typeOf(Object value) {
        if (value instanceof String) {
            return "string";
        }
        if (value instanceof Number) {
            return "number";
        }
        if (value instanceof Boolean) {
            return "boolean";
        }
        return value == null ? "undefined" : "object";
    }

    /** Whether a value counts as true in a JavaScript condition. */
    public static boolean truthy(Object value) {
        if (value == null) {
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

    /** JavaScript's {@code Number(value)}; NaN when the value is not numeric. */
    public static double toNumber(Object value) {
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
            return parseNumber(s);
        }
        if (value instanceof List<?> list) {
            return list.isEmpty() ? 0 : list.size() == 1 ? parseNumber(toText(list.get(0))) : Double.NaN;
        }
        return Double.NaN;
    }

    private static double parseNumber(String text) {
        String s = text.strip();
        if (s.isEmpty()) {
            return 0;
        }
        if (DECIMAL.matcher(s).matches()) {
            if (s.endsWith("Infinity")) {
                return s.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            }
            return Double.parseDouble(s);
        }
        if (HEX.matcher(s).matches()) {
            return new java.math.BigInteger(s.substring(2), 16).doubleValue();
        }
        if (OCTAL.matcher(s).matches()) {
            return new java.math.BigInteger(s.substring(2), 8).doubleValue();
        }
        if (BINARY.matcher(s).matches()) {
            return new java.math.BigInteger(s.substring(2), 2).doubleValue();
        }
        return Double.NaN;
    }

    /** JavaScript's {@code String(value)}: arrays joined with commas, objects as "[object Object]". */
    public static String toText(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Map<?, ?>) {
            return "[object Object]";
        }
        if (value instanceof List<?> list) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                Object o = list.get(i);
                if (o != null) {
                    sb.append(toText(o));
                }
            }
            return sb.toString();
        }
        return Json.toText(value);
    }

    /** JavaScript's {@code ===} for JSON values; containers are equal only to themselves. */
    public static boolean strictEquals(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a instanceof Number x && b instanceof Number y) {
            return x.doubleValue() == y.doubleValue();
        }
        if (a instanceof Map || a instanceof List || b instanceof Map || b instanceof List) {
            return a == b;
        }
        return a.equals(b);
    }

    /** JavaScript's {@code a < b}. */
    public static boolean lessThan(Object a, Object b) {
        return compare(a, b) == Order.LESS;
    }

    /** JavaScript's {@code a > b}. */
    public static boolean greaterThan(Object a, Object b) {
        return compare(a, b) == Order.GREATER;
    }

    /** JavaScript's {@code a <= b} (false when either side is NaN). */
    public static boolean lessOrEqual(Object a, Object b) {
        Order o = compare(a, b);
        return o == Order.LESS || o == Order.EQUAL;
    }

    /** JavaScript's {@code a >= b} (false when either side is NaN). */
    public static boolean greaterOrEqual(Object a, Object b) {
        Order o = compare(a, b);
        return o == Order.GREATER || o == Order.EQUAL;
    }

    private enum Order { LESS, EQUAL, GREATER, UNORDERED }

    private static Order compare(Object a, Object b) {
        Object x = primitive(a);
        Object y = primitive(b);
        if (x instanceof String s && y instanceof String t) {
            int c = s.compareTo(t);
            return c < 0 ? Order.LESS : c > 0 ? Order.GREATER : Order.EQUAL;
        }
        double p = toNumber(x);
        double q = toNumber(y);
        if (Double.isNaN(p) || Double.isNaN(q)) {
            return Order.UNORDERED;
        }
        return p < q ? Order.LESS : p > q ? Order.GREATER : Order.EQUAL;
    }

    private static Object primitive(Object value) {
        return value instanceof Map || value instanceof List ? toText(value) : value;
    }

    /** "a number", "an object": the noun with its indefinite article, as messages use it. */
    public static String withArticle(String noun) {
        return ("aeiou".indexOf(noun.isEmpty() ? 'x' : noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
    }
}
