package dev.switchboard.nodes.transform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.switchboard.platform.json.JsValues;
import dev.switchboard.platform.node.Item;
import dev.switchboard.platform.node.NodeContext;

/**
 * Set versions 1 and 2: boolean values first, then numbers, then strings, each written at its name
 * (dot notation unless switched off). Version 2 turns numeric text given for a number into a number;
 * version 1 keeps it as text. Booleans take JavaScript's truthiness, so the text "false" is true.
 */
final class SetLegacyValues {

    private static final String DEFAULT_NAME = "propertyName";

    private SetLegacyValues() {
    }

    static Item apply(NodeContext context, Item item, int itemIndex, double version) {
        boolean keepOnlySet = context.bool("keepOnlySet", itemIndex, false);
        Map<String, Object> options = map(context.parameter("options", itemIndex));
        boolean dotNotation = !Boolean.FALSE.equals(options.get("dotNotation"));
        Map<String, Object> values = map(context.parameter("values", itemIndex));

        Map<String, Object> json = keepOnlySet ? new LinkedHashMap<>() : item.jsonCopy();
        for (Map<String, Object> entry : entries(values.get("boolean"))) {
            Object value = entry.containsKey("value") ? entry.get("value") : Boolean.FALSE;
            write(json, name(entry), JsValues.truthy(value), dotNotation);
        }
        for (Map<String, Object> entry : entries(values.get("number"))) {
            Object value = entry.containsKey("value") ? entry.get("value") : 0L;
            if (version >= 2 && value instanceof String s) {
                double d = JsValues.parseNumber(s);
                if (!Double.isNaN(d)) {
                    value = SetFieldTypes.numberValue(d);
                }
            }
            write(json, name(entry), value, dotNotation);
        }
        for (Map<String, Object> entry : entries(values.get("string"))) {
            Object value = entry.containsKey("value") ? entry.get("value") : "";
            write(json, name(entry), value, dotNotation);
        }
        Item out = new Item(json, keepOnlySet ? null : item.binary(), null);
        return out.withPairedItem(itemIndex);
    }

    private static void write(Map<String, Object> json, String name, Object value, boolean dotNotation) {
        if (dotNotation) {
            DotPaths.set(json, name, value);
        } else {
            json.put(name, value);
        }
    }

    private static String name(Map<String, Object> entry) {
        Object name = entry.get("name");
        return name == null ? DEFAULT_NAME : JsValues.string(name);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> entries(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().filter(Map.class::isInstance).map(o -> (Map<String, Object>) o).toList();
        }
        return List.of();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
