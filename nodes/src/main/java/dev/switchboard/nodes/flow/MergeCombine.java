package dev.switchboard.nodes.flow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.switchboard.platform.json.JsValues;
import dev.switchboard.platform.node.NodeException;
import dev.switchboard.platform.node.PairedItem;

/**
 * Merge's "combine" family shared by versions 2 and 3: matching items by fields (with the join
 * modes keep matches, keep non-matches, keep everything, enrich input 1 or 2), by position, and all
 * combinations, with n8n's clash handling.
 */
final class MergeCombine {

    /** A pair of fields that must be equal for two items to match. */
    record FieldPair(String field1, String field2) {
    }

    private record Match(Entry entry, List<Entry> matches) {
    }

    private record Matches(List<Match> matched, List<Entry> matched2, List<Entry> unmatched1, List<Entry> unmatched2) {
    }

    /** What field matching needs to know. */
    record FieldOptions(String joinMode, String outputDataFrom, boolean fuzzy, boolean dotNotation,
            String multipleMatches, Map<String, Object> clash) {
    }

    private MergeCombine() {
    }

    /** The pairs to match on, checked: each needs both fields. */
    static List<FieldPair> fieldPairs(Object values, String parameter) {
        List<FieldPair> pairs = new ArrayList<>();
        if (values instanceof List<?> list) {
            for (Object v : list) {
                if (v instanceof Map<?, ?> m) {
                    pairs.add(new FieldPair(text(m.get("field1")), text(m.get("field2"))));
                }
            }
        }
        if (pairs.isEmpty() || pairs.size() == 1 && pairs.get(0).field1().isEmpty() && pairs.get(0).field2().isEmpty()) {
            throw new NodeException("Parameter \"" + parameter + "\": define at least one pair of fields to match on");
        }
        for (int i = 0; i < pairs.size(); i++) {
            FieldPair p = pairs.get(i);
            if (p.field1().isEmpty() || p.field2().isEmpty()) {
                throw new NodeException("Parameter \"" + parameter + "\": pair " + (i + 1)
                        + " needs both fields (field 1 = '" + p.field1() + "', field 2 = '" + p.field2() + "')");
            }
        }
        return pairs;
    }

    /** Fields given as one comma-separated text, matched under the same name on both inputs. */
    static List<FieldPair> fieldPairs(String commaSeparated, String parameter) {
        List<Map<String, Object>> values = new ArrayList<>();
        for (String f : (commaSeparated == null ? "" : commaSeparated).split(",", -1)) {
            values.add(Map.of("field1", f.trim(), "field2", f.trim()));
        }
        return fieldPairs(values, parameter);
    }

    private static String text(Object v) {
        return v == null ? "" : v instanceof String s ? s : JsValues.string(v);
    }

    /** Before version 2.1 a field that no item of an input has is an error. */
    static void requirePresent(List<Entry> input, List<String> fields, boolean dotNotation, String label,
            String parameter) {
        for (String field : fields) {
            boolean present = false;
            for (Entry e : input) {
                if (!JsValues.isUndefined(FieldValues.field(e.json(), field, dotNotation))) {
                    present = true;
                    break;
                }
            }
            if (!present) {
                throw new NodeException("Parameter \"" + parameter + "\": field \"" + field
                        + "\" is not present in any item of " + label);
            }
        }
    }

    /** Matching by fields: the whole of Merge's "combine by matching fields". */
    static List<Entry> byFields(List<Entry> input1, List<Entry> input2, List<FieldPair> fields, FieldOptions o) {
        String join = o.joinMode();
        String from = o.outputDataFrom();
        if (input1.isEmpty() || input2.isEmpty()) {
            if (input1.isEmpty() && join.equals("keepNonMatches") && from.equals("input1")
                    || input2.isEmpty() && join.equals("keepNonMatches") && from.equals("input2")
                    || join.equals("keepMatches")
                    || join.equals("enrichInput1") && input1.isEmpty()
                    || join.equals("enrichInput2") && input2.isEmpty()) {
                return List.of();
            }
            List<Entry> out = new ArrayList<>(input1);
            out.addAll(input2);
            return out;
        }
        Matches m = findMatches(input1, input2, fields, o);
        boolean suffix = "addSuffix".equals(o.clash().get("resolveClash"));
        List<Entry> out = new ArrayList<>();
        switch (join) {
            case "keepMatches", "keepEverything" -> {
                switch (from) {
                    case "input1" -> m.matched().forEach(x -> out.add(x.entry()));
                    case "input2" -> out.addAll(m.matched2());
                    default -> out.addAll(mergeMatched(m.matched(), o.clash(), join));
                }
                if (join.equals("keepEverything")) {
                    out.addAll(suffix ? Entry.suffixed(m.unmatched1(), "1") : m.unmatched1());
                    out.addAll(suffix ? Entry.suffixed(m.unmatched2(), "2") : m.unmatched2());
                }
            }
            case "keepNonMatches" -> {
                switch (from) {
                    case "input1" -> out.addAll(m.unmatched1());
                    case "input2" -> out.addAll(m.unmatched2());
                    default -> {
                        out.addAll(withSource(m.unmatched1(), "input1"));
                        out.addAll(withSource(m.unmatched2(), "input2"));
                    }
                }
            }
            case "enrichInput1" -> {
                out.addAll(mergeMatched(m.matched(), o.clash(), join));
                out.addAll(suffix ? Entry.suffixed(m.unmatched1(), "1") : m.unmatched1());
            }
            case "enrichInput2" -> {
                out.addAll(mergeMatched(m.matched(), o.clash(), join));
                out.addAll(suffix ? Entry.suffixed(m.unmatched2(), "2") : m.unmatched2());
            }
            default -> throw new NodeException("Parameter \"joinMode\": unknown output type \"" + join + "\"");
        }
        return out;
    }

    private static List<Entry> withSource(List<Entry> entries, String source) {
        List<Entry> out = new ArrayList<>();
        for (Entry e : entries) {
            Map<String, Object> json = new LinkedHashMap<>(e.json());
            json.put("_source", source);
            out.add(e.withJson(json));
        }
        return out;
    }

    private static Matches findMatches(List<Entry> data1, List<Entry> data2, List<FieldPair> fields, FieldOptions o) {
        FieldValues.Equality equal = FieldValues.comparison(o.fuzzy(), 1);
        boolean all = !"first".equals(o.multipleMatches());
        boolean splitMatches = o.outputDataFrom().equals("both") || o.joinMode().startsWith("enrichInput");
        List<Match> matched = new ArrayList<>();
        List<Entry> unmatched1 = new ArrayList<>();
        Set<Integer> matchedIn2 = new LinkedHashSet<>();
        entries:
        for (Entry entry1 : data1) {
            Map<String, Object> lookup = new LinkedHashMap<>();
            for (FieldPair p : fields) {
                lookup.put(p.field2(), FieldValues.field(entry1.json(), p.field1(), o.dotNotation()));
            }
            for (Object v : lookup.values()) {
                if (JsValues.isUndefined(v)) {
                    unmatched1.add(entry1);
                    continue entries;
                }
            }
            List<Entry> found = new ArrayList<>();
            for (int i = 0; i < data2.size(); i++) {
                if (matchesLookup(data2.get(i), lookup, o.dotNotation(), equal)) {
                    found.add(data2.get(i));
                    matchedIn2.add(i);
                    if (!all) {
                        break;
                    }
                }
            }
            if (found.isEmpty()) {
                unmatched1.add(entry1);
            } else if (splitMatches) {
                found.forEach(f -> matched.add(new Match(entry1, List.of(f))));
            } else {
                matched.add(new Match(entry1, found));
            }
        }
        List<Entry> matched2 = new ArrayList<>();
        List<Entry> unmatched2 = new ArrayList<>();
        for (int i = 0; i < data2.size(); i++) {
            (matchedIn2.contains(i) ? matched2 : unmatched2).add(data2.get(i));
        }
        return new Matches(matched, matched2, unmatched1, unmatched2);
    }

    static boolean matchesLookup(Entry entry, Map<String, Object> lookup, boolean dotNotation,
            FieldValues.Equality equal) {
        for (var e : lookup.entrySet()) {
            if (!equal.test(e.getValue(), FieldValues.field(entry.json(), e.getKey(), dotNotation))) {
                return false;
            }
        }
        return true;
    }

    /** Each match merged into one item, resolving clashes as the options say. */
    private static List<Entry> mergeMatched(List<Match> matched, Map<String, Object> clash, String joinMode) {
        Object resolve = clash.get("resolveClash");
        if (resolve == null || "".equals(resolve)) {
            resolve = joinMode.equals("enrichInput2") ? "preferInput1" : "preferLast";
        }
        ObjectMerge.Mode mode = ObjectMerge.Mode.of(clash);
        List<Entry> out = new ArrayList<>();
        for (Match match : matched) {
            Entry entry = match.entry();
            List<Entry> matches = match.matches();
            List<Entry> ordered = new ArrayList<>();
            if ("addSuffix".equals(resolve)) {
                ordered.add(entry.suffixed("1"));
                ordered.addAll(Entry.suffixed(matches, "2"));
            } else if ("preferInput1".equals(resolve)) {
                ordered.addAll(matches);
                ordered.add(entry);
            } else {
                ordered.add(entry);
                ordered.addAll(matches);
            }
            out.add(combine(ordered, mode, dedupe(Entry.originsOf(ordered))));
        }
        return out;
    }

    /** One entry from several: their json and binary merged in order (later wins). */
    static Entry combine(List<Entry> ordered, ObjectMerge.Mode mode, List<PairedItem> origin) {
        List<Map<String, Object>> jsons = new ArrayList<>();
        List<Map<String, Object>> binaries = new ArrayList<>();
        for (Entry e : ordered) {
            jsons.add(e.json());
            binaries.add(e.binary());
        }
        return new Entry(ObjectMerge.merge(mode, jsons), ObjectMerge.merge(mode, binaries), origin);
    }

    static List<PairedItem> dedupe(List<PairedItem> origin) {
        return List.copyOf(new LinkedHashSet<>(origin));
    }

    /**
     * Version 2's two inputs in the order their fields are merged, the later winning a clash: input 2
     * last by default, input 1 last for "preferInput1", and for "addSuffix" every field suffixed with
     * its input number instead.
     */
    static List<List<Entry>> inClashOrder(List<Entry> input1, List<Entry> input2, Map<String, Object> clash) {
        Object resolve = clash.get("resolveClash");
        if ("preferInput1".equals(resolve)) {
            return List.of(input2, input1);
        }
        if ("addSuffix".equals(resolve)) {
            return List.of(Entry.suffixed(input1, "1"), Entry.suffixed(input2, "2"));
        }
        return List.of(input1, input2);
    }

    /** Every item of input 1 with every item of input 2 (a cross join). */
    static List<Entry> allCombinations(List<Entry> input1, List<Entry> input2, Map<String, Object> clash) {
        List<List<Entry>> ordered = inClashOrder(input1, input2, clash);
        List<Entry> first = ordered.get(0);
        List<Entry> second = ordered.get(1);
        ObjectMerge.Mode mode = ObjectMerge.Mode.of(clash);
        List<Entry> out = new ArrayList<>();
        for (Entry a : first) {
            for (Entry b : second) {
                out.add(combine(List.of(a, b), mode, dedupe(Entry.originsOf(List.of(a, b)))));
            }
        }
        return out;
    }
}
