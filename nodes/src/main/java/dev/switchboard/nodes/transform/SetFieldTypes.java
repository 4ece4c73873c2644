package dev.switchboard.nodes.transform;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.switchboard.platform.json.Json;

/**
 * The type conversions of Edit Fields (n8n's {@code validateFieldType}): JavaScript's {@code Number()}
 * and {@code String()}, n8n's lenient booleans, arrays and objects parsed from text, and its
 * "'x' expects a number but we got 'abc'" messages.
 */
final class SetFieldTypes {

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(Infinity|(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?)");
    private static final Pattern RADIX = Pattern.compile("0([xX][0-9a-fA-F]+|[oO][0-7]+|[bB][01]+)");

    /** The outcome of a conversion: the converted value, or the message of why it failed. */
    record Conversion(boolean valid, Object value, String error) {
        static Conversion ok(Object value) {
            return new Conversion(true, value, null);
        }

        static Conversion failed(String message) {
            return new Conversion(false, null, message);
        }
    }

    private SetFieldTypes() {
    }

    /**
     * Converts {@code value} to {@code type} (string, number, boolean, array, object) as n8n does;
     * null stays null, unknown types pass the value through.
     */
    static Conversion convert(String name, Object value, String type) {
        if (value == null) {
            return Conversion.ok(null);
        }
        switch (type.toLowerCase(java.util.Locale.ROOT)) {
            case "string" -> {
                return Conversion.ok(value);
            }
            case "number" -> {
                double d = toNumber(value);
                return Double.isNaN(d) ? Conversion.failed(expects(name, type, value)) : Conversion.ok(numberValue(d));
            }
            case "boolean" -> {
                Boolean b = toBoolean(value);
                return b == null ? Conversion.failed(expects(name, type, value)) : Conversion.ok(b);
            }
            case "array" -> {
                if (value instanceof List<?>) {
                    return Conversion.ok(value);
                }
                Object parsed = parseArray(toText(value));
                return parsed == null ? Conversion.failed(expects(name, type, value)) : Conversion.ok(parsed);
            }
            case "object" -> {
                if (value instanceof Map<?, ?>) {
                    return Conversion.ok(value);
                }
                try {
                    Object parsed = SetJsonInput.parseLenient(toText(value));
                    return parsed instanceof Map<?, ?> ? Conversion.ok(parsed) : Conversion.failed(expects(name, type, value));
                } catch (IllegalArgumentException e) {
                    return Conversion.failed(expects(name, type, value));
                }
            }
            default -> {
                return Conversion.ok(value);
            }
        }
    }

    private static String expects(String name, String type, Object value) {
        return "'" + name + "' expects a " + type + " but we got " + describe(value);
    }

    /** n8n's description of a value in messages: 'text', object, array or 'null'. */
    static String describe(Object value) {
        if (value == null) {
            return "'null'";
        }
        if (value instanceof List<?>) {
            return "array";
        }
        if (value instanceof Map<?, ?>) {
            return "object";
        }
        return "'" + toText(value) + "'";
    }

    /** JavaScript's {@code Number(value)}: NaN when the value is not numeric. */
    static double toNumber(Object value) {
        if (value == null) {
            return 0;
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (value instanceof Map<?, ?>) {
            return Double.NaN;
        }
        return parseNumber(toText(value));
    }

    /** JavaScript's {@code Number(text)}. */
    static double parseNumber(String text) {
        String s = jsTrim(text);
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
            return new java.math.BigInteger(s.substring(2), radix).doubleValue();
        }
        return Double.NaN;
    }

    /** A double as a JSON number: integral values as Long; infinities, which JSON cannot hold, as null. */
    static Object numberValue(double d) {
        if (Double.isInfinite(d) || Double.isNaN(d)) {
            return null;
        }
        return Json.number(d);
    }

    /** n8n's boolean parsing: booleans, "true"/"false" in any case, and values that are numerically 0 or 1. */
    static Boolean toBoolean(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String s) {
            if (s.equalsIgnoreCase("true")) {
                return true;
            }
            if (s.equalsIgnoreCase("false")) {
                return false;
            }
            if (s.isBlank()) {
                return null;
            }
        }
        double d = toNumber(value);
        if (d == 0) {
            return false;
        }
        if (d == 1) {
            return true;
        }
        return null;
    }

    private static Object parseArray(String text) {
        Object parsed;
        try {
            parsed = SetJsonInput.parseStrict(text);
        } catch (IllegalArgumentException e) {
            try {
                parsed = SetJsonInput.parseStrict(text.replace('\'', '"'));
            } catch (IllegalArgumentException e2) {
                return null;
            }
        }
        return parsed instanceof List<?> ? parsed : null;
    }

    /** JavaScript's truthiness. */
    static boolean truthy(Object value) {
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

    /** JavaScript's {@code String(value)}: arrays joined with commas, objects as "[object Object]". */
    static String toText(Object value) {
        if (value == null) {
            return "null";
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
        if (value instanceof Map<?, ?>) {
            return "[object Object]";
        }
        return Json.toText(value);
    }

    /** JSON text of a value, as {@code JSON.stringify} writes it. */
    static String stringify(Object value) {
        return Json.write(value);
    }

    /** JavaScript's {@code String.prototype.trim}: whitespace and line terminators, including no-break spaces. */
    static String jsTrim(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isJsSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isJsSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean isJsSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF';
    }
}
