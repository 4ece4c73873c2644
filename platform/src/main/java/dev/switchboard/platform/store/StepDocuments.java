package dev.switchboard.platform.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;

import dev.switchboard.platform.json.Json;
import dev.switchboard.platform.node.Item;
import dev.switchboard.platform.run.ModelCharge;
import dev.switchboard.platform.run.SourceRef;
import dev.switchboard.platform.run.Step;
import dev.switchboard.platform.run.StepStatus;

/**
 * One step as one document: what is queried (run, index, node, status, times, attempts, error,
 * item counts, logs, model {@code usage}: model, calls, inputTokens, outputTokens, estimatedCost) as fields, and the step's data (inputs, outputs, sources, node state) as JSON
 * text, whole, since a resumed run rebuilds its state from it.
 */
final class StepDocuments {

    private StepDocuments() {
    }

    static Document write(String runId, Step step) {
        return write(runId, step, java.util.function.UnaryOperator.identity(), new ItemTexts());
    }

    /**
     * The JSON text of items written in one hand-over to the store, each item's {@code json} object written once:
     * a run's steps repeat items (a step's input is the output of the step before, a Webhook's output is the
     * run's input), and Items are not changed once made (a node that changes one copies it).
     */
    static final class ItemTexts {
        private final java.util.IdentityHashMap<Map<String, Object>, String> written = new java.util.IdentityHashMap<>();

        /** The item as n8n writes it ({@link Item#toMap}), as JSON text; binary data through {@code storeItem}. */
        String write(Item item, java.util.function.UnaryOperator<Map<String, Object>> storeItem) {
            if (!item.binary().isEmpty()) {
                return Json.write(storeItem.apply(item.toMap()));
            }
            String json = written.computeIfAbsent(item.json(), Json::write);
            if (item.pairedItem().isEmpty()) {
                return "{\"json\":" + json + "}";
            }
            Map<String, Object> rest = item.toMap();
            rest.remove("json");
            return "{\"json\":" + json + "," + Json.write(rest).substring(1);
        }

        /** Lists of items (null lists kept) as a JSON array of arrays. */
        String lists(List<List<Item>> lists, java.util.function.UnaryOperator<Map<String, Object>> storeItem) {
            StringBuilder out = new StringBuilder("[");
            for (List<Item> items : lists) {
                if (out.length() > 1) {
                    out.append(',');
                }
                if (items == null) {
                    out.append("null");
                    continue;
                }
                out.append(items(items, storeItem));
            }
            return out.append(']').toString();
        }

        /** Items as a JSON array. */
        String items(List<Item> items, java.util.function.UnaryOperator<Map<String, Object>> storeItem) {
            StringBuilder out = new StringBuilder("[");
            for (Item i : items) {
                if (out.length() > 1) {
                    out.append(',');
                }
                out.append(write(i, storeItem));
            }
            return out.append(']').toString();
        }
    }

    /**
     * @param storeItem what becomes of each item's map before it is written (binary data moved out)
     * @param texts     the items written in the same hand-over
     */
    static Document write(String runId, Step step, java.util.function.UnaryOperator<Map<String, Object>> storeItem,
            ItemTexts texts) {
        List<Object> sources = new ArrayList<>();
        for (SourceRef s : step.sources()) {
            sources.add(s == null ? null : Map.of("node", s.node(), "outputIndex", s.outputIndex(), "runIndex", s.runIndex()));
        }
        // what Json.write of {inputs, sources, outputs, nodeState} gives, with each item's json written once
        String data = "{\"inputs\":" + texts.lists(step.inputs(), storeItem) + ",\"sources\":" + Json.write(sources)
                + ",\"outputs\":" + (step.outputs() == null ? "null" : texts.lists(step.outputs(), storeItem))
                + ",\"nodeState\":" + Json.write(step.nodeState()) + "}";
        Document doc = new Document("_id", runId + ":" + step.index()).append("runId", runId).append("index", step.index())
                .append("node", step.node()).append("runIndex", step.runIndex()).append("status", step.status().name())
                .append("startedAt", Documents.date(step.startedAt())).append("finishedAt", Documents.date(step.finishedAt()))
                .append("attempts", step.attempts());
        // what most steps do not have is left out rather than written empty: every field is encoded and decoded
        // three times on its way to the file
        if (step.error() != null) {
            doc.append("error", Documents.error(step.error()));
        }
        if (step.logs() != null && !step.logs().isEmpty()) {
            doc.append("logs", step.logs());
        }
        if (step.resumeAt() != null) {
            doc.append("resumeAt", Documents.date(step.resumeAt()));
        }
        doc.append("itemsIn", count(step.inputs())).append("itemsOut", count(step.outputs()));
        if (!step.usage().isEmpty()) {
            doc.append("usage", usage(step.usage()));
        }
        return doc.append("data", data);
    }

    private static List<Document> usage(List<ModelCharge> charges) {
        List<Document> out = new ArrayList<>();
        for (ModelCharge c : charges) {
            out.add(new Document("model", c.model()).append("calls", c.calls()).append("inputTokens", c.inputTokens())
                    .append("outputTokens", c.outputTokens()).append("estimatedCost", c.estimatedCost()));
        }
        return out;
    }

    private static List<ModelCharge> usage(Document d) {
        List<ModelCharge> out = new ArrayList<>();
        for (Document c : d.getList("usage", Document.class, List.of())) {
            Number cost = c.get("estimatedCost", Number.class);
            out.add(new ModelCharge(c.getString("model"), ((Number) c.get("calls")).intValue(),
                    ((Number) c.get("inputTokens")).longValue(), ((Number) c.get("outputTokens")).longValue(),
                    cost == null ? null : cost.doubleValue()));
        }
        return out;
    }

    private static List<Integer> count(List<List<Item>> lists) {
        List<Integer> out = new ArrayList<>();
        if (lists != null) {
            for (List<Item> l : lists) {
                out.add(l == null ? 0 : l.size());
            }
        }
        return out;
    }

    /** The key under which a truncated step's node state carries its real item counts ({@code itemsIn}, {@code itemsOut}). */
    static final String TRUNCATED = "switchboard.truncated";

    /**
     * The step with its item lists cut so that its data fits in {@code maxChars} characters of JSON (at
     * least one item of each list is kept when there was one): for finished runs, whose steps are read
     * by people, not by a resuming run. The counts of the whole lists stay in {@code itemsIn} and
     * {@code itemsOut}; {@code truncated} is set. Null when the step already fits.
     */
    @SuppressWarnings("unchecked")
    static Document truncated(Document d, int maxChars) {
        String text = d.getString("data");
        if (text == null || text.length() <= maxChars || Boolean.TRUE.equals(d.getBoolean("truncated"))) {
            return null;
        }
        Map<String, Object> data = new LinkedHashMap<>(Json.parseObject(text));
        int budget = Math.max(1, maxChars / 2);
        for (String key : List.of("inputs", "outputs")) {
            if (!(data.get(key) instanceof List<?> lists)) {
                continue;
            }
            List<Object> cut = new ArrayList<>();
            int perList = Math.max(1, budget / Math.max(1, lists.size()));
            for (Object l : lists) {
                if (!(l instanceof List<?> items)) {
                    cut.add(l);
                    continue;
                }
                List<Object> kept = new ArrayList<>();
                int used = 0;
                for (Object item : items) {
                    int size = Json.write(item).length();
                    if (!kept.isEmpty() && used + size > perList) {
                        break;
                    }
                    kept.add(item);
                    used += size;
                }
                cut.add(kept);
            }
            data.put(key, cut);
        }
        data.put("nodeState", null);
        Document copy = new Document(d);
        copy.put("data", Json.write(data));
        copy.put("truncated", true);
        return copy;
    }

    static Step read(Document d) {
        return read(d, java.util.function.UnaryOperator.identity());
    }

    /** @param loadItem what becomes of each item's map before it is read (binary data put back) */
    @SuppressWarnings("unchecked")
    static Step read(Document d, java.util.function.UnaryOperator<Map<String, Object>> loadItem) {
        Map<String, Object> data = Json.parseObject(d.getString("data"));
        if (Boolean.TRUE.equals(d.getBoolean("truncated"))) {
            Map<String, Object> state = new LinkedHashMap<>();
            state.put(TRUNCATED, Map.of("itemsIn", d.getList("itemsIn", Integer.class, List.of()),
                    "itemsOut", d.getList("itemsOut", Integer.class, List.of())));
            data = new LinkedHashMap<>(data);
            data.put("nodeState", state);
        }
        List<SourceRef> sources = new ArrayList<>();
        for (Object o : (List<Object>) data.getOrDefault("sources", List.of())) {
            if (o instanceof Map<?, ?> m) {
                sources.add(new SourceRef((String) m.get("node"), ((Number) m.get("outputIndex")).intValue(),
                        ((Number) m.get("runIndex")).intValue()));
            } else {
                sources.add(null);
            }
        }
        List<String> logs = d.getList("logs", String.class);
        return new Step(d.getInteger("index"), d.getString("node"), d.getInteger("runIndex"),
                StepStatus.valueOf(d.getString("status")), Documents.instant(d, "startedAt"),
                Documents.instant(d, "finishedAt"), d.getInteger("attempts"), itemLists(data.get("inputs"), loadItem),
                java.util.Collections.unmodifiableList(sources), itemLists(data.get("outputs"), loadItem),
                Documents.error(d.get("error", Document.class)), logs == null ? List.of() : logs,
                (Map<String, Object>) data.get("nodeState"), Documents.instant(d, "resumeAt"), usage(d));
    }

    @SuppressWarnings("unchecked")
    private static List<List<Item>> itemLists(Object value, java.util.function.UnaryOperator<Map<String, Object>> loadItem) {
        if (!(value instanceof List<?> lists)) {
            return null;
        }
        List<List<Item>> out = new ArrayList<>();
        for (Object l : lists) {
            if (l instanceof List<?> items) {
                List<Object> loaded = new ArrayList<>(items.size());
                for (Object o : items) {
                    loaded.add(o instanceof Map<?, ?> m ? loadItem.apply((Map<String, Object>) m) : o);
                }
                out.add(Documents.items(loaded));
            } else {
                out.add(null);
            }
        }
        return out;
    }
}
