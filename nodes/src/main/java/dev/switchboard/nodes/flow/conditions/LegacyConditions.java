package dev.switchboard.nodes.flow.conditions;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.switchboard.platform.json.JsValues;

/**
 * The comparisons of n8n's first-generation condition nodes (If v1, Filter v1, Switch v1 and v2): values
 * are compared as JavaScript compares them, without type checks ({@code "5" === 5} is false, {@code "10" <
 * "9"} is true), and dates are turned into milliseconds first.
 */
public final class LegacyConditions {

    /** The data types, in the order n8n checks their conditions. */
    public static final List<String> DATA_TYPES = List.of("boolean", "dateTime", "number", "string");

    private LegacyConditions() {
    }

    /** The value a field of a data type has when the workflow leaves it out. */
    public static Object emptyValue(String dataType) {
        return switch (dataType) {
            case "boolean" -> Boolean.FALSE;
            case "number" -> 0L;
            default -> "";
        };
    }

    /** The operation a condition of a data type uses when the workflow leaves it out. */
    public static String defaultOperation(String dataType) {
        return switch (dataType) {
            case "dateTime" -> "after";
            case "number" -> "smaller";
            default -> "equal";
        };
    }

    /**
     * A condition or rule with n8n's defaults filled in for what the workflow leaves out:
     * {@code value1} (conditions only), {@code operation} and {@code value2}.
     */
    public static Map<String, Object> withDefaults(Object entry, String dataType, boolean withValue1,
            Object value2Default) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (withValue1) {
            out.put("value1", emptyValue(dataType));
        }
        out.put("operation", defaultOperation(dataType));
        out.put("value2", value2Default);
        if (entry instanceof Map<?, ?> m) {
            m.forEach((k, v) -> out.put(String.valueOf(k), v));
        }
        return out;
    }

    /**
     * Compares two values with one of the first-generation operations.
     *
     * @throws IllegalArgumentException for an unknown operation or an invalid regular expression
     */
    public static boolean compare(String operation, Object value1, Object value2) {
        return switch (operation) {
            case "after", "larger" -> JsValues.greaterThan(or(value1, 0L), or(value2, 0L));
            case "before", "smaller" -> JsValues.lessThan(or(value1, 0L), or(value2, 0L));
            case "largerEqual" -> JsValues.greaterOrEqual(or(value1, 0L), or(value2, 0L));
            case "smallerEqual" -> JsValues.lessOrEqual(or(value1, 0L), or(value2, 0L));
            case "contains" -> text(or(value1, "")).contains(text(or(value2, "")));
            case "notContains" -> !text(or(value1, "")).contains(text(or(value2, "")));
            case "startsWith" -> text(value1).startsWith(text(value2));
            case "notStartsWith" -> !text(value1).startsWith(text(value2));
            case "endsWith" -> text(value1).endsWith(text(value2));
            case "notEndsWith" -> !text(value1).endsWith(text(value2));
            case "equal" -> JsValues.strictEquals(value1, value2);
            case "notEqual" -> !JsValues.strictEquals(value1, value2);
            case "isEmpty" -> isEmpty(value1);
            case "isNotEmpty" -> !isEmpty(value1);
            case "regex" -> JsRegex.parse(text(or(value2, ""))).test(text(or(value1, "")));
            case "notRegex" -> !JsRegex.parse(text(or(value2, ""))).test(text(or(value1, "")));
            default -> throw new IllegalArgumentException("unknown operation \"" + operation + "\"");
        };
    }

    /**
     * A date value as milliseconds: text as JavaScript's {@code new Date(text)} reads it, numbers as they are.
     *
     * @throws IllegalArgumentException when the value is not a date
     */
    public static long toMillis(Object value, ZoneId zone) {
        if (value instanceof Number n && !Double.isNaN(n.doubleValue())) {
            return n.longValue();
        }
        if (value instanceof String s) {
            Instant instant = DateValues.parseJsDate(s, zone);
            if (instant != null) {
                return instant.toEpochMilli();
            }
        }
        throw new IllegalArgumentException("The value \"" + (value == null ? "undefined" : JsValues.string(value))
                + "\" is not a valid DateTime.");
    }

    private static boolean isEmpty(Object value) {
        if (value == null || "".equals(value)) {
            return true;
        }
        if (value instanceof Number n && Double.isNaN(n.doubleValue())) {
            return true;
        }
        if (value instanceof Map<?, ?> m) {
            return m.isEmpty();
        }
        return value instanceof List<?> l && l.isEmpty();
    }

    private static Object or(Object value, Object fallback) {
        return JsValues.truthy(value) ? value : fallback;
    }

    private static String text(Object value) {
        return value == null ? "" : JsValues.string(value);
    }
}
