package dev.switchboard.platform.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.switchboard.platform.node.Item;
import dev.switchboard.platform.paging.Page;
import dev.switchboard.platform.run.RunRecord;
import dev.switchboard.platform.run.Step;
import dev.switchboard.platform.run.StepError;
import dev.switchboard.platform.workflow.StoredWorkflow;
import dev.switchboard.platform.workflow.WorkflowJson;
import dev.switchboard.platform.workflow.WorkflowVersion;

/** How the API writes the platform's objects. Times are ISO-8601 in UTC ({@code ...Z}). */
final class ApiViews {

    private ApiViews() {
    }

    static <T> Map<String, Object> page(Page<T> page, java.util.function.Function<T, Object> view) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("items", page.items().stream().map(view).toList());
        m.put("page", page.page());
        m.put("size", page.size());
        m.put("total", page.total());
        return m;
    }

    static String time(Instant i) {
        return i == null ? null : i.toString();
    }

    static Map<String, Object> workflowSummary(StoredWorkflow w) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", w.id());
        m.put("name", w.name());
        m.put("active", w.active());
        m.put("publishedVersion", w.publishedVersion());
        m.put("revision", w.revision());
        m.put("createdAt", time(w.createdAt()));
        m.put("updatedAt", time(w.updatedAt()));
        return m;
    }

    static Map<String, Object> workflow(StoredWorkflow w) {
        Map<String, Object> m = workflowSummary(w);
        m.put("workflow", WorkflowJson.toMap(w.draft()));
        return m;
    }

    static Map<String, Object> version(WorkflowVersion v, boolean withDefinition) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("workflowId", v.workflowId());
        m.put("version", v.version());
        m.put("author", v.author());
        m.put("note", v.note());
        m.put("publishedAt", time(v.publishedAt()));
        if (withDefinition) {
            m.put("workflow", WorkflowJson.toMap(v.workflow()));
        }
        return m;
    }

    static Map<String, Object> error(StepError e) {
        if (e == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("message", e.message());
        m.put("node", e.node());
        m.put("parameter", e.parameter());
        m.put("itemIndex", e.itemIndex() < 0 ? null : e.itemIndex());
        m.put("description", e.description());
        return m;
    }

    static Map<String, Object> run(RunRecord r, List<Step> steps) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("workflowId", r.workflowId());
        m.put("workflowName", r.workflowName());
        m.put("workflowVersion", r.workflowVersion() == 0 ? null : r.workflowVersion());
        m.put("draft", r.workflowVersion() == 0);
        m.put("mode", r.mode());
        m.put("status", r.status().label());
        m.put("error", error(r.error()));
        m.put("createdAt", time(r.createdAt()));
        m.put("startedAt", time(r.startedAt()));
        m.put("finishedAt", time(r.finishedAt()));
        m.put("resumeAt", time(r.resumeAt()));
        if (steps != null) {
            List<Object> out = new ArrayList<>();
            for (Step s : steps) {
                out.add(step(s));
            }
            m.put("steps", out);
            List<dev.switchboard.platform.run.ModelCharge> all = new ArrayList<>();
            steps.forEach(s -> all.addAll(s.usage()));
            if (!all.isEmpty()) {
                m.put("estimatedCost", dev.switchboard.platform.run.ModelCharge.totalCost(all));
            }
        }
        return m;
    }

    static Map<String, Object> step(Step s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("index", s.index());
        m.put("node", s.node());
        m.put("runIndex", s.runIndex());
        m.put("status", s.status().label());
        m.put("startedAt", time(s.startedAt()));
        m.put("finishedAt", time(s.finishedAt()));
        m.put("durationMillis", s.durationMillis());
        m.put("attempts", s.attempts());
        m.put("error", error(s.error()));
        if (dev.switchboard.platform.run.Compensator.isCompensation(s)) {
            // a compensation step: it undid the forward step of this index
            m.put("compensates", s.nodeState().get(dev.switchboard.platform.run.Compensator.COMPENSATES));
        }
        List<Object> outputs = new ArrayList<>();
        if (s.outputs() != null) {
            for (List<Item> output : s.outputs()) {
                outputs.add(output == null ? List.of() : output.stream()
                        .map(i -> i.binary().isEmpty() ? Map.of("json", (Object) i.json())
                                : Map.of("json", (Object) i.json(), "binary", i.binary()))
                        .toList());
            }
        }
        m.put("outputs", outputs);
        if (s.nodeState() != null && s.nodeState().get("switchboard.truncated") instanceof Map<?, ?> counts) {
            // the stored step keeps its first items only; these are the counts of the whole lists
            m.put("truncated", true);
            m.put("itemsIn", counts.get("itemsIn"));
            m.put("itemsOut", counts.get("itemsOut"));
        }
        m.put("logs", s.logs());
        if (!s.usage().isEmpty()) {
            List<Object> usage = new ArrayList<>();
            for (var c : s.usage()) {
                Map<String, Object> u = new LinkedHashMap<>();
                u.put("model", c.model());
                u.put("calls", c.calls());
                u.put("inputTokens", c.inputTokens());
                u.put("outputTokens", c.outputTokens());
                u.put("estimatedCost", c.estimatedCost());
                usage.add(u);
            }
            m.put("usage", usage);
            m.put("estimatedCost", dev.switchboard.platform.run.ModelCharge.totalCost(s.usage()));
        }
        return m;
    }
}
