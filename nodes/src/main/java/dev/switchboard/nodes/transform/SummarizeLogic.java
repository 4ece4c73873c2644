package dev.switchboard.nodes.transform;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.switchboard.platform.json.JsValues;
import dev.switchboard.platform.json.Json;
import dev.switchboard.platform.node.Item;
import dev.switchboard.platform.node.NodeException;
import dev.switchboard.platform.node.PairedItem;

/**
 * Pivot-table style summaries (count, sum, append, ...) of fields across items, optionally split by
 * the values of other fields, in the two forms n8n has: the Summarize node (groups keep their
 * values' types from v1.1, v1 turns them into text) and Item Lists' "Summarize" operation (groups
 * are object keys, so always text, ordered as JavaScript orders object keys).
 */
final class SummarizeLogic {

    /** Which implementation to follow. */
    enum Style {
        /** The Summarize node v1: split values become text. */
        SUMMARIZE_TEXT_KEYS,
        /** The Summarize node v1.1: split values keep their types. */
        SUMMARIZE_TYPED_KEYS,
        /** Item Lists: groups are JavaScript object keys; empty values never count. */
        ITEM_LISTS
    }

    /** One aggregation: what to compute over which field. */
    record Aggregation(String aggregation, String field, boolean includeEmpty, String separateBy, String customSeparator) {
    }

    /**
     * @param splitBy         the fields to split by, outermost first
     * @param singleItem      all splits in one nested item rather than one item per split
     * @param skipEmptySplits ignore items whose split field is empty
     */
    record Settings(List<Aggregation> aggregations, List<String> splitBy, boolean dotNotation, boolean singleItem,
            boolean skipEmptySplits) {
    }

    private static final Map<String, String> PREFIXES = Map.of("append", "appended_", "average", "average_",
            "concatenate", "concatenated_", "count", "count_", "countUnique", "unique_count_", "max", "max_", "min",
            "min_", "sum", "sum_");

    private record Row(Map<String, Object> json, int index) {
    }

    private sealed interface Result permits Leaf, Split {
    }

    private record Leaf(Map<String, Object> data, List<Integer> indexes) implements Result {
    }

    /** Groups by one field: the original value of each group and what it contains. */
    private record Split(String field, List<Object> values, List<Result> results) implements Result {
    }

    private final Style style;
    private final Settings settings;

    SummarizeLogic(Style style, Settings settings) {
        this.style = style;
        this.settings = settings;
    }

    static List<Aggregation> aggregations(Object collection) {
        List<Aggregation> out = new ArrayList<>();
        for (Map<String, Object> e : ListParams.entries(collection, "values")) {
            out.add(new Aggregation(ListParams.text(e, "aggregation", "count"), ListParams.text(e, "field", ""),
                    ListParams.flag(e, "includeEmpty", false), ListParams.text(e, "separateBy", ","),
                    e.containsKey("customSeparator") ? ListParams.text(e, "customSeparator", "") : null));
        }
        return out;
    }

    static List<String> splitFields(String text) {
        List<String> out = new ArrayList<>();
        for (String part : text.split(",")) {
            String t = part.trim();
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    /** Fails unless at least one aggregation names a field. */
    static void requireAField(List<Aggregation> aggregations) {
        for (Aggregation a : aggregations) {
            if (!a.field().isEmpty()) {
                return;
            }
        }
        throw new NodeException("Parameter \"fieldsToSummarize\": add at least one aggregation with a non-empty field");
    }

    /** The first field to summarize that no item has, or null. */
    String missingField(List<Item> items) {
        for (Aggregation a : settings.aggregations()) {
            if (a.field().isEmpty()) {
                continue;
            }
            boolean exists = false;
            for (Item item : items) {
                if (value(item.json(), a.field()) != JsValues.UNDEFINED) {
                    exists = true;
                    break;
                }
            }
            if (!exists) {
                return a.field();
            }
        }
        return null;
    }

    /** The summary items. */
    List<Item> summarize(List<Item> items) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            rows.add(new Row(items.get(i).json(), i));
        }
        Result result = split(settings.splitBy(), rows);
        if (settings.singleItem()) {
            return List.of(new Item(toObject(result), null, AggregateLogic.allPaired(items.size())));
        }
        List<Item> out = new ArrayList<>();
        for (Leaf leaf : flatten(result, settings.splitBy())) {
            List<PairedItem> lineage = new ArrayList<>();
            for (int i : leaf.indexes()) {
                lineage.add(PairedItem.of(i));
            }
            out.add(new Item(leaf.data(), null, lineage));
        }
        return out;
    }

    private Object value(Map<String, Object> json, String field) {
        return FieldPaths.value(json, field, settings.dotNotation());
    }

    private Result split(List<String> keys, List<Row> rows) {
        if (keys.isEmpty()) {
            return aggregate(rows);
        }
        String field = keys.get(0);
        List<String> rest = keys.subList(1, keys.size());
        Map<Object, Object> originals = new LinkedHashMap<>();
        Map<Object, List<Row>> groups = new LinkedHashMap<>();
        for (Row row : rows) {
            Object v = value(row.json(), field);
            if (style == Style.ITEM_LISTS) {
                if (JsSemantics.isObjectType(v)) {
                    v = JsValues.stringify(v);
                }
            } else if (JsSemantics.isContainer(v)) {
                v = JsValues.stringify(v);
            }
            if (style == Style.SUMMARIZE_TEXT_KEYS) {
                v = JsValues.string(v);
            }
            if (settings.skipEmptySplits() && !(v instanceof Number) && !JsValues.truthy(v)) {
                continue;
            }
            Object key = style == Style.ITEM_LISTS ? JsValues.string(v) : groupKey(v);
            originals.putIfAbsent(key, style == Style.ITEM_LISTS ? key : v);
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
        }
        List<Object> order = new ArrayList<>(groups.keySet());
        if (style == Style.ITEM_LISTS) {
            Map<String, Object> asObject = new LinkedHashMap<>();
            for (Object k : order) {
                asObject.put((String) k, k);
            }
            order = new ArrayList<>(JsSemantics.inJsKeyOrder(asObject).keySet());
        }
        List<Object> values = new ArrayList<>();
        List<Result> results = new ArrayList<>();
        for (Object k : order) {
            values.add(originals.get(k));
            results.add(split(rest, groups.get(k)));
        }
        return new Split(field, values, results);
    }

    /** A key under which JavaScript's Map would file the value (numbers by value, undefined apart from null). */
    private static Object groupKey(Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        return v;
    }

    private Leaf aggregate(List<Row> rows) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (Aggregation a : settings.aggregations()) {
            String key = PREFIXES.getOrDefault(a.aggregation(), "count_") + a.field();
            Object result = compute(rows, a);
            if (style == Style.ITEM_LISTS) {
                data.put(key, result);
            } else {
                data.put(normalizeName(key), result);
            }
        }
        if (style == Style.ITEM_LISTS) {
            renameKeys(data, "[\\]\\[\"]", "");
            renameKeys(data, "[ .]", "_");
        }
        List<Integer> indexes = new ArrayList<>();
        for (Row r : rows) {
            indexes.add(r.index());
        }
        return new Leaf(data, indexes);
    }

    /** Renames keys as n8n's Item Lists does: the renamed key moves to the end. */
    private static void renameKeys(Map<String, Object> data, String pattern, String replacement) {
        for (String key : new ArrayList<>(data.keySet())) {
            String renamed = key.replaceAll(pattern, replacement);
            if (!renamed.equals(key)) {
                Object v = data.remove(key);
                data.put(renamed, v);
            }
        }
    }

    static String normalizeName(String name) {
        return name.replaceAll("[\\]\\[\"]", "").replaceAll("[ .]", "_");
    }

    private Object compute(List<Row> rows, Aggregation a) {
        String field = a.field();
        List<Object> values = new ArrayList<>();
        for (Row r : rows) {
            values.add(value(r.json(), field));
        }
        boolean numeric = "average".equals(a.aggregation()) || "sum".equals(a.aggregation());
        if (numeric) {
            values.removeIf(v -> !(v instanceof Number));
        }
        boolean countEmpty = a.includeEmpty() && style != Style.ITEM_LISTS;
        switch (a.aggregation()) {
            case "append": {
                List<Object> out = new ArrayList<>();
                for (Object v : values) {
                    if (a.includeEmpty() || !JsSemantics.isEmptyValue(v)) {
                        out.add(Json.copy(JsSemantics.jsonValue(v)));
                    }
                }
                return out;
            }
            case "concatenate": {
                String separator = "other".equals(a.separateBy())
                        ? (a.customSeparator() == null ? "" : a.customSeparator()) : a.separateBy();
                StringBuilder out = new StringBuilder();
                boolean first = true;
                for (Object v : values) {
                    if (!a.includeEmpty() && JsSemantics.isEmptyValue(v)) {
                        continue;
                    }
                    if (!first) {
                        out.append(separator);
                    }
                    first = false;
                    out.append(JsSemantics.isObjectType(v) ? JsValues.stringify(v) : JsValues.string(v));
                }
                return out.toString();
            }
            case "average": {
                if (values.isEmpty()) {
                    return null;
                }
                double sum = 0;
                for (Object v : values) {
                    sum += ((Number) v).doubleValue();
                }
                return number(sum / values.size());
            }
            case "sum": {
                double sum = 0;
                for (Object v : values) {
                    sum += ((Number) v).doubleValue();
                }
                return number(sum);
            }
            case "min", "max": {
                boolean min = "min".equals(a.aggregation());
                Object best = JsValues.UNDEFINED;
                for (Object v : values) {
                    if (JsSemantics.isEmptyValue(v)) {
                        continue;
                    }
                    if (best == JsValues.UNDEFINED
                            || (min ? JsValues.lessThan(v, best) : JsValues.greaterThan(v, best))) {
                        best = v;
                    }
                }
                return best == JsValues.UNDEFINED ? null : Json.copy(best);
            }
            case "countUnique": {
                Set<Object> distinct = new LinkedHashSet<>();
                Map<Object, Boolean> containers = new IdentityHashMap<>();
                for (Object v : values) {
                    if (!countEmpty && JsSemantics.isEmptyValue(v)) {
                        continue;
                    }
                    if (JsSemantics.isContainer(v)) {
                        containers.put(v, true);
                    } else {
                        distinct.add(groupKey(v));
                    }
                }
                return (long) (distinct.size() + containers.size());
            }
            default: {
                long count = 0;
                for (Object v : values) {
                    if (countEmpty || !JsSemantics.isEmptyValue(v)) {
                        count++;
                    }
                }
                return count;
            }
        }
    }

    private static Object number(double d) {
        return Double.isNaN(d) || Double.isInfinite(d) ? null : Json.number(d);
    }

    /** The nested object of the single-item output: split values as keys (text), summaries at the leaves. */
    private Map<String, Object> toObject(Result result) {
        if (result instanceof Leaf leaf) {
            return leaf.data();
        }
        Split split = (Split) result;
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < split.values().size(); i++) {
            String key = JsValues.string(split.values().get(i));
            out.put(key, toObject(split.results().get(i)));
        }
        return JsSemantics.inJsKeyOrder(out);
    }

    /** One leaf per split combination, each carrying its split values. */
    private List<Leaf> flatten(Result result, List<String> splitBy) {
        if (result instanceof Leaf leaf) {
            return List.of(leaf);
        }
        Split split = (Split) result;
        String name = normalizeName(split.field());
        List<Leaf> out = new ArrayList<>();
        for (int i = 0; i < split.values().size(); i++) {
            Object value = split.values().get(i);
            for (Leaf inner : flatten(split.results().get(i), splitBy)) {
                if (style == Style.ITEM_LISTS) {
                    Map<String, Object> data = new LinkedHashMap<>();
                    data.put(name, value);
                    data.putAll(inner.data());
                    out.add(new Leaf(data, inner.indexes()));
                } else {
                    Map<String, Object> data = new LinkedHashMap<>();
                    data.put(name, JsSemantics.jsonValue(value));
                    data.putAll(inner.data());
                    if (value == JsValues.UNDEFINED) {
                        data.remove(name);
                    } else {
                        data.put(name, Json.copy(value));
                    }
                    out.add(new Leaf(data, inner.indexes()));
                }
            }
        }
        return out;
    }
}
