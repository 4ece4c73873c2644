package dev.switchboard.platform.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * JSON values as JavaScript sees them: {@code typeof}, truthiness, {@code String(value)},
 * {@code Number(value)}, {@code ===}, the relational operators, lodash's deep {@code isEqual},
 * {@code JSON.stringify} and {@code trim()}.
 *
 * <p>{@link #UNDEFINED} stands for a value that is not there (JavaScript's {@code undefined}, as
 * opposed to {@code null}), which JSON cannot hold; every method here accepts it. It never belongs
 * in an item's json.
 */
public final class JsValues {

    /** JavaScript's {@code undefined}: a field that is not there. Prints as "undefined". */
    public static final Object UNDEFINED = new Object() {
        @Override
        public String toString() {
            return "undefined";
        }
    };

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(Infinity|(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?)");
    private static final Pattern RADIX = Pattern.compile("0([xX][0-9a-fA-F]+|[oO][0-7]+|[bB][01]+)");

    private JsValues() {
    }

    public static boolean isUndefined(Object value) {
        return value == UNDEFINED;
    }

    /** JavaScript's {@code typeof}: objects, arrays and null are all "object". */
    public static String typeOf(Object value) {
        if (value == UNDEFINED) {
            return "undefined";
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

    /** Whether a value counts as true in a JavaScript condition. */
    public static boolean truthy(Object value) {
        if (value == null || value == UNDEFINED) {
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

    /**
     * JavaScript's {@code String(value)}: objects become "[object Object]", arrays join their elements
     * with commas (null and undefined elements as empty text).
     */
    public static String string(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Number n) {
            return numberToString(n.doubleValue());
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
                if (o != null && o != UNDEFINED) {
                    sb.append(string(o));
                }
            }
            return sb.toString();
        }
        return String.valueOf(value);
    }

    /** JavaScript's number-to-text: "2" for 2.0, "1e+21", "1.5e-7", "NaN", "-Infinity". */
    public static String numberToString(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e21) {
            return new BigDecimal(d).toPlainString();
        }
        String s = Double.toString(d);
        if (s.contains("E")) {
            BigDecimal bd = new BigDecimal(s);
            if (Math.abs(d) >= 1e-6 && Math.abs(d) < 1e21) {
                return bd.stripTrailingZeros().toPlainString();
            }
            String exp = bd.stripTrailingZeros().toString().replace("E", "e");
            return exp.contains("e-") ? exp : exp.replace("e", "e+").replace("e++", "e+");
        }
        return s;
    }

    /**
     * JavaScript's {@code Number(value)}: NaN when the value is not numeric; null and empty text are 0,
     * booleans 1 and 0, an array the number of its text ({@code [5]} is 5), an object and undefined NaN.
     */
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
        if (value instanceof List<?>) {
            return parseNumber(string(value));
        }
        return Double.NaN;
    }

    /**
     * JavaScript's {@code Number(text)}: decimal and exponent notation, signed Infinity, {@code 0x},
     * {@code 0o} and {@code 0b} integers, surrounding whitespace ignored, blank text 0, anything else NaN.
     */
    public static double parseNumber(String text) {
        String s = trim(text);
        if (s.isEmpty()) {
            return 0;
        }
        if (DECIMAL.matcher(s).matches()) {
            if (s.endsWith("Infinity")) {
                return s.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            }
            return Double.parseDouble(s);
        }
        if (RADIX.matcher(s).matches()) {
            int radix = switch (Character.toLowerCase(s.charAt(1))) {
                case 'x' -> 16;
                case 'o' -> 8;
                default -> 2;
            };
            return new BigInteger(s.substring(2), radix).doubleValue();
        }
        return Double.NaN;
    }

    /** JavaScript's {@code a === b}: numbers by value (NaN equals nothing), containers only themselves. */
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

    /** JavaScript's {@code a < b}: text compared as text when both sides are (or turn into) text, else numbers. */
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
        // ToPrimitive: objects and arrays take part as their String() text
        Object x = a instanceof Map || a instanceof List ? string(a) : a;
        Object y = b instanceof Map || b instanceof List ? string(b) : b;
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

    /**
     * lodash's {@code isEqual}: deep and type-strict ("1" is not 1, {} is not []), numbers by value
     * with NaN equal to NaN, object key order ignored.
     */
    public static boolean deepEqual(Object a, Object b) {
        return deepEquals(a, b, true);
    }

    /** Deep equality of JSON values; whether NaN equals NaN is the caller's choice. */
    static boolean deepEquals(Object a, Object b, boolean nanEqualsNaN) {
        if (a == b) {
            return true;
        }
        if (a instanceof Number x && b instanceof Number y) {
            double dx = x.doubleValue();
            double dy = y.doubleValue();
            return dx == dy || nanEqualsNaN && Double.isNaN(dx) && Double.isNaN(dy);
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (var e : x.entrySet()) {
                if (!y.containsKey(e.getKey()) || !deepEquals(e.getValue(), y.get(e.getKey()), nanEqualsNaN)) {
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
                if (!deepEquals(x.get(i), y.get(i), nanEqualsNaN)) {
                    return false;
                }
            }
            return true;
        }
        return a != null && a.equals(b);
    }

    /** {@code JSON.stringify(value)}, with "undefined" for {@link #UNDEFINED}. */
    public static String stringify(Object value) {
        return value == UNDEFINED ? "undefined" : Json.write(value);
    }

    /** Whether {@code c} is whitespace as JavaScript's {@code \s} and {@code trim()} see it. */
    public static boolean isWhitespace(char c) {
        return switch (c) {
            case ' ', '\t', '\n', '\u000B', '\f', '\r', '\u00A0', '\u1680', '\u2028', '\u2029', '\u202F', '\u205F',
                 '\u3000', '\uFEFF' -> true;
            default -> c >= '\u2000' && c <= '\u200A';
        };
    }

    /** JavaScript's {@code String.prototype.trim()}. */
    public static String trim(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isWhitespace(s.charAt(start))) {
            start++;
        }
        while (end > start && isWhitespace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }
}
