package dev.switchboard.nodes.transform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.switchboard.platform.json.JsValues;
import dev.switchboard.platform.json.Json;
import dev.switchboard.platform.node.Item;
import dev.switchboard.platform.node.NodeException;
import dev.switchboard.platform.node.NodeLogger;

/**
 * Turning a list (or an object's values) inside an item into separate items, in the variants n8n's
 * Split Out node and Item Lists' "Split Out Items" operation have had.
 */
final class SplitOutLogic {

    /** Which n8n implementation to follow. */
    enum Style {
        /** Item Lists v1: one field, which must be an array. */
        LIST_ONLY,
        /** Item Lists v2: one field, an array or an object (its values). */
        SINGLE_FIELD,
        /** Item Lists v2.1: as SINGLE_FIELD, but a missing field yields nothing instead of failing. */
        SINGLE_FIELD_SKIP_MISSING,
        /** Item Lists v2.2 and v3: several fields side by side, missing ones skipped, flat output keys. */
        MULTI_FIELD,
        /** The Split Out node: as MULTI_FIELD, plus {@code $binary}, dot-path destinations, deep merge, binaries. */
        SPLIT_OUT
    }

    /**
     * What to split and how, read for one item.
     *
     * @param fields          the fields to split, as given (already separated where the style allows several)
     * @param include         noOtherFields, allOtherFields or selectedOtherFields
     * @param fieldsToInclude for selectedOtherFields
     * @param dotNotation     whether field names are dot paths
     * @param destinations    destination field names, one per field, or empty
     * @param includeBinary   whether the new items keep the item's binary data
     */
    record Settings(List<String> fields, String include, List<String> fieldsToInclude, boolean dotNotation,
            List<String> destinations, boolean includeBinary) {
    }

    private final Style style;
    private final NodeLogger log;
    private final Map<String, Boolean> found = new LinkedHashMap<>();

    SplitOutLogic(Style style, NodeLogger log) {
        this.style = style;
        this.log = log;
    }

    /** The items made from one input item. */
    List<Item> split(Item input, int index, Settings s) {
        return switch (style) {
            case LIST_ONLY, SINGLE_FIELD, SINGLE_FIELD_SKIP_MISSING -> splitOne(input, index, s);
            case MULTI_FIELD, SPLIT_OUT -> splitMany(input, index, s);
        };
    }

    /** Logs the fields that were in no item (n8n shows these as hints). */
    void reportMissingFields() {
        for (var e : found.entrySet()) {
            if (!e.getValue()) {
                log.warn("The field '" + e.getKey() + "' wasn't found in any input item");
            }
        }
    }

    private List<Item> splitOne(Item input, int index, Settings s) {
        String field = s.fields().isEmpty() ? "" : s.fields().get(0);
        String destination = s.destinations().isEmpty() ? "" : s.destinations().get(0);
        Map<String, Object> json = input.json();
        Object value = FieldPaths.value(json, field, s.dotNotation());
        if (value == JsValues.UNDEFINED && style == Style.SINGLE_FIELD_SKIP_MISSING) {
            found.merge(field, false, Boolean::logicalOr);
            return List.of();
        }
        found.merge(field, value != JsValues.UNDEFINED, Boolean::logicalOr);
        if (value == JsValues.UNDEFINED) {
            String hint = !s.dotNotation() && field.contains(".")
                    ? " (to reach a nested field, turn off the \"Disable Dot Notation\" option)" : "";
            throw new NodeException("Parameter \"fieldToSplitOut\": couldn't find the field '" + field
                    + "' in the input data" + hint + " [item " + index + "]", index);
        }
        List<Object> elements;
        if (style == Style.LIST_ONLY) {
            if (!(value instanceof List<?> list)) {
                throw new NodeException("Parameter \"fieldToSplitOut\": the field '" + field + "' is not an array [item "
                        + index + "]", index);
            }
            elements = new ArrayList<>(list);
        } else if (value instanceof List<?> list) {
            elements = new ArrayList<>(list);
        } else if (value instanceof Map<?, ?> map) {
            elements = new ArrayList<>(map.values());
        } else {
            throw new NodeException("Parameter \"fieldToSplitOut\": the field '" + field
                    + "' is not an array or object [item " + index + "]", index);
        }
        List<Item> out = new ArrayList<>();
        for (Object element : elements) {
            Map<String, Object> item = new LinkedHashMap<>();
            if ("selectedOtherFields".equals(s.include())) {
                requireFieldsToInclude(s, index);
                for (String f : s.fieldsToInclude()) {
                    if (!f.equals(field)) {
                        putDefined(item, f, FieldPaths.value(json, f, s.dotNotation()));
                    }
                }
            } else if ("allOtherFields".equals(s.include())) {
                item.putAll(Json.copy(json));
                FieldPaths.unset(item, field);
            }
            if (JsSemantics.isObjectType(element) && "noOtherFields".equals(s.include()) && destination.isEmpty()) {
                item.putAll(Json.copy(JsSemantics.spreadEntries(element)));
            } else {
                item.put(destination.isEmpty() ? field : destination, Json.copy(element));
            }
            out.add(Item.of(item, index));
        }
        return out;
    }

    private static final class Entry {
        Map<String, Object> json = new LinkedHashMap<>();
        Map<String, Object> binary;
    }

    private List<Item> splitMany(Item input, int index, Settings s) {
        List<String> fields = s.fields();
        List<String> destinations = s.destinations();
        if (!destinations.isEmpty() && destinations.size() != fields.size()) {
            throw new NodeException("Parameter \"options.destinationFieldName\": give as many destination fields ("
                    + destinations.size() + ") as fields to split out (" + fields.size() + ") [item " + index + "]", index);
        }
        boolean multiSplit = fields.size() > 1;
        Map<String, Object> json = input.json();
        List<Entry> entries = new ArrayList<>();
        for (int f = 0; f < fields.size(); f++) {
            String field = fields.get(f);
            String destination = f < destinations.size() ? destinations.get(f) : "";
            boolean binarySplit = style == Style.SPLIT_OUT && "$binary".equals(field);
            List<Object> elements = binarySplit ? binaryEntries(input) : elementsOf(json, field, s.dotNotation());
            String target = destination.isEmpty() ? field : destination;
            if (style == Style.SPLIT_OUT && s.dotNotation() && FieldPaths.isUnsafe(target)) {
                log.warn("destination field name \"" + target + "\" is not allowed; using \"" + field + "\"");
                target = field;
            }
            for (int e = 0; e < elements.size(); e++) {
                while (entries.size() <= e) {
                    entries.add(new Entry());
                }
                Entry entry = entries.get(e);
                Object element = elements.get(e);
                if (binarySplit) {
                    if (entry.binary == null) {
                        entry.binary = new LinkedHashMap<>();
                    }
                    entry.binary.putAll(JsSemantics.spreadEntries(element));
                    continue;
                }
                if (JsSemantics.isContainer(element) && "noOtherFields".equals(s.include()) && destination.isEmpty()
                        && !multiSplit) {
                    entry.json.putAll(Json.copy(JsSemantics.spreadEntries(element)));
                } else if (style == Style.SPLIT_OUT && s.dotNotation()) {
                    FieldPaths.set(entry.json, target, Json.copy(JsSemantics.jsonValue(element)));
                } else {
                    entry.json.put(target, Json.copy(JsSemantics.jsonValue(element)));
                }
            }
        }
        List<Item> out = new ArrayList<>();
        for (Entry entry : entries) {
            Map<String, Object> result = entry.json;
            if ("allOtherFields".equals(s.include())) {
                Map<String, Object> copy = Json.copy(json);
                for (String field : fields) {
                    if (s.dotNotation()) {
                        FieldPaths.unset(copy, field);
                    } else {
                        copy.remove(field);
                    }
                }
                if (style == Style.SPLIT_OUT) {
                    result = FieldPaths.merge(copy, entry.json);
                } else {
                    copy.putAll(entry.json);
                    result = copy;
                }
            } else if ("selectedOtherFields".equals(s.include())) {
                requireFieldsToInclude(s, index);
                for (String f : s.fieldsToInclude()) {
                    Object v = FieldPaths.value(json, f, s.dotNotation());
                    if (v == JsValues.UNDEFINED) {
                        result.remove(f);
                    } else {
                        result.put(f, Json.copy(v));
                    }
                }
            }
            Map<String, Object> binary = entry.binary;
            if (style == Style.SPLIT_OUT && s.includeBinary() && !input.binary().isEmpty() && binary == null) {
                binary = input.binary();
            }
            out.add(new Item(result, binary, null).withPairedItem(index));
        }
        return out;
    }

    private List<Object> elementsOf(Map<String, Object> json, String field, boolean dotNotation) {
        Object value = FieldPaths.value(json, field, dotNotation);
        boolean present = value != JsValues.UNDEFINED;
        found.merge(field, present, Boolean::logicalOr);
        if (!present) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return new ArrayList<>(list);
        }
        if (value instanceof Map<?, ?> map) {
            return new ArrayList<>(map.values());
        }
        List<Object> single = new ArrayList<>();
        single.add(value);
        return single;
    }

    private static List<Object> binaryEntries(Item input) {
        List<Object> out = new ArrayList<>();
        for (var e : input.binary().entrySet()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put(e.getKey(), e.getValue());
            out.add(one);
        }
        return out;
    }

    private static void requireFieldsToInclude(Settings s, int index) {
        if (s.fieldsToInclude().isEmpty()) {
            throw new NodeException("Parameter \"fieldsToInclude\": no fields specified; add a field to include [item "
                    + index + "]", index);
        }
    }

    private static void putDefined(Map<String, Object> target, String key, Object value) {
        if (value != JsValues.UNDEFINED) {
            target.put(key, Json.copy(value));
        }
    }
}
