package dev.switchboard.nodes.transform;

import java.util.List;
import java.util.Map;

import dev.switchboard.nodes.support.N8nTypes;
import dev.switchboard.platform.json.JsValues;
import dev.switchboard.platform.json.Json;

/**
 * The type conversions of Edit Fields (n8n's {@code validateFieldType}): JavaScript's {@code Number()}
 * and {@code String()} (from {@link JsValues}), n8n's lenient booleans, arrays and objects parsed from
 * text, and its "'x' expects a number but we got 'abc'" messages.
 */
final class SetFieldTypes {

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
                double d = JsValues.toNumber(value);
                return Double.isNaN(d) ? Conversion.failed(expects(name, type, value)) : Conversion.ok(numberValue(d));
            }
            case "boolean" -> {
                Boolean b = N8nTypes.toBoolean(value);
                return b == null ? Conversion.failed(expects(name, type, value)) : Conversion.ok(b);
            }
            case "array" -> {
                if (value instanceof List<?>) {
                    return Conversion.ok(value);
                }
                Object parsed = parseArray(JsValues.string(value));
                return parsed == null ? Conversion.failed(expects(name, type, value)) : Conversion.ok(parsed);
            }
            case "object" -> {
                if (value instanceof Map<?, ?>) {
                    return Conversion.ok(value);
                }
                try {
                    Object parsed = SetJsonInput.parseLenient(JsValues.string(value));
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
        return "'" + JsValues.string(value) + "'";
    }

    /** A double as a JSON number: integral values as Long; infinities, which JSON cannot hold, as null. */
    static Object numberValue(double d) {
        if (Double.isInfinite(d) || Double.isNaN(d)) {
            return null;
        }
        return Json.number(d);
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
}
