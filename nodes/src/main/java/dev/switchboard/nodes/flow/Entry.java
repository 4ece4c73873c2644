package dev.switchboard.nodes.flow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.switchboard.platform.node.Item;
import dev.switchboard.platform.node.PairedItem;

/**
 * An item inside the multi-input nodes (Merge, Compare Datasets), carrying the input items it came
 * from so that every output item names its lineage.
 */
record Entry(Map<String, Object> json, Map<String, Object> binary, List<PairedItem> origin) {

    Entry {
        json = json == null ? new LinkedHashMap<>() : json;
        binary = binary == null ? Map.of() : binary;
        origin = List.copyOf(origin);
    }

    /** The items of one input, each remembering its index on that input. */
    static List<Entry> of(List<Item> items, int input) {
        List<Entry> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            out.add(new Entry(item.json(), item.binary(), List.of(new PairedItem(i, input))));
        }
        return out;
    }

    Entry withJson(Map<String, Object> newJson) {
        return new Entry(newJson, binary, origin);
    }

    /** The entry with its keys renamed {@code key_suffix}. */
    Entry suffixed(String suffix) {
        Map<String, Object> out = new LinkedHashMap<>();
        json.forEach((k, v) -> out.put(k + "_" + suffix, v));
        return withJson(out);
    }

    Item toItem() {
        return new Item(json, binary.isEmpty() ? null : binary, origin);
    }

    static List<Item> items(List<Entry> entries) {
        List<Item> out = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            out.add(e.toItem());
        }
        return out;
    }

    static List<Entry> suffixed(List<Entry> entries, String suffix) {
        List<Entry> out = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            out.add(e.suffixed(suffix));
        }
        return out;
    }

    /** Lineage that lists every origin of the given entries, in order. */
    static List<PairedItem> originsOf(List<Entry> entries) {
        List<PairedItem> out = new ArrayList<>();
        for (Entry e : entries) {
            out.addAll(e.origin());
        }
        return out;
    }
}
