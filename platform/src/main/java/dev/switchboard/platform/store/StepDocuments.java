package dev.switchboard.platform.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;

import dev.switchboard.platform.json.Json;
import dev.switchboard.platform.node.Item;
import dev.switchboard.platform.run.SourceRef;
import dev.switchboard.platform.run.Step;
import dev.switchboard.platform.run.StepStatus;

/**
 * One step as one document: what is queried (run, index, node, status, times, attempts, error,
 * item counts, logs) as fields, and the step's data (inputs, outputs, sources, node state) as JSON
 * text, whole, since a resumed run rebuilds its state from it.
 */
final class StepDocuments {

    private StepDocuments() {
    }

    static Document write(String runId, Step step) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("inputs", lists(step.inputs()));
        List<Object> sources = new ArrayList<>();
        for (SourceRef s : step.sources()) {
            sources.add(s == null ? null : Map.of("node", s.node(), "outputIndex", s.outputIndex(), "runIndex", s.runIndex()));
        }
        data.put("sources", sources);
        data.put("outputs", step.outputs() == null ? null : lists(step.outputs()));
        data.put("nodeState", step.nodeState());
        return new Document("_id", runId + ":" + step.index()).append("runId", runId).append("index", step.index())
                .append("node", step.node()).append("runIndex", step.runIndex()).append("status", step.status().name())
                .append("startedAt", Documents.date(step.startedAt())).append("finishedAt", Documents.date(step.finishedAt()))
                .append("attempts", step.attempts()).append("error", Documents.error(step.error()))
                .append("logs", step.logs()).append("resumeAt", Documents.date(step.resumeAt()))
                .append("itemsIn", count(step.inputs())).append("itemsOut", count(step.outputs()))
                .append("data", Json.write(data));
    }

    private static List<Object> lists(List<List<Item>> lists) {
        List<Object> out = new ArrayList<>();
        for (List<Item> items : lists) {
            if (items == null) {
                out.add(null);
                continue;
            }
            List<Object> l = new ArrayList<>(items.size());
            for (Item i : items) {
                l.add(i.toMap());
            }
            out.add(l);
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

    @SuppressWarnings("unchecked")
    static Step read(Document d) {
        Map<String, Object> data = Json.parseObject(d.getString("data"));
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
                Documents.instant(d, "finishedAt"), d.getInteger("attempts"), itemLists(data.get("inputs")),
                java.util.Collections.unmodifiableList(sources), itemLists(data.get("outputs")),
                Documents.error(d.get("error", Document.class)), logs == null ? List.of() : logs,
                (Map<String, Object>) data.get("nodeState"), Documents.instant(d, "resumeAt"));
    }

    private static List<List<Item>> itemLists(Object value) {
        if (!(value instanceof List<?> lists)) {
            return null;
        }
        List<List<Item>> out = new ArrayList<>();
        for (Object l : lists) {
            out.add(l == null ? null : Documents.items(l));
        }
        return out;
    }
}
