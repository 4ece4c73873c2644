package dev.switchboard.nodes.transform;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.switchboard.platform.json.JsValues;
import dev.switchboard.platform.json.Json;
import dev.switchboard.platform.node.Item;
import dev.switchboard.platform.node.NodeContext;
import dev.switchboard.platform.node.NodeException;

/**
 * Edit Fields version 3 and later: the new fields come from typed field entries (3.0 to 3.2), from
 * assignments (3.3 and later) or from a JSON object (raw mode); they are converted to their types and
 * written over all, none, some, or all but some of the input fields.
 */
final class SetFieldsMode {

    private static final Pattern RESOLVABLE = Pattern.compile("\\{\\{[\\s\\S]*?\\}\\}");

    private final NodeContext context;
    private final double version;
    private final String mode;
    /** Fields (3.0 to 3.2) whose object value is an expression, by name: the expression text without "=". */
    private final Map<String, String> objectExpressions = new HashMap<>();

    SetFieldsMode(NodeContext context) {
        this.context = context;
        this.version = context.typeVersion();
        this.mode = context.string("mode", 0, "manual");
        if (!"manual".equals(mode) && !"raw".equals(mode)) {
            throw new NodeException("Parameter \"mode\": unknown mode \"" + mode + "\"; use manual or raw");
        }
        if ("manual".equals(mode) && version < 3.3) {
            for (Map<String, Object> entry : SetLegacyValues.entries(context.rawParameter("fields.values"))) {
                Object type = entry.getOrDefault("type", "stringValue");
                Object value = entry.get("objectValue");
                if ("objectValue".equals(type) && (value == null || value instanceof String s && s.startsWith("="))) {
                    String text = value == null ? "{}" : ((String) value).replaceFirst("^=+", "");
                    objectExpressions.put(String.valueOf(entry.getOrDefault("name", "")), text);
                }
            }
        }
    }

    Item apply(Item item, int itemIndex) {
        Map<String, Object> options = SetLegacyValues.map(context.parameter("options", itemIndex));
        String include;
        if (version >= 3.3) {
            include = context.bool("includeOtherFields", itemIndex, false)
                    ? context.string("include", itemIndex, "all") : "none";
        } else {
            include = context.string("include", itemIndex, "all");
        }
        Map<String, Object> newFields = switch (mode) {
            case "raw" -> SetJsonInput.objectParameter(jsonOutput(itemIndex), itemIndex, null);
            default -> version < 3.3 ? typedFields(itemIndex, options) : assignments(itemIndex, options);
        };
        return compose(item, itemIndex, newFields, options, include);
    }

    private Map<String, Object> typedFields(int itemIndex, Map<String, Object> options) {
        boolean ignoreErrors = Boolean.TRUE.equals(options.get("ignoreConversionErrors"));
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map<String, Object> entry : SetLegacyValues.entries(context.parameter("fields.values", itemIndex))) {
            String name = JsValues.string(entry.getOrDefault("name", ""));
            String type = String.valueOf(entry.getOrDefault("type", "stringValue"));
            Object value = entry.containsKey(type) ? entry.get(type) : defaultValue(type);
            if ("objectValue".equals(type) && value != null && objectExpressions.containsKey(name)) {
                value = SetJsonInput.objectParameter(resolveRaw(objectExpressions.get(name), itemIndex), itemIndex, name);
            } else if ("objectValue".equals(type) && value != null && !entry.containsKey(type)) {
                value = SetJsonInput.objectParameter(value, itemIndex, name);
            }
            String fieldType = type.endsWith("Value") ? type.substring(0, type.length() - "Value".length()) : type;
            out.put(name, validate(name, fieldType, value, itemIndex, ignoreErrors));
        }
        return out;
    }

    private Map<String, Object> assignments(int itemIndex, Map<String, Object> options) {
        boolean ignoreErrors = Boolean.TRUE.equals(options.get("ignoreConversionErrors"));
        Map<String, Object> collection = SetLegacyValues.map(context.parameter("assignments", itemIndex));
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map<String, Object> a : SetLegacyValues.entries(collection.get("assignments"))) {
            String name = JsValues.string(a.getOrDefault("name", ""));
            String type = String.valueOf(a.getOrDefault("type", "string"));
            out.put(name, validate(name, type, a.get("value"), itemIndex, ignoreErrors));
        }
        return out;
    }

    private Object jsonOutput(int itemIndex) {
        if (context.rawParameter("jsonOutput") instanceof String raw && raw.startsWith("=")) {
            return resolveRaw(raw.replaceFirst("^=+", ""), itemIndex);
        }
        return context.parameter("jsonOutput", itemIndex, SetNode.DEFAULT_JSON_OUTPUT);
    }

    /**
     * n8n's resolveRawData: each {@code {{ }}} in JSON text is evaluated on its own and replaced by its
     * value, objects and arrays as JSON, anything else as text ("null" for null).
     */
    private String resolveRaw(String text, int itemIndex) {
        List<String> resolvables = new ArrayList<>();
        Matcher m = RESOLVABLE.matcher(text);
        while (m.find()) {
            resolvables.add(m.group());
        }
        String out = text;
        for (String resolvable : resolvables) {
            Object value = context.evaluate("=" + resolvable, itemIndex);
            String replacement = value instanceof Map<?, ?> || value instanceof List<?> ? JsValues.stringify(value)
                    : JsValues.string(value);
            int at = out.indexOf(resolvable);
            if (at >= 0) {
                out = out.substring(0, at) + replacement + out.substring(at + resolvable.length());
            }
        }
        return out;
    }

    private static Object defaultValue(String type) {
        return switch (type) {
            case "booleanValue" -> "true";
            case "objectValue" -> "{}";
            default -> "";
        };
    }

    /** n8n's validateEntry: null handling by version, strings from anything, then the type conversion. */
    private Object validate(String name, String type, Object value, int itemIndex, boolean ignoreErrors) {
        if (version >= 3.2 && value == null) {
            return null;
        }
        if ("string".equals(type)) {
            if (version > 3 && value == null) {
                if (ignoreErrors) {
                    return null;
                }
                throw new NodeException("'" + name + "' expects a string but we got 'null' [item " + itemIndex + "]",
                        itemIndex, fixHint(name), null);
            }
            value = value == null || value instanceof Map<?, ?> || value instanceof List<?>
                    ? JsValues.stringify(value) : JsValues.string(value);
        }
        SetFieldTypes.Conversion result = SetFieldTypes.convert(name, value, type);
        if (!result.valid()) {
            if (ignoreErrors) {
                return value;
            }
            throw new NodeException(result.error() + " [item " + itemIndex + "]", itemIndex, fixHint(name), null);
        }
        return result.value();
    }

    private static String fixHint(String name) {
        return "To fix the error try to change the type for the field \"" + name
                + "\" or activate the option \u201CIgnore Type Conversion Errors\u201D to apply a less strict type validation";
    }

    private Item compose(Item item, int itemIndex, Map<String, Object> newFields, Map<String, Object> options,
            String include) {
        boolean dotNotation = !Boolean.FALSE.equals(options.get("dotNotation"));
        Map<String, Object> json;
        switch (include) {
            case "all" -> json = item.jsonCopy();
            case "none" -> json = new LinkedHashMap<>();
            case "selected" -> {
                json = new LinkedHashMap<>();
                for (String key : fieldList("includeFields", "fieldsToInclude", itemIndex)) {
                    Object value = dotNotation ? DotPaths.get(item.json(), key)
                            : item.json().containsKey(DotPaths.literalKey(item.json(), key))
                                    ? item.json().get(DotPaths.literalKey(item.json(), key)) : DotPaths.MISSING;
                    if (value == DotPaths.MISSING) {
                        continue;
                    }
                    String target = dotNotation && key.contains(".") ? key.substring(key.lastIndexOf('.') + 1) : key;
                    write(json, target, Json.copy(value), dotNotation);
                }
            }
            case "except" -> {
                json = item.jsonCopy();
                for (String key : fieldList("excludeFields", "fieldsToExclude", itemIndex)) {
                    if (dotNotation) {
                        DotPaths.unset(json, key);
                    } else {
                        json.remove(DotPaths.literalKey(json, key));
                    }
                }
            }
            default -> throw new NodeException("The include option \"" + include + "\" is not known!", itemIndex);
        }
        for (var e : newFields.entrySet()) {
            write(json, e.getKey(), e.getValue(), dotNotation);
        }
        boolean keepBinary = version >= 3.4
                ? !Boolean.TRUE.equals(options.get("stripBinary")) && !"none".equals(include)
                : Boolean.TRUE.equals(options.get("includeBinary"));
        return new Item(json, keepBinary ? item.binary() : null, null).withPairedItem(itemIndex);
    }

    private List<String> fieldList(String parameter, String alias, int itemIndex) {
        Object raw = context.parameter(parameter, itemIndex);
        if (raw == null) {
            raw = context.parameter(alias, itemIndex);
        }
        if (raw instanceof List<?> list) {
            return list.stream().map(JsValues::string).map(String::trim).filter(s -> !s.isEmpty()).toList();
        }
        String text = raw == null ? "" : JsValues.string(raw);
        return java.util.Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static void write(Map<String, Object> json, String key, Object value, boolean dotNotation) {
        if (dotNotation) {
            DotPaths.set(json, key, value);
        } else {
            json.put(DotPaths.literalKey(json, key), value);
        }
    }
}
