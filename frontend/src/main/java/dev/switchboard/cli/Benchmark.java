package dev.switchboard.cli;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.switchboard.platform.engine.LocalEngine;
import dev.switchboard.platform.node.Item;
import dev.switchboard.platform.run.InMemoryRunJournal;
import dev.switchboard.platform.run.RunRequest;
import dev.switchboard.platform.run.RunResult;
import dev.switchboard.platform.run.RunStatus;
import dev.switchboard.platform.run.Step;
import dev.switchboard.platform.workflow.Workflow;
import dev.switchboard.platform.workflow.WorkflowJson;

/**
 * {@code bench [--items N]}: prints items/s and peak heap for a five-node transform workflow
 * (set → filter → code → sort → aggregate) over N items (default 100,000), and expression
 * evaluations per second for a property path and for JavaScript. Run it with {@code make bench},
 * which gives Java 256 MB of heap, the target.
 */
final class Benchmark {

    private static final String PIPELINE = """
            {"name": "benchmark: set, filter, code, sort, aggregate",
             "nodes": [
              {"name": "Trigger", "type": "n8n-nodes-base.manualTrigger", "typeVersion": 1, "position": [0, 0], "parameters": {}},
              {"name": "Set", "type": "n8n-nodes-base.set", "typeVersion": 3.4, "position": [200, 0], "parameters": {
                 "mode": "manual", "includeOtherFields": true, "options": {},
                 "assignments": {"assignments": [
                   {"id": "a", "name": "price", "value": "={{ $json.amount }}", "type": "number"},
                   {"id": "b", "name": "source", "value": "benchmark", "type": "string"}]}}},
              {"name": "Filter", "type": "n8n-nodes-base.filter", "typeVersion": 2, "position": [400, 0], "parameters": {
                 "conditions": {"options": {"caseSensitive": true, "leftValue": "", "typeValidation": "strict"},
                   "conditions": [{"id": "c", "leftValue": "={{ $json.price }}", "rightValue": 100,
                                   "operator": {"type": "number", "operation": "gte"}}], "combinator": "and"}, "options": {}}},
              {"name": "Code", "type": "n8n-nodes-base.code", "typeVersion": 2, "position": [600, 0], "parameters": {
                 "jsCode": "for (const item of $input.all()) { item.json.total = item.json.price * 1.2; }\\nreturn $input.all();"}},
              {"name": "Sort", "type": "n8n-nodes-base.sort", "typeVersion": 1, "position": [800, 0], "parameters": {
                 "sortFieldsUi": {"sortField": [{"fieldName": "total", "order": "descending"}]}, "options": {}}},
              {"name": "Aggregate", "type": "n8n-nodes-base.aggregate", "typeVersion": 1, "position": [1000, 0], "parameters": {
                 "aggregate": "aggregateIndividualFields", "fieldsToAggregate": {"fieldToAggregate": [{"fieldToAggregate": "id"}]}, "options": {}}}
             ],
             "connections": {
              "Trigger": {"main": [[{"node": "Set", "type": "main", "index": 0}]]},
              "Set": {"main": [[{"node": "Filter", "type": "main", "index": 0}]]},
              "Filter": {"main": [[{"node": "Code", "type": "main", "index": 0}]]},
              "Code": {"main": [[{"node": "Sort", "type": "main", "index": 0}]]},
              "Sort": {"main": [[{"node": "Aggregate", "type": "main", "index": 0}]]}
             }}""";

    private static final String ONE_SET = """
            {"name": "benchmark: expressions",
             "nodes": [
              {"name": "Trigger", "type": "n8n-nodes-base.manualTrigger", "typeVersion": 1, "position": [0, 0], "parameters": {}},
              {"name": "Set", "type": "n8n-nodes-base.set", "typeVersion": 3.4, "position": [200, 0], "parameters": {
                 "mode": "manual", "includeOtherFields": false, "options": {},
                 "assignments": {"assignments": [{"id": "a", "name": "v", "value": "EXPR", "type": "number"}]}}}],
             "connections": {"Trigger": {"main": [[{"node": "Set", "type": "main", "index": 0}]]}}}""";

    private final PrintStream out;

    Benchmark(PrintStream out) {
        this.out = out;
    }

    int run(String[] args) {
        int n = 100_000;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--items") && i + 1 < args.length) {
                n = Integer.parseInt(args[++i]);
            }
        }
        LocalEngine engine = LocalEngine.load();
        out.printf(Locale.ROOT, "Switchboard engine benchmark (Java %s, %d cores, max heap %d MB)%n",
                Runtime.version(), Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        // warm up the sandbox and the code paths
        runPipeline(engine, 20_000);
        runPipeline(engine, 20_000);
        runExpression(engine, "={{ $json.amount }}", 20_000);
        runExpression(engine, "={{ $json.amount * 2 + 1 }}", 5_000);

        System.gc();
        resetPeaks();
        long t0 = System.nanoTime();
        RunResult result = runPipeline(engine, n);
        double seconds = (System.nanoTime() - t0) / 1e9;
        long peak = peakHeap();
        if (result.status() != RunStatus.SUCCEEDED) {
            out.println("the pipeline failed: " + (result.error() == null ? "" : result.error().describe()));
            return Cli.FAILED;
        }
        out.printf(Locale.ROOT, "pipeline  set -> filter -> code -> sort -> aggregate over %,d items: %.2f s, %,.0f items/s, peak heap %d MB%n",
                n, seconds, n / seconds, peak >> 20);
        out.flush();
        for (String node : List.of("Set", "Filter", "Code", "Sort", "Aggregate")) {
            Step step = result.steps(node).get(0);
            int in = step.inputs().get(0).size();
            out.printf(Locale.ROOT, "  %-9s %,9d items in %6d ms  %,12.0f items/s%n", node, in, step.durationMillis(),
                    in * 1000.0 / Math.max(1, step.durationMillis()));
        }
        result = null;
        System.gc();
        List<Item> sample = items(Math.max(n, 200_000));
        ExpressionBench evaluator = new ExpressionBench(sample);
        out.printf(Locale.ROOT, "expressions, evaluator alone over %,d items:%n", sample.size());
        out.printf(Locale.ROOT, "  path        {{ $json.amount }}          %,12.0f evaluations/s%n",
                evaluator.rate(engine.javaScript(), "={{ $json.amount }}"));
        out.printf(Locale.ROOT, "  JavaScript  {{ $json.amount * 2 + 1 }}  %,12.0f evaluations/s%n",
                new ExpressionBench(sample.subList(0, Math.max(20_000, n / 5))).rate(engine.javaScript(), "={{ $json.amount * 2 + 1 }}"));
        out.printf(Locale.ROOT, "expressions, inside a Set node (one field per item, including the node's own work):%n");
        out.printf(Locale.ROOT, "  path        {{ $json.amount }}          %,12.0f items/s%n",
                rate(engine, "={{ $json.amount }}", n));
        out.printf(Locale.ROOT, "  JavaScript  {{ $json.amount * 2 + 1 }}  %,12.0f items/s%n",
                rate(engine, "={{ $json.amount * 2 + 1 }}", Math.max(20_000, n / 5)));
        out.flush();
        return Cli.OK;
    }

    private double rate(LocalEngine engine, String expression, int n) {
        RunResult r = runExpression(engine, expression, n);
        Step step = r.steps("Set").get(0);
        return n * 1000.0 / Math.max(1, step.durationMillis());
    }

    private static RunResult runPipeline(LocalEngine engine, int n) {
        Workflow w = WorkflowJson.read(PIPELINE);
        return engine.run(RunRequest.manual("bench", w, items(n)), new InMemoryRunJournal());
    }

    private static RunResult runExpression(LocalEngine engine, String expression, int n) {
        Workflow w = WorkflowJson.read(ONE_SET.replace("EXPR", expression));
        return engine.run(RunRequest.manual("bench-expr", w, items(n)), new InMemoryRunJournal());
    }

    private static List<Item> items(int n) {
        dev.switchboard.platform.json.JsonObject.Builder compact = new dev.switchboard.platform.json.JsonObject.Builder();
        List<Item> items = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", (long) i);
            json.put("name", "item " + i);
            json.put("amount", (long) (i % 1000));
            json.put("category", "c" + (i % 10));
            items.add(Item.of(compact.compact(json)));
        }
        return items;
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
