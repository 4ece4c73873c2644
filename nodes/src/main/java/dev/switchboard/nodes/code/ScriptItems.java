package dev.switchboard.nodes.code;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.switchboard.nodes.support.Messages;
import dev.switchboard.platform.json.JsValues;
import dev.switchboard.platform.node.Item;
import dev.switchboard.platform.node.NodeException;
import dev.switchboard.platform.node.PairedItem;

/**
 * Turns what a script returned into items, with n8n's checks and messages: an array of items (or
 * of plain objects, which become the items' json), each {@code json} an object, no unknown
 * top-level keys.
 */
final class ScriptItems {

    private static final Set<String> ITEM_KEYS = Set.of("json", "binary", "pairedItem", "error", "index");

    private ScriptItems() {
    }

    /** Items from a run-once-for-all-items result. */
    static List<Item> fromAllItems(Object result, int inputCount) {
        if (result == null) {
            throw new NodeException("Code doesn't return items properly",
                    -1, "Please return an array of objects, one for each item you would like to output.", null);
        }
        List<?> list = result instanceof List<?> l ? l : List.of(result);
        boolean anyJson = false;
        boolean allJson = true;
        for (Object o : list) {
            boolean has = o instanceof Map<?, ?> m && m.containsKey("json");
            anyJson |= has;
            allJson &= has;
        }
        if (anyJson && !allJson) {
            throw new NodeException("Inconsistent item format: some items have a 'json' key and some do not");
        }
        List<Item> items = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            items.add(toItem(list.get(i), i, allJson && !list.isEmpty(), inputCount == 1 ? 0 : -1));
        }
        return items;
    }

    /** The item of a run-once-for-each-item result, or null when the script returned nothing. */
    static Item fromEachItem(Object result, int index) {
        if (result == null) {
            return null;
        }
        if (result instanceof List<?>) {
            throw new NodeException("Code doesn't return a single object [item " + index + "]", index,
                    "An array of objects was returned. If you need to output multiple items, please use the "
                            + "'Run Once for All Items' mode instead.", null);
        }
        boolean wrapped = result instanceof Map<?, ?> m && m.containsKey("json");
        return toItem(result, index, wrapped, index);
    }

    @SuppressWarnings("unchecked")
    private static Item toItem(Object value, int index, boolean wrapped, int pairedWith) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new NodeException("Code doesn't return an object [item " + index + "]", index,
                    "An item must be an object, but the code returned " + describe(value) + ".", null);
        }
        Map<String, Object> m = (Map<String, Object>) map;
        if (!wrapped) {
            return new Item(m, null, pairedWith >= 0 ? List.of(PairedItem.of(pairedWith)) : null);
        }
        for (String key : m.keySet()) {
            if (!ITEM_KEYS.contains(key)) {
                throw new NodeException("Unknown top-level item key: " + key + " [item " + index + "]", index,
                        "Access the properties of an item under `.json`, e.g. `item.json`", null);
            }
        }
        Object json = m.get("json");
        if (!(json instanceof Map<?, ?>)) {
            throw new NodeException("A 'json' property isn't an object [item " + index + "]", index,
                    "In the returned data, every key named 'json' must point to an object.", null);
        }
        Map<String, Object> binary = m.get("binary") instanceof Map<?, ?> b ? (Map<String, Object>) b : null;
        if (m.get("binary") != null && binary == null) {
            throw new NodeException("A 'binary' property isn't an object [item " + index + "]", index);
        }
        Item item = Item.fromMap(m);
        if (item.pairedItem().isEmpty() && pairedWith >= 0) {
            item = item.withPairedItem(pairedWith);
        }
        return new Item((Map<String, Object>) json, binary, item.pairedItem());
    }

    /** What a script returned instead of an object: "nothing", "a string", "a number", "a boolean", "an array". */
    private static String describe(Object v) {
        if (v == null) {
            return "nothing";
        }
        boolean primitive = v instanceof String || v instanceof Number || v instanceof Boolean;
        return Messages.withArticle(primitive ? JsValues.typeOf(v) : "array");
    }

    static Map<String, Object> errorJson(String message) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error", message);
        return m;
    }
}
