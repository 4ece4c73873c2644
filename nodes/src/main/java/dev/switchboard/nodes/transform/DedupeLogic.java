package dev.switchboard.nodes.transform;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.switchboard.platform.json.JsValues;
import dev.switchboard.platform.node.Item;
import dev.switchboard.platform.node.NodeException;

/**
 * Removing items whose compared fields equal an earlier item's, as n8n does it: the items are sorted
 * by the compared fields, neighbours that are equal are dropped, and the survivors keep their
 * original order (so the first of each set of duplicates stays).
 */
final class DedupeLogic {

    /** The checks and ordering of the n8n version being followed. */
    enum Flavor {
        /** Item Lists v1 to v3 and Remove Duplicates v1: a field must have one type across items. */
        STRICT_TYPES,
        /** Remove Duplicates v1.1 and v2: as STRICT_TYPES, but null values are ignored by the checks. */
        NULLS_IGNORED,
        /** Item Lists v3.1: no type check; values of different types sort apart, so "1" and 1 differ. */
        TYPES_SORTED
    }

    /**
     * @param compare          allFields, allFieldsExcept or selectedFields
     * @param fieldsToExclude  for allFieldsExcept
     * @param fieldsToCompare  for selectedFields
     * @param removeOtherFields keep only the compared fields in the output
     */
    record Settings(String compare, List<String> fieldsToExclude, List<String> fieldsToCompare, boolean dotNotation,
            boolean removeOtherFields) {
    }

    private record Indexed(Map<String, Object> json, int index) {
    }

    private DedupeLogic() {
    }

    static List<Item> removeDuplicates(List<Item> items, Settings s, Flavor flavor) {
        if (items.isEmpty()) {
            return List.of();
        }
        List<String> keys = keys(items, s);
        List<Indexed> sorted = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            sorted.add(new Indexed(items.get(i).json(), i));
        }
        JsArraySort.sort(sorted, (a, b) -> {
            for (String key : keys) {
                Object x = value(a.json(), key, s);
                Object y = value(b.json(), key, s);
                if (flavor == Flavor.TYPES_SORTED) {
                    int tx = typeRank(x);
                    int ty = typeRank(y);
                    if (tx != ty) {
                        return tx - ty;
                    }
                }
                if (!JsValues.deepEqual(x, y)) {
                    return JsSemantics.lodashLessThan(x, y) ? -1 : 1;
                }
            }
            return 0;
        });
        validate(sorted, keys, s, flavor);
        Set<Integer> removed = new HashSet<>();
        Indexed kept = sorted.get(0);
        for (int i = 1; i < sorted.size(); i++) {
            Indexed candidate = sorted.get(i);
            if (sameValues(candidate, kept, keys, s)) {
                removed.add(candidate.index());
            } else {
                kept = candidate;
            }
        }
        List<Item> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (removed.contains(i)) {
                continue;
            }
            Item item = items.get(i).withPairedItem(i);
            if (s.removeOtherFields()) {
                item = new Item(FieldPaths.pick(item.json(), keys), null, item.pairedItem());
            }
            out.add(item);
        }
        return out;
    }

    /** The fields compared: every field (leaf paths with dot notation) of any item, less or only the chosen ones. */
    private static List<String> keys(List<Item> items, Settings s) {
        List<String> keys = new ArrayList<>();
        for (Item item : items) {
            for (String k : fieldsOf(item.json(), s.dotNotation())) {
                if (!keys.contains(k)) {
                    keys.add(k);
                }
            }
        }
        if ("allFieldsExcept".equals(s.compare())) {
            if (s.fieldsToExclude().isEmpty()) {
                throw new NodeException("Parameter \"fieldsToExclude\": no fields specified; add a field to exclude"
                        + " from the comparison");
            }
            if (s.dotNotation()) {
                keys = fieldsOf(items.get(0).json(), true);
            }
            keys.removeIf(k -> s.fieldsToExclude().contains(k));
        } else if ("selectedFields".equals(s.compare())) {
            if (s.fieldsToCompare().isEmpty()) {
                throw new NodeException("Parameter \"fieldsToCompare\": no fields specified; add a field to compare on");
            }
            keys = new ArrayList<>();
            for (String f : s.fieldsToCompare()) {
                keys.add(f.trim());
            }
        }
        return keys;
    }

    private static List<String> fieldsOf(Map<String, Object> json, boolean dotNotation) {
        return dotNotation ? FieldPaths.flattenKeys(json) : new ArrayList<>(json.keySet());
    }

    private static Object value(Map<String, Object> json, String key, Settings s) {
        return FieldPaths.value(json, key, s.dotNotation());
    }

    private static void validate(List<Indexed> sorted, List<String> keys, Settings s, Flavor flavor) {
        for (String key : keys) {
            String type = null;
            int previous = -1;
            for (Indexed item : sorted) {
                if (key.isEmpty()) {
                    throw new NodeException("Parameter \"fieldsToCompare\": the name of a field to compare is blank");
                }
                Object v = value(item.json(), key, s);
                if (v == null && flavor == Flavor.NULLS_IGNORED) {
                    continue;
                }
                if (v == JsValues.UNDEFINED) {
                    String hint = !s.dotNotation() && key.contains(".")
                            ? " (to reach a nested field, turn off the \"Disable Dot Notation\" option)" : "";
                    throw new NodeException("Parameter \"compare\": the field '" + key
                            + "' is missing from some input items" + hint + " [item " + item.index() + "]", item.index());
                }
                String t = JsValues.typeOf(v);
                if (flavor != Flavor.TYPES_SORTED && type != null && !type.equals(t)) {
                    throw new NodeException("Parameter \"compare\": the field '" + key + "' isn't always the same type:"
                            + " it is " + withArticle(type) + " in item " + previous + " and " + withArticle(t)
                            + " in item " + item.index(), item.index());
                }
                type = t;
                previous = item.index();
            }
        }
    }

    private static String withArticle(String type) {
        return (type.startsWith("o") ? "an " : "a ") + type;
    }

    private static boolean sameValues(Indexed a, Indexed b, List<String> keys, Settings s) {
        for (String key : keys) {
            if (!JsValues.deepEqual(value(a.json(), key, s), value(b.json(), key, s))) {
                return false;
            }
        }
        return true;
    }

    /** Item Lists v3.1's rank of a value's type: strings, numbers, booleans, undefined, objects, arrays, null. */
    private static int typeRank(Object v) {
        if (v instanceof List) {
            return 9;
        }
        if (v == null) {
            return 10;
        }
        return switch (JsValues.typeOf(v)) {
            case "string" -> 1;
            case "number" -> 2;
            case "boolean" -> 4;
            case "undefined" -> 6;
            default -> 7;
        };
    }
}
