package dev.switchboard.nodes.flow;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.switchboard.platform.json.JsonPath;
import dev.switchboard.platform.node.Item;
import dev.switchboard.platform.node.NodeContext;
import dev.switchboard.platform.node.NodeLogger;
import dev.switchboard.platform.node.ScriptRunner;
import dev.switchboard.platform.node.SubWorkflowRunner;

/**
 * A node context for driving one node directly, run after run, with literal parameters (no
 * expressions) and a node state that survives between runs, as the engine keeps it.
 */
final class FakeContext implements NodeContext {

    final Map<String, Object> state = new LinkedHashMap<>();
    final List<String> logs = new ArrayList<>();
    private final double version;
    private Map<String, Object> parameters = new LinkedHashMap<>();
    private List<Item> input = List.of();
    private int runIndex;
    private Instant now = Instant.parse("2024-01-01T00:00:00Z");
    private ZoneId zone = ZoneId.of("UTC");
    private SubWorkflowRunner subWorkflows = (s, r, i) -> {
        throw new UnsupportedOperationException("no sub-workflows here");
    };

    FakeContext(double version) {
        this.version = version;
    }

    FakeContext parameters(Map<String, Object> newParameters) {
        this.parameters = new LinkedHashMap<>(newParameters);
        return this;
    }

    FakeContext input(List<Map<String, Object>> jsons) {
        List<Item> items = new ArrayList<>();
        for (Map<String, Object> j : jsons) {
            items.add(Item.of(new LinkedHashMap<>(j)));
        }
        this.input = items;
        return this;
    }

    FakeContext runIndex(int index) {
        this.runIndex = index;
        return this;
    }

    FakeContext at(Instant instant, ZoneId newZone) {
        this.now = instant;
        this.zone = newZone;
        return this;
    }

    FakeContext subWorkflows(SubWorkflowRunner runner) {
        this.subWorkflows = runner;
        return this;
    }

    @Override
    public String nodeName() {
        return "Node";
    }

    @Override
    public String workflowName() {
        return "test";
    }

    @Override
    public double typeVersion() {
        return version;
    }

    @Override
    public int inputCount() {
        return 1;
    }

    @Override
    public List<Item> input(int index) {
        return index == 0 ? input : List.of();
    }

    @Override
    public boolean hasInput(int index) {
        return index == 0;
    }

    @Override
    public int runIndex() {
        return runIndex;
    }

    @Override
    public Object parameter(String path, int itemIndex) {
        return JsonPath.get(parameters, path);
    }

    @Override
    public Object rawParameter(String path) {
        return JsonPath.get(parameters, path);
    }

    @Override
    public boolean continueOnFail() {
        return false;
    }

    @Override
    public Map<String, Object> nodeState() {
        return state;
    }

    @Override
    public NodeLogger log() {
        return new NodeLogger() {
            @Override
            public void info(String message) {
                logs.add(message);
            }

            @Override
            public void warn(String message) {
                logs.add("warning: " + message);
            }
        };
    }

    @Override
    public ZoneId zone() {
        return zone;
    }

    @Override
    public ZoneId serverZone() {
        return ZoneId.of("UTC");
    }

    @Override
    public Instant now() {
        return now;
    }

    @Override
    public ScriptRunner scripts() {
        return (code, mode, item, parameter) -> {
            throw new UnsupportedOperationException("no scripts here");
        };
    }

    @Override
    public Object evaluate(String expression, int itemIndex) {
        throw new UnsupportedOperationException("no expressions here");
    }

    @Override
    public SubWorkflowRunner subWorkflows() {
        return subWorkflows;
    }

    @Override
    public Map<String, Object> execution() {
        return Map.of("id", "test", "mode", "manual");
    }

    @Override
    public void sleep(long millis) {
        now = now.plusMillis(millis);
    }
}
