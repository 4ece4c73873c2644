package dev.switchboard.platform.expression;

import java.util.function.Function;

import dev.switchboard.platform.json.Json;

/**
 * An expression that is one arithmetic operation on two numbers, each a property path or a number
 * literal — {@code $json.price * $json.qty}, {@code $json.total / 100}, {@code $json.n + 1} — computed in
 * Java without entering JavaScript, with JavaScript's result: both values are read as doubles and the
 * result is converted as the sandbox converts a JavaScript number. When a value is not a number (text,
 * missing, an object), JavaScript decides ({@link PathExpression#NOT_RESOLVED}): {@code +} joins text,
 * and the other operators convert it first.
 */
public record ArithmeticExpression(Object left, char operator, Object right) {

    /** Parses {@code a op b}, or returns null when the code is anything else. */
    public static ArithmeticExpression tryParse(String code) {
        String c = code.trim();
        int at = operatorIndex(c);
        if (at <= 0 || at == c.length() - 1) {
            return null;
        }
        Object left = operand(c.substring(0, at));
        Object right = operand(c.substring(at + 1));
        return left == null || right == null ? null : new ArithmeticExpression(left, c.charAt(at), right);
    }

    /** Where the only operator outside brackets and quotes is, or -1 (none, or more than one). */
    private static int operatorIndex(String c) {
        int found = -1;
        char quote = 0;
        int depth = 0;
        for (int i = 0; i < c.length(); i++) {
            char ch = c.charAt(i);
            if (quote != 0) {
                if (ch == '\\') {
                    return -1;
                }
                if (ch == quote) {
                    quote = 0;
                }
            } else if (ch == '\'' || ch == '"') {
                quote = ch;
            } else if (ch == '[' || ch == '(') {
                depth++;
            } else if (ch == ']' || ch == ')') {
                depth--;
            } else if (depth == 0 && "*/+-%".indexOf(ch) >= 0) {
                if (found >= 0) {
                    return -1;
                }
                found = i;
            }
        }
        return quote == 0 && depth == 0 ? found : -1;
    }

    /** A path or an unsigned decimal literal, or null. */
    private static Object operand(String text) {
        String t = text.trim();
        if (t.matches("\\d{1,15}(\\.\\d{1,15})?")) {
            return Double.parseDouble(t);
        }
        PathExpression path = PathExpression.tryParse(t);
        // $json alone is the whole item: never a number
        return path == null || path.segments().isEmpty() ? null : path;
    }

    /**
     * The result, or {@link PathExpression#NOT_RESOLVED} when an operand is not a number.
     *
     * @param resolve a path's value ({@link PathExpression#NOT_RESOLVED} when Java cannot tell)
     */
    public Object evaluate(Function<PathExpression, Object> resolve) {
        double a = number(left, resolve);
        if (Double.isNaN(a) && !(left instanceof Double)) {
            return PathExpression.NOT_RESOLVED;
        }
        double b = number(right, resolve);
        if (Double.isNaN(b) && !(right instanceof Double)) {
            return PathExpression.NOT_RESOLVED;
        }
        double result = switch (operator) {
            case '*' -> a * b;
            case '/' -> a / b;
            case '+' -> a + b;
            case '-' -> a - b;
            default -> a % b;
        };
        return asJavaScriptNumber(result);
    }

    /** An operand's value as a double; NaN for a path whose value is not a number (or is NaN): JavaScript decides. */
    private static double number(Object operand, Function<PathExpression, Object> resolve) {
        if (operand instanceof Double d) {
            return d;
        }
        Object value = resolve.apply((PathExpression) operand);
        return value instanceof Long || value instanceof Integer || value instanceof Double
                ? ((Number) value).doubleValue() : Double.NaN;
    }

    /** As the sandbox converts a JavaScript number: a whole number that fits in a long is a long. */
    static Object asJavaScriptNumber(double d) {
        boolean negativeZero = d == 0 && 1 / d < 0;
        if (d == Math.rint(d) && !negativeZero && d >= -0x1p63 && d < 0x1p63) {
            return (long) d;
        }
        return Json.number(d);
    }
}
