package dev.switchboard.nodes.flow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.switchboard.platform.json.JsValues;
import dev.switchboard.platform.json.Json;
import dev.switchboard.platform.json.JsonPath;
import dev.switchboard.platform.node.NodeException;
import dev.switchboard.platform.node.PairedItem;

/** Compare Datasets' matching and the shape of its "different" items, per version. */
final class DatasetComparison {

    /** What the comparison needs from the node's parameters. */
    record Settings(double version, boolean fuzzy, boolean dotNotation, String multipleMatches,
            List<String> skipFields, String resolve, String preferWhenMix, String exceptWhenMix) {
    }

    private DatasetComparison() {
    }

    /** The four outputs: in A only, same, different, in B only. */
    static List<List<Entry>> compare(List<Entry> inputA, List<Entry> inputB, List<MergeCombine.FieldPair> fields,
            Settings s) {
        FieldValues.Equality equal = FieldValues.comparison(s.fuzzy(), s.version());
        boolean all = "all".equals(s.multipleMatches());
        List<Entry> onlyA = new ArrayList<>();
        List<Entry> same = new ArrayList<>();
        List<Entry> different = new ArrayList<>();
        Set<Integer> matchedB = new LinkedHashSet<>();
        entries:
        for (Entry entry : inputA) {
            Map<String, Object> lookup = new LinkedHashMap<>();
            for (MergeCombine.FieldPair p : fields) {
                lookup.put(p.field2(), FieldValues.field(entry.json(), p.field1(), s.dotNotation()));
            }
            for (Object v : lookup.values()) {
                if (JsValues.isUndefined(v)) {
                    onlyA.add(entry);
                    continue entries;
                }
            }
            List<Entry> matches = new ArrayList<>();
            for (int i = 0; i < inputB.size(); i++) {
                if (MergeCombine.matchesLookup(inputB.get(i), lookup, s.dotNotation(), equal)) {
                    matches.add(inputB.get(i));
                    matchedB.add(i);
                    if (!all) {
                        break;
                    }
                }
            }
            if (matches.isEmpty()) {
                onlyA.add(entry);
                continue;
            }
            Entry sameEntry = null;
            for (Entry match : matches) {
                if (itemsEqual(entry.json(), match.json(), s, equal)) {
                    if (sameEntry == null) {
                        sameEntry = s.fuzzy() && "preferInput2".equals(s.resolve()) ? match : entry;
                    }
                    continue;
                }
                different.add(switch (s.resolve()) {
                    case "preferInput1" -> entry;
                    case "preferInput2" -> match;
                    case "mix" -> mix(entry, match, s);
                    default -> describe(entry, match, fields, s, equal);
                });
            }
            if (sameEntry != null) {
                same.add(sameEntry);
            }
        }
        List<Entry> onlyB = new ArrayList<>();
        for (int i = 0; i < inputB.size(); i++) {
            if (!matchedB.contains(i)) {
                onlyB.add(inputB.get(i));
            }
        }
        return List.of(onlyA, same, different, onlyB);
    }

    private static boolean itemsEqual(Map<String, Object> a, Map<String, Object> b, Settings s,
            FieldValues.Equality equal) {
        Map<String, Object> left = withoutSkipped(a, s);
        Map<String, Object> right = withoutSkipped(b, s);
        if (!s.fuzzy()) {
            return Json.deepEquals(left, right);
        }
        for (var e : left.entrySet()) {
            Object other = right.containsKey(e.getKey()) ? right.get(e.getKey()) : JsValues.UNDEFINED;
            if (!equal.test(e.getValue(), other)) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, Object> withoutSkipped(Map<String, Object> json, Settings s) {
        boolean paths = s.dotNotation() && s.skipFields().stream().anyMatch(f -> f.contains("."));
        Map<String, Object> copy = paths ? Json.copy(json) : new LinkedHashMap<>(json);
        for (String field : s.skipFields()) {
            if (paths) {
                JsonPath.remove(copy, field);
            } else {
                copy.remove(field);
            }
        }
        return copy;
    }

    /** The preferred input's item with the "except" fields taken from the other input. */
    private static Entry mix(Entry entryA, Entry matchB, Settings s) {
        boolean preferA = "input1".equals(s.preferWhenMix());
        Entry preferred = preferA ? entryA : matchB;
        Entry other = preferA ? matchB : entryA;
        Map<String, Object> json = Json.copy(preferred.json());
        String except = s.exceptWhenMix() == null ? "" : s.exceptWhenMix();
        if (!except.isEmpty()) {
            for (String raw : except.split(",", -1)) {
                String field = raw.trim();
                Object value = s.dotNotation() ? FieldValues.field(other.json(), field, true)
                        : other.json().containsKey(field) ? other.json().get(field) : JsValues.UNDEFINED;
                if (s.dotNotation()) {
                    json.put(field, JsValues.truthy(value) ? Json.copy(value) : null);
                } else if (JsValues.isUndefined(value)) {
                    json.remove(field);
                } else {
                    json.put(field, Json.copy(value));
                }
            }
        }
        List<PairedItem> origin = new ArrayList<>(preferred.origin());
        origin.addAll(other.origin());
        return new Entry(json, preferred.binary(), origin);
    }

    /** "Include both versions": the keys, the fields that are the same, and both versions of the others. */
    private static Entry describe(Entry entryA, Entry matchB, List<MergeCombine.FieldPair> fields, Settings s,
            FieldValues.Equality equal) {
        double v = s.version();
        Map<String, Object> a = entryA.json();
        Map<String, Object> b = matchB.json();
        Map<String, Object> keys = new LinkedHashMap<>();
        for (MergeCombine.FieldPair p : fields) {
            if (a.containsKey(p.field1())) {
                keys.put(p.field1(), a.get(p.field1()));
            }
        }
        List<String> union = new ArrayList<>(a.keySet());
        for (String k : b.keySet()) {
            if (!a.containsKey(k)) {
                union.add(k);
            }
        }
        List<String> toCompare = s.fuzzy() && v >= 2.1 ? union
                : a.keySet().stream().filter(b::containsKey).toList();
        Map<String, Object> same = new LinkedHashMap<>();
        Set<String> sameKeys = new LinkedHashSet<>();
        for (String k : toCompare) {
            Object x = value(a, k);
            if (equal.test(x, value(b, k))) {
                sameKeys.add(k);
                if (!JsValues.isUndefined(x)) {
                    same.put(k, x);
                }
            }
        }
        String nameA = v >= 2 ? "inputA" : "input1";
        String nameB = v >= 2 ? "inputB" : "input2";
        Map<String, Object> different = new LinkedHashMap<>();
        Map<String, Object> skipped = new LinkedHashMap<>();
        int index = 0;
        for (String key : union) {
            if (sameKeys.contains(key)) {
                continue;
            }
            Object valueA = nullish(value(a, key), v);
            Object valueB = nullish(value(b, key), v);
            if (v >= 2.1 && s.dotNotation() && !s.skipFields().contains(key)) {
                List<String> nested = s.skipFields().stream()
                        .filter(f -> f.startsWith(key) && f.contains(".")).toList();
                valueA = Json.copy(valueA);
                valueB = Json.copy(valueB);
                if (!nested.isEmpty() && (!isObject(valueA) || !isObject(valueB))) {
                    throw new NodeException("Parameter \"options.skipFields\": the field \"" + key + "\" in item "
                            + index + " is not an object, so dot notation cannot reach into it");
                }
                if (!nested.isEmpty()) {
                    Map<String, Object> skippedA = new LinkedHashMap<>();
                    Map<String, Object> skippedB = new LinkedHashMap<>();
                    for (String path : nested) {
                        String inner = path.replaceFirst(java.util.regex.Pattern.quote(key + "."), "");
                        copyPath(valueA, inner, skippedA);
                        copyPath(valueB, inner, skippedB);
                    }
                    skipped.put(key, both(nameA, skippedA, nameB, skippedB));
                }
                different.put(key, both(nameA, valueA, nameB, valueB));
            } else if (s.skipFields().contains(key)) {
                skipped.put(key, both(nameA, valueA, nameB, valueB));
            } else {
                different.put(key, both(nameA, valueA, nameB, valueB));
            }
            index++;
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("keys", keys);
        json.put("same", same);
        json.put("different", different);
        if (!skipped.isEmpty()) {
            json.put("skipped", skipped);
        }
        List<PairedItem> origin = new ArrayList<>(entryA.origin());
        origin.addAll(matchB.origin());
        return new Entry(json, null, origin);
    }

    private static Object value(Map<String, Object> json, String key) {
        return json.containsKey(key) ? json.get(key) : JsValues.UNDEFINED;
    }

    /** Missing values become null; before version 2 every falsy value did. */
    private static Object nullish(Object value, double version) {
        if (version >= 2) {
            return JsValues.isUndefined(value) ? null : value;
        }
        return JsValues.truthy(value) ? value : null;
    }

    private static boolean isObject(Object value) {
        return value == null || value instanceof Map || value instanceof List;
    }

    /** Moves the value at {@code path} inside {@code from} into {@code into} (same path). */
    @SuppressWarnings("unchecked")
    private static void copyPath(Object from, String path, Map<String, Object> into) {
        if (!(from instanceof Map<?, ?> map)) {
            return;
        }
        Map<String, Object> source = (Map<String, Object>) map;
        if (JsonPath.has(source, path)) {
            JsonPath.set(into, path, JsonPath.get(source, path));
            JsonPath.remove(source, path);
        }
    }

    private static Map<String, Object> both(String nameA, Object a, String nameB, Object b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(nameA, a);
        m.put(nameB, b);
        return m;
    }
}
