package dev.switchboard.nodes.flow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.switchboard.platform.json.JsValues;
import dev.switchboard.platform.json.Json;
import dev.switchboard.platform.node.Item;
import dev.switchboard.platform.node.NodeContext;
import dev.switchboard.platform.node.NodeException;
import dev.switchboard.platform.node.PairedItem;

/**
 * Merge version 1: append, merge by index (inner, left, outer), merge by key, keep or remove key
 * matches, multiplex, pass-through and wait.
 */
final class MergeV1 {

    private MergeV1() {
    }

    static List<Item> run(NodeContext context) {
        List<Entry> input1 = Entry.of(context.input(0), 0);
        List<Entry> input2 = Entry.of(context.input(1), 1);
        String mode = context.string("mode", 0, "append");
        List<Entry> out = switch (mode) {
            case "append" -> concat(input1, input2);
            case "mergeByIndex" -> byIndex(input1, input2, context.string("join", 0, "left"));
            case "multiplex" -> multiplex(input1, input2);
            case "keepKeyMatches", "mergeByKey", "removeKeyMatches" -> byKey(context, mode, input1, input2);
            case "passThrough" -> "input1".equals(context.string("output", 0, "input1")) ? input1 : input2;
            case "wait" -> List.of(new Entry(new LinkedHashMap<>(), null, Entry.originsOf(input1)));
            default -> throw new NodeException("Parameter \"mode\": unknown mode \"" + mode + "\"");
        };
        return Entry.items(out);
    }

    private static List<Entry> concat(List<Entry> a, List<Entry> b) {
        List<Entry> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static List<Entry> byIndex(List<Entry> input1, List<Entry> input2, String join) {
        if (input1.isEmpty()) {
            return join.equals("outer") ? input2 : List.of();
        }
        if (input2.isEmpty()) {
            return join.equals("inner") ? List.of() : input1;
        }
        int count = switch (join) {
            case "inner" -> Math.min(input1.size(), input2.size());
            case "outer" -> Math.max(input1.size(), input2.size());
            default -> input1.size();
        };
        List<Entry> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (i >= input1.size()) {
                out.add(input2.get(i));
            } else if (i >= input2.size()) {
                out.add(input1.get(i));
            } else {
                out.add(shallow(input1.get(i), input2.get(i)));
            }
        }
        return out;
    }

    /** Input 1's fields, then input 2's on top (top level only); binaries likewise. */
    private static Entry shallow(Entry a, Entry b) {
        Map<String, Object> json = new LinkedHashMap<>(a.json());
        json.putAll(b.json());
        Map<String, Object> binary = new LinkedHashMap<>(a.binary());
        binary.putAll(b.binary());
        List<PairedItem> origin = new ArrayList<>(a.origin());
        origin.addAll(b.origin());
        return new Entry(json, binary, origin);
    }

    private static List<Entry> multiplex(List<Entry> input1, List<Entry> input2) {
        List<Entry> out = new ArrayList<>();
        for (Entry a : input1) {
            for (Entry b : input2) {
                Entry merged = shallow(a, b);
                out.add(new Entry(merged.json(), null, merged.origin()));
            }
        }
        return out;
    }

    private static List<Entry> byKey(NodeContext context, String mode, List<Entry> input1, List<Entry> input2) {
        String property1 = context.string("propertyName1", 0, "");
        String property2 = context.string("propertyName2", 0, "");
        String overwrite = context.string("overwrite", 0, "always");
        if (input2.isEmpty() || property1.isEmpty() || property2.isEmpty()) {
            return mode.equals("keepKeyMatches") ? List.of() : input1;
        }
        Map<String, Entry> byKey = new HashMap<>();
        for (Entry e : input2) {
            Object key = FieldValues.field(e.json(), property2, true);
            if (JsValues.truthy(key)) {
                byKey.put(keyText(key), e);
            }
        }
        List<Entry> out = new ArrayList<>();
        for (Entry entry : input1) {
            Object reference = FieldValues.field(entry.json(), property1, true);
            boolean comparable = reference == null || reference instanceof String || reference instanceof Number;
            Entry match = comparable ? byKey.get(keyText(reference)) : null;
            switch (mode) {
                case "removeKeyMatches" -> {
                    if (match == null) {
                        out.add(entry);
                    }
                }
                case "keepKeyMatches" -> {
                    if (match != null) {
                        out.add(entry);
                    }
                }
                default -> {
                    if (!comparable) {
                        continue;
                    }
                    out.add(match == null ? entry : enrich(entry, match, property2, overwrite));
                }
            }
        }
        return out;
    }

    private static String keyText(Object key) {
        return JsValues.string(key);
    }

    private static Entry enrich(Entry entry, Entry match, String property2, String overwrite) {
        Map<String, Object> json = Json.copy(entry.json());
        for (var e : match.json().entrySet()) {
            String key = e.getKey();
            if (key.equals(property2)) {
                continue;
            }
            Object current = json.get(key);
            boolean write = switch (overwrite) {
                case "blank" -> current == null || "".equals(current);
                case "undefined" -> !json.containsKey(key);
                default -> true;
            };
            if (write) {
                json.put(key, Json.copy(e.getValue()));
            }
        }
        List<PairedItem> origin = new ArrayList<>(entry.origin());
        origin.addAll(match.origin());
        return new Entry(json, entry.binary(), origin);
    }
}
