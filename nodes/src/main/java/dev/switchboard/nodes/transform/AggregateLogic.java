package dev.switchboard.nodes.transform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.switchboard.platform.json.JsValues;
import dev.switchboard.platform.json.Json;
import dev.switchboard.platform.node.Item;
import dev.switchboard.platform.node.NodeException;
import dev.switchboard.platform.node.NodeLogger;
import dev.switchboard.platform.node.PairedItem;

/**
 * Combining many items into one: each chosen field's values as a list ("individual fields"), or the
 * whole items as a list in one field ("all item data"); optionally per group of equal group-by values.
 */
final class AggregateLogic {

    /** One field to aggregate: {@code fieldToAggregate}, and the output name when renamed. */
    record FieldSpec(String field, boolean rename, String outputName) {
    }

    /**
     * How to aggregate individual fields.
     *
     * @param checkFieldsExist Item Lists before v2.1 fails when a field is in no item (unless keepMissing)
     */
    record FieldOptions(List<FieldSpec> fields, boolean dotNotation, boolean mergeLists, boolean keepMissing,
            boolean checkFieldsExist) {
    }

    /** How to aggregate whole items: where to put them and which of their fields to keep. */
    record AllDataOptions(String destination, List<String> fieldsToInclude, List<String> fieldsToExclude) {
    }

    private AggregateLogic() {
    }

    static List<FieldSpec> fieldSpecs(Object collection) {
        List<FieldSpec> out = new ArrayList<>();
        for (Map<String, Object> e : ListParams.entries(collection, "fieldToAggregate")) {
            boolean rename = ListParams.flag(e, "renameField", false);
            out.add(new FieldSpec(ListParams.text(e, "fieldToAggregate", ""), rename,
                    rename ? ListParams.text(e, "outputFieldName", "") : ""));
        }
        return out;
    }

    /** One item holding, per field, the list of its values across the items. */
    static Item individualFields(List<Item> items, FieldOptions o, NodeLogger log) {
        Map<String, Object> json = individualJson(items, o, log);
        return new Item(json, null, allPaired(items.size()));
    }

    private static Map<String, Object> individualJson(List<Item> items, FieldOptions o, NodeLogger log) {
        if (o.fields().isEmpty()) {
            throw new NodeException("Parameter \"fieldsToAggregate\": no fields specified; add a field to aggregate");
        }
        if (o.checkFieldsExist()) {
            checkFieldsExist(items, o);
        }
        List<String> outputFields = new ArrayList<>();
        Map<String, List<Object>> values = new LinkedHashMap<>();
        for (FieldSpec spec : o.fields()) {
            String field = spec.rename() ? spec.outputName() : spec.field();
            if (outputFields.contains(field)) {
                throw new NodeException("Parameter \"fieldsToAggregate\": the output field '" + field
                        + "' is used more than once; give each output field a unique name");
            }
            outputFields.add(field);
            if (spec.field().isEmpty()) {
                continue;
            }
            List<Object> list = new ArrayList<>();
            values.put(outputName(spec, o.dotNotation()), list);
            boolean seen = false;
            for (Item item : items) {
                Object value = FieldPaths.value(item.json(), spec.field(), o.dotNotation());
                seen |= value != JsValues.UNDEFINED;
                collect(list, value, o);
            }
            if (!seen && log != null) {
                log.warn("The field '" + spec.field() + "' wasn't found in any input item");
            }
        }
        Map<String, Object> json = new LinkedHashMap<>();
        for (var e : values.entrySet()) {
            if (o.dotNotation()) {
                FieldPaths.set(json, e.getKey(), e.getValue());
            } else {
                json.put(e.getKey(), e.getValue());
            }
        }
        return json;
    }

    private static void collect(List<Object> list, Object value, FieldOptions o) {
        Object v = value;
        if (!o.keepMissing()) {
            if (v instanceof List<?> l) {
                List<Object> kept = new ArrayList<>();
                for (Object x : l) {
                    if (x != null) {
                        kept.add(x);
                    }
                }
                v = kept;
            } else if (v == null || v == JsValues.UNDEFINED) {
                return;
            }
        }
        if (v instanceof List<?> l && o.mergeLists()) {
            for (Object x : l) {
                list.add(Json.copy(x));
            }
        } else {
            list.add(Json.copy(JsSemantics.jsonValue(v)));
        }
    }

    private static String outputName(FieldSpec spec, boolean dotNotation) {
        if (!spec.outputName().isEmpty()) {
            return spec.outputName();
        }
        if (dotNotation && spec.field().contains(".")) {
            String[] parts = spec.field().split("\\.", -1);
            return parts[parts.length - 1];
        }
        return spec.field();
    }

    private static void checkFieldsExist(List<Item> items, FieldOptions o) {
        for (FieldSpec spec : o.fields()) {
            boolean found = false;
            for (Item item : items) {
                if (spec.field().isEmpty()) {
                    throw new NodeException("Parameter \"fieldsToAggregate\": a field to aggregate is blank");
                }
                if (FieldPaths.value(item.json(), spec.field(), o.dotNotation()) != JsValues.UNDEFINED) {
                    found = true;
                }
            }
            if (!found && (!o.dotNotation() && spec.field().contains(".") || !o.keepMissing())) {
                String hint = !o.dotNotation() && spec.field().contains(".")
                        ? " (to reach a nested field, turn off the \"Disable Dot Notation\" option)" : "";
                throw new NodeException("Parameter \"fieldsToAggregate\": couldn't find the field '" + spec.field()
                        + "' in the input data" + hint);
            }
        }
    }

    /** One item holding the items (or the chosen fields of them) as a list in the destination field. */
    static Item allItemData(List<Item> items, AllDataOptions o) {
        List<Object> list = new ArrayList<>();
        List<PairedItem> paired = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Map<String, Object> kept = keptFields(items.get(i).json(), o);
            if (kept != null) {
                list.add(kept);
                paired.add(PairedItem.of(i));
            }
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put(o.destination(), list);
        return new Item(json, null, paired);
    }

    /** The item's fields after the include/exclude lists; null when nothing is left and a list was given. */
    private static Map<String, Object> keptFields(Map<String, Object> json, AllDataOptions o) {
        if (o.fieldsToInclude().isEmpty() && o.fieldsToExclude().isEmpty()) {
            return Json.copy(json);
        }
        Map<String, Object> kept = new LinkedHashMap<>();
        for (var e : json.entrySet()) {
            if (!o.fieldsToExclude().isEmpty() && o.fieldsToExclude().contains(e.getKey())) {
                continue;
            }
            if (!o.fieldsToInclude().isEmpty() && !o.fieldsToInclude().contains(e.getKey())) {
                continue;
            }
            kept.put(e.getKey(), Json.copy(e.getValue()));
        }
        return kept.isEmpty() ? null : kept;
    }

    /** One item per distinct combination of the group-by fields' values, each aggregated on its own. */
    static List<Item> grouped(List<Item> items, List<String> groupBy, boolean allItemData, FieldOptions fieldOptions,
            AllDataOptions allOptions) {
        Map<String, Group> groups = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            List<Object> groupValues = new ArrayList<>();
            for (String field : groupBy) {
                Object v = FieldPaths.get(items.get(i).json(), field);
                if (JsSemantics.isContainer(v)) {
                    throw new NodeException("Parameter \"options.groupByFields\": field \"" + field
                            + "\" holds an object or array; only text, numbers, booleans and null can group [item " + i + "]", i);
                }
                groupValues.add(v);
            }
            List<Object> keyValues = new ArrayList<>();
            for (Object v : groupValues) {
                keyValues.add(JsSemantics.jsonValue(v));
            }
            String key = Json.write(keyValues);
            groups.computeIfAbsent(key, k -> new Group(groupValues)).indexes.add(i);
        }
        if (allItemData) {
            for (String field : groupBy) {
                if (pathsConflict(allOptions.destination(), field)) {
                    throw new NodeException("Parameter \"destinationFieldName\": '" + allOptions.destination()
                            + "' conflicts with the group-by field '" + field + "'");
                }
            }
        } else {
            checkGroupOutputNames(groupBy, fieldOptions);
        }
        List<Item> out = new ArrayList<>();
        for (Group g : groups.values()) {
            Map<String, Object> json = new LinkedHashMap<>();
            for (int f = 0; f < groupBy.size(); f++) {
                Object v = g.values.get(f);
                if (v != JsValues.UNDEFINED) {
                    FieldPaths.set(json, groupBy.get(f), v);
                }
            }
            List<Item> members = new ArrayList<>();
            for (int i : g.indexes) {
                members.add(items.get(i));
            }
            if (allItemData) {
                List<Object> list = new ArrayList<>();
                for (Item m : members) {
                    Map<String, Object> kept = keptFields(m.json(), allOptions);
                    if (kept != null) {
                        list.add(kept);
                    }
                }
                json.put(allOptions.destination(), list);
            } else {
                Map<String, Object> values = individualJson(members, fieldOptions, null);
                for (var e : values.entrySet()) {
                    if (fieldOptions.dotNotation()) {
                        FieldPaths.set(json, e.getKey(), e.getValue());
                    } else {
                        json.put(e.getKey(), e.getValue());
                    }
                }
            }
            List<PairedItem> lineage = new ArrayList<>();
            for (int i : g.indexes) {
                lineage.add(PairedItem.of(i));
            }
            out.add(new Item(json, null, lineage));
        }
        return out;
    }

    private static void checkGroupOutputNames(List<String> groupBy, FieldOptions o) {
        if (o.fields().isEmpty()) {
            throw new NodeException("Parameter \"fieldsToAggregate\": no fields specified; add a field to aggregate");
        }
        List<String> names = new ArrayList<>();
        for (FieldSpec spec : o.fields()) {
            String name = spec.rename() ? spec.outputName() : outputName(new FieldSpec(spec.field(), false, ""), o.dotNotation());
            if (names.contains(name)) {
                throw new NodeException("Parameter \"fieldsToAggregate\": the output field '" + name
                        + "' is used more than once; give each output field a unique name");
            }
            for (String field : groupBy) {
                if (pathsConflict(name, field)) {
                    throw new NodeException("Parameter \"fieldsToAggregate\": the output field '" + name
                            + "' conflicts with the group-by field '" + field + "'");
                }
            }
            names.add(name);
        }
    }

    /** Whether one dot path is the other or lies inside it. */
    static boolean pathsConflict(String a, String b) {
        if (Objects.equals(a, b)) {
            return true;
        }
        String[] x = a.split("\\.", -1);
        String[] y = b.split("\\.", -1);
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            if (!x[i].equals(y[i])) {
                return false;
            }
        }
        return true;
    }

    private static final class Group {
        final List<Object> values;
        final List<Integer> indexes = new ArrayList<>();

        Group(List<Object> values) {
            this.values = values;
        }
    }

    /** Adds the binary attachments of the given items to the item, renaming clashing keys; optionally only distinct files. */
    static Item withBinaries(Item target, List<Item> sources, boolean uniqueOnly) {
        Map<String, Object> binary = new LinkedHashMap<>(target.binary());
        List<List<Object>> seen = new ArrayList<>();
        boolean any = !binary.isEmpty();
        for (Item source : sources) {
            for (var e : source.binary().entrySet()) {
                if (uniqueOnly) {
                    Map<?, ?> meta = e.getValue() instanceof Map<?, ?> m ? m : Map.of();
                    List<Object> signature = java.util.Arrays.asList(meta.get("mimeType"), meta.get("fileType"),
                            meta.get("fileSize"), meta.get("fileExtension"));
                    if (seen.contains(signature)) {
                        continue;
                    }
                    seen.add(signature);
                }
                String key = e.getKey();
                int n = 1;
                while (binary.containsKey(key)) {
                    key = e.getKey() + "_" + n++;
                }
                binary.put(key, e.getValue());
                any = true;
            }
        }
        return any ? target.withBinary(binary) : target;
    }

    static List<PairedItem> allPaired(int count) {
        List<PairedItem> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(PairedItem.of(i));
        }
        return out;
    }
}
