package dev.switchboard.nodes.ai;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import dev.switchboard.platform.json.Json;

/**
 * Checks a value against the part of JSON Schema that describes extracted data: {@code type} (one or a list;
 * object, array, string, number, integer, boolean, null), {@code properties}, {@code required},
 * {@code additionalProperties: false}, {@code items}, {@code enum}, {@code minimum}/{@code maximum},
 * {@code minLength}/{@code maxLength}, {@code pattern}, {@code minItems}/{@code maxItems} and
 * {@code format: date}/{@code date-time}/{@code email}. Other keywords are accepted and not checked.
 */
final class JsonSchemaCheck {

    private static final List<String> TYPES = List.of("object", "array", "string", "number", "integer", "boolean", "null");

    private JsonSchemaCheck() {
    }

    /** What is wrong with the schema itself, or null when it can be used. */
    static String schemaProblem(Object schema) {
        if (!(schema instanceof Map<?, ?> m)) {
            return "the schema must be a JSON object, e.g. {\"type\": \"object\", \"properties\": {...}}";
        }
        Object type = m.get("type");
        for (Object t : type instanceof List<?> l ? l : type == null ? List.of() : List.of(type)) {
            if (!TYPES.contains(String.valueOf(t))) {
                return "\"type\": \"" + t + "\" is not a JSON Schema type (" + String.join(", ", TYPES) + ")";
            }
        }
        if (m.get("properties") instanceof Map<?, ?> props) {
            for (Map.Entry<?, ?> e : props.entrySet()) {
                String inner = schemaProblem(e.getValue());
                if (inner != null) {
                    return "property \"" + e.getKey() + "\": " + inner;
                }
            }
        }
        if (m.get("items") != null) {
            String inner = schemaProblem(m.get("items"));
            if (inner != null) {
                return "items: " + inner;
            }
        }
        if (m.get("pattern") instanceof String p) {
            try {
                Pattern.compile(p);
            } catch (PatternSyntaxException e) {
                return "\"pattern\" " + p + " is not a regular expression";
            }
        }
        return null;
    }

    /** The problems of a value (each naming its path, e.g. {@code $.lines[2].amount}); empty when it fits. */
    static List<String> problems(Object value, Map<?, ?> schema) {
        List<String> out = new ArrayList<>();
        check(value, schema, "$", out);
        return out;
    }

    private static void check(Object value, Map<?, ?> schema, String path, List<String> out) {
        Object type = schema.get("type");
        List<?> types = type instanceof List<?> l ? l : type == null ? List.of() : List.of(type);
        if (!types.isEmpty() && types.stream().noneMatch(t -> fits(value, String.valueOf(t)))) {
            out.add(path + " must be " + (types.size() == 1 ? "a" + (String.valueOf(types.get(0)).matches("[aeiou].*") ? "n " : " ")
                    + types.get(0) : "one of " + types) + ", not " + Json.write(value));
            return;
        }
        if (schema.get("enum") instanceof List<?> allowed && !allowed.contains(value)
                && allowed.stream().noneMatch(a -> a instanceof Number n && value instanceof Number v
                        && n.doubleValue() == v.doubleValue())) {
            out.add(path + " must be one of " + Json.write(allowed) + ", not " + Json.write(value));
        }
        if (value instanceof Map<?, ?> object) {
            if (schema.get("required") instanceof List<?> required) {
                for (Object r : required) {
                    if (object.get(String.valueOf(r)) == null) {
                        out.add(path + "." + r + " is required but missing");
                    }
                }
            }
            Map<?, ?> props = schema.get("properties") instanceof Map<?, ?> p ? p : Map.of();
            for (Map.Entry<?, ?> e : object.entrySet()) {
                if (props.get(e.getKey()) instanceof Map<?, ?> sub) {
                    if (e.getValue() != null) { // null: optional and not given, or reported as missing above
                        check(e.getValue(), sub, path + "." + e.getKey(), out);
                    }
                } else if (Boolean.FALSE.equals(schema.get("additionalProperties"))) {
                    out.add(path + "." + e.getKey() + " is not a property of the schema");
                }
            }
        }
        if (value instanceof List<?> list) {
            if (schema.get("minItems") instanceof Number min && list.size() < min.intValue()) {
                out.add(path + " must have at least " + min.intValue() + " item(s), not " + list.size());
            }
            if (schema.get("maxItems") instanceof Number max && list.size() > max.intValue()) {
                out.add(path + " must have at most " + max.intValue() + " item(s), not " + list.size());
            }
            if (schema.get("items") instanceof Map<?, ?> items) {
                for (int i = 0; i < list.size(); i++) {
                    check(list.get(i), items, path + "[" + i + "]", out);
                }
            }
        }
        if (value instanceof Number n) {
            if (schema.get("minimum") instanceof Number min && n.doubleValue() < min.doubleValue()) {
                out.add(path + " must be at least " + min + ", not " + n);
            }
            if (schema.get("maximum") instanceof Number max && n.doubleValue() > max.doubleValue()) {
                out.add(path + " must be at most " + max + ", not " + n);
            }
        }
        if (value instanceof String s) {
            if (schema.get("minLength") instanceof Number min && s.length() < min.intValue()) {
                out.add(path + " must be at least " + min.intValue() + " characters long");
            }
            if (schema.get("maxLength") instanceof Number max && s.length() > max.intValue()) {
                out.add(path + " must be at most " + max.intValue() + " characters long");
            }
            if (schema.get("pattern") instanceof String p && !Pattern.compile(p).matcher(s).find()) {
                out.add(path + " must match " + p + ", not " + Json.write(s));
            }
            String format = schema.get("format") instanceof String f ? f : "";
            boolean ok = switch (format) {
                case "date" -> s.matches("\\d{4}-\\d{2}-\\d{2}");
                case "date-time" -> s.matches("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})?");
                case "email" -> s.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
                default -> true;
            };
            if (!ok) {
                out.add(path + " must be a " + format + ", not " + Json.write(s));
            }
        }
    }

    private static boolean fits(Object v, String type) {
        return switch (type) {
            case "object" -> v instanceof Map<?, ?>;
            case "array" -> v instanceof List<?>;
            case "string" -> v instanceof String;
            case "number" -> v instanceof Number;
            case "integer" -> v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue());
            case "boolean" -> v instanceof Boolean;
            case "null" -> v == null;
            default -> true;
        };
    }
}
