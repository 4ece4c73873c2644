package dev.switchboard.nodes.flow.conditions;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.switchboard.nodes.support.Messages;
import dev.switchboard.nodes.support.N8nTypes;
import dev.switchboard.platform.json.Json;
import dev.switchboard.platform.json.JsValues;
import dev.switchboard.platform.node.NodeException;

/**
 * Evaluates n8n's filter-style conditions ({@code {options, conditions: [{leftValue, rightValue,
 * operator: {type, operation, rightType?, singleValue?}}], combinator}}), as the If (v2+), Filter (v2+)
 * and Switch (v3+) nodes use them.
 *
 * <p>Each value is first checked against the operator's type. Strict validation accepts only values of
 * that type (a date may be any text that reads as a date); loose validation converts ("5" to 5, "false"
 * to false, a JSON text to an array or object) and fails only when that is impossible. A value that does
 * not fit stops the node with a message naming the condition and the item.
 */
public final class FilterConditions {

    /** Operations that look only at the first value. */
    private static final Set<String> SINGLE_VALUE = Set.of("exists", "notExists", "empty", "notEmpty", "true", "false");

    private final FilterSettings settings;
    private final ZoneId zone;
    private final Instant now;

    /**
     * @param settings the node-level settings
     * @param zone     the workflow's zone, for dates written without an offset
     * @param now      the run's clock, for times written without a date
     */
    public FilterConditions(FilterSettings settings, ZoneId zone, Instant now) {
        this.settings = settings;
        this.zone = zone;
        this.now = now;
    }

    /**
     * Whether the item passes a resolved condition set (expressions already evaluated for the item). An
     * absent or empty set passes.
     *
     * @throws NodeException when a value does not fit its comparison's type, or a regular expression is invalid
     */
    public boolean test(Object filterValue, int itemIndex) {
        if (!(filterValue instanceof Map<?, ?> filter)) {
            return true;
        }
        FilterSettings.Effective options = settings.resolve(filter.get("options"));
        List<?> conditions = filter.get("conditions") instanceof List<?> l ? l : List.of();
        String combinator = filter.get("combinator") instanceof String c ? c : "and";
        boolean any = combinator.equalsIgnoreCase("or");
        if (!any && !combinator.equalsIgnoreCase("and")) {
            throw new NodeException("Parameter \"conditions\": unknown combinator \"" + combinator
                    + "\" (use \"and\" or \"or\") [item " + itemIndex + "]", itemIndex);
        }
        for (int i = 0; i < conditions.size(); i++) {
            Map<?, ?> condition = conditions.get(i) instanceof Map<?, ?> m ? m : Map.of();
            boolean pass = condition(condition, options, i, itemIndex);
            if (any && pass) {
                return true;
            }
            if (!any && !pass) {
                return false;
            }
        }
        return !any;
    }

    private boolean condition(Map<?, ?> condition, FilterSettings.Effective options, int index, int itemIndex) {
        Map<?, ?> operator = condition.get("operator") instanceof Map<?, ?> m ? m : Map.of();
        String type = operator.get("type") instanceof String t ? t : "string";
        String operation = operator.get("operation") instanceof String o ? o : "equals";
        boolean singleValue = JsValues.truthy(operator.get("singleValue")) || SINGLE_VALUE.contains(operation);
        String rightType = operator.get("rightType") instanceof String r ? r : defaultRightType(type, operation);
        Object rawLeft = condition.get("leftValue");
        Object rawRight = condition.get("rightValue");
        String where = "[condition " + index + ", item " + itemIndex + "]";

        Parsed left = parse(rawLeft, type, options);
        Parsed right = parse(rawRight, rightType, options);
        boolean rightValid = right.valid || singleValue;
        if (!left.valid && !rightValid && JsValues.typeOf(rawLeft).equals(JsValues.typeOf(rawRight))) {
            throw typeError("Comparison type expects " + Messages.withArticle(type) + " but both fields are "
                    + Messages.withArticle(JsValues.typeOf(rawLeft)) + " " + where, options, type, "first", itemIndex);
        }
        if (!left.valid) {
            throw typeError(invalidType(type, rawLeft, options, where), options, type, "first", itemIndex);
        }
        if (!rightValid) {
            throw typeError(invalidType(rightType, rawRight, options, where), options, rightType, "second", itemIndex);
        }
        Object l = left.value;
        Object r = right.valid ? right.value : null;

        boolean exists = l != null && !(l instanceof Double d && d.isNaN());
        if (operation.equals("exists")) {
            return exists;
        }
        if (operation.equals("notExists")) {
            return !exists;
        }
        boolean ignoreCase = !options.caseSensitive();
        return switch (type) {
            case "string" -> string(operation, l, r, ignoreCase, where, itemIndex);
            case "number" -> number(operation, l, r, exists);
            case "dateTime" -> dateTime(operation, l instanceof Instant a ? a : null, r instanceof Instant b ? b : null,
                    exists);
            case "boolean" -> bool(operation, l, r, exists);
            case "array" -> array(operation, l, r, ignoreCase);
            case "object" -> object(operation, l);
            default -> false;
        };
    }

    private static String defaultRightType(String type, String operation) {
        if (type.equals("array")) {
            return operation.startsWith("length") ? "number" : "any";
        }
        return type;
    }

    private static boolean string(String operation, Object leftValue, Object rightValue, boolean ignoreCase,
            String where, int itemIndex) {
        String left = leftValue == null ? "" : leftValue instanceof String s ? s : JsValues.string(leftValue);
        String right = rightValue == null ? "" : rightValue instanceof String s ? s : JsValues.string(rightValue);
        boolean regex = operation.equals("regex") || operation.equals("notRegex");
        if (ignoreCase) {
            left = left.toLowerCase(Locale.ROOT);
            if (!regex) {
                right = right.toLowerCase(Locale.ROOT);
            }
        }
        return switch (operation) {
            case "empty" -> left.isEmpty();
            case "notEmpty" -> !left.isEmpty();
            case "equals" -> left.equals(right);
            case "notEquals" -> !left.equals(right);
            case "contains" -> left.contains(right);
            case "notContains" -> !left.contains(right);
            case "startsWith" -> left.startsWith(right);
            case "notStartsWith" -> !left.startsWith(right);
            case "endsWith" -> left.endsWith(right);
            case "notEndsWith" -> !left.endsWith(right);
            case "regex" -> regex(right, where, itemIndex).test(left);
            case "notRegex" -> !regex(right, where, itemIndex).test(left);
            default -> false;
        };
    }

    private static JsRegex regex(String pattern, String where, int itemIndex) {
        try {
            return JsRegex.parse(pattern);
        } catch (IllegalArgumentException e) {
            throw new NodeException(e.getMessage() + " " + where, itemIndex);
        }
    }

    private static boolean number(String operation, Object left, Object right, boolean exists) {
        return switch (operation) {
            case "empty" -> !exists;
            case "notEmpty" -> exists;
            case "equals" -> JsValues.strictEquals(left, right);
            case "notEquals" -> !JsValues.strictEquals(left, right);
            case "gt" -> JsValues.greaterThan(left, right);
            case "lt" -> JsValues.lessThan(left, right);
            case "gte" -> JsValues.greaterOrEqual(left, right);
            case "lte" -> JsValues.lessOrEqual(left, right);
            default -> false;
        };
    }

    private static boolean dateTime(String operation, Instant left, Instant right, boolean exists) {
        if (operation.equals("empty")) {
            return !exists;
        }
        if (operation.equals("notEmpty")) {
            return exists;
        }
        if (left == null || right == null) {
            return false;
        }
        long l = left.toEpochMilli();
        long r = right.toEpochMilli();
        return switch (operation) {
            case "equals" -> l == r;
            case "notEquals" -> l != r;
            case "after" -> l > r;
            case "before" -> l < r;
            case "afterOrEquals" -> l >= r;
            case "beforeOrEquals" -> l <= r;
            default -> false;
        };
    }

    private static boolean bool(String operation, Object left, Object right, boolean exists) {
        return switch (operation) {
            case "empty" -> !exists;
            case "notEmpty" -> exists;
            case "true" -> JsValues.truthy(left);
            case "false" -> !JsValues.truthy(left);
            case "equals" -> JsValues.strictEquals(left, right);
            case "notEquals" -> !JsValues.strictEquals(left, right);
            default -> false;
        };
    }

    private static boolean array(String operation, Object leftValue, Object right, boolean ignoreCase) {
        List<?> left = leftValue instanceof List<?> l ? l : List.of();
        long length = left.size();
        return switch (operation) {
            case "contains" -> contains(left, right, ignoreCase);
            case "notContains" -> !contains(left, right, ignoreCase);
            case "lengthEquals" -> JsValues.strictEquals(length, right);
            case "lengthNotEquals" -> !JsValues.strictEquals(length, right);
            case "lengthGt" -> JsValues.greaterThan(length, right);
            case "lengthLt" -> JsValues.lessThan(length, right);
            case "lengthGte" -> JsValues.greaterOrEqual(length, right);
            case "lengthLte" -> JsValues.lessOrEqual(length, right);
            case "empty" -> left.isEmpty();
            case "notEmpty" -> !left.isEmpty();
            default -> false;
        };
    }

    /** Array membership: case-insensitive for text when asked, by value otherwise (NaN finds NaN). */
    private static boolean contains(List<?> array, Object value, boolean ignoreCase) {
        if (ignoreCase && value instanceof String s) {
            for (Object o : array) {
                if (o instanceof String t && t.toLowerCase(Locale.ROOT).equals(s.toLowerCase(Locale.ROOT))) {
                    return true;
                }
            }
            return false;
        }
        for (Object o : array) {
            if (o instanceof Number x && value instanceof Number y && Double.isNaN(x.doubleValue())
                    && Double.isNaN(y.doubleValue())) {
                return true;
            }
            if (o instanceof Map || o instanceof List ? Json.deepEquals(o, value) : JsValues.strictEquals(o, value)) {
                return true;
            }
        }
        return false;
    }

    private static boolean object(String operation, Object left) {
        int size = left instanceof Map<?, ?> m ? m.size() : left instanceof List<?> l ? l.size() : 0;
        return switch (operation) {
            case "empty" -> left == null || size == 0;
            case "notEmpty" -> left != null && size != 0;
            default -> false;
        };
    }

    // ---------------------------------------------------------------- type checks and conversions

    private record Parsed(boolean valid, Object value) {
        static final Parsed INVALID = new Parsed(false, null);
    }

    private Parsed parse(Object value, String type, FilterSettings.Effective options) {
        if (type.equals("any") || value == null) {
            return new Parsed(true, value);
        }
        boolean strict = options.strict();
        switch (type) {
            case "boolean": {
                if (value instanceof Boolean) {
                    return new Parsed(true, value);
                }
                if (strict) {
                    return Parsed.INVALID;
                }
                if (options.version() >= 2) {
                    Boolean b = N8nTypes.toBoolean(value);
                    if (b != null) {
                        return new Parsed(true, b);
                    }
                }
                return new Parsed(true, JsValues.truthy(value));
            }
            case "number": {
                if (value instanceof Number n) {
                    return new Parsed(true, n.doubleValue());
                }
                if (strict) {
                    return Parsed.INVALID;
                }
                double d = JsValues.toNumber(value);
                return Double.isNaN(d) ? Parsed.INVALID : new Parsed(true, d);
            }
            case "string": {
                if (value instanceof String) {
                    return new Parsed(true, value);
                }
                if (strict) {
                    return Parsed.INVALID;
                }
                // JSON for containers, String(value) for the rest
                return new Parsed(true, Json.toText(value));
            }
            case "dateTime": {
                Instant instant = DateValues.parse(value instanceof String s ? s : JsValues.string(value), zone, now);
                return instant == null ? Parsed.INVALID : new Parsed(true, instant);
            }
            case "object": {
                if (value instanceof Map) {
                    return new Parsed(true, value);
                }
                if (strict && !(value instanceof List)) {
                    return Parsed.INVALID;
                }
                Object parsed = parseJson(JsValues.string(value));
                return parsed instanceof Map ? new Parsed(true, parsed) : Parsed.INVALID;
            }
            case "array": {
                if (value instanceof List) {
                    return new Parsed(true, value);
                }
                if (strict) {
                    return Parsed.INVALID;
                }
                Object parsed = parseJson(JsValues.string(value));
                return parsed instanceof List ? new Parsed(true, parsed) : Parsed.INVALID;
            }
            default:
                return new Parsed(true, value);
        }
    }

    /** JSON text, also with single quotes or bare keys as in a JavaScript literal; null when unreadable. */
    private static Object parseJson(String text) {
        try {
            return Json.parse(text);
        } catch (RuntimeException e) {
            String relaxed = text.replace('\'', '"').replaceAll("([{,]\\s*)([A-Za-z_$][\\w$]*)\\s*:", "$1\"$2\":");
            try {
                return Json.parse(relaxed);
            } catch (RuntimeException e2) {
                return null;
            }
        }
    }

    private static String invalidType(String type, Object value, FilterSettings.Effective options, String where) {
        String from = JsValues.typeOf(value);
        String text = JsValues.string(value);
        if (options.strict()) {
            return "Wrong type: '" + text + "' is " + Messages.withArticle(from) + " but was expecting "
                    + Messages.withArticle(type) + " " + where;
        }
        return "Conversion error: the " + from + " '" + text + "' can't be converted to "
                + Messages.withArticle(type) + " " + where;
    }

    private static NodeException typeError(String message, FilterSettings.Effective options, String type,
            String position, int itemIndex) {
        String description;
        String converter = switch (type) {
            case "string" -> ".toString()";
            case "number" -> ".toNumber()";
            case "boolean" -> ".toBoolean()";
            default -> null;
        };
        if (options.strict() && converter != null) {
            description = "Turn on \"Convert types where required\", or convert the " + position + " value to "
                    + Messages.withArticle(type) + " with " + converter + ".";
        } else if (options.strict()) {
            description = "Change the type of the comparison, or turn on \"Convert types where required\".";
        } else {
            description = "Change the type of the comparison.";
        }
        return new NodeException(message, itemIndex, description, null);
    }
}
