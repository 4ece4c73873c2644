package dev.switchboard.platform.expression;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.switchboard.platform.json.Json;
import dev.switchboard.platform.node.Item;
import dev.switchboard.platform.node.NodeLogger;

/** Expression data for tests: input items, other nodes' outputs, a fixed clock and zone. */
final class FakeData implements ExpressionData {

    final List<Item> input = new ArrayList<>();
    final Map<String, List<Item>> outputs = new LinkedHashMap<>();
    final List<String> logs = new ArrayList<>();
    int itemIndex;
    ZoneId zone = ZoneId.of("UTC");
    Instant now = Instant.parse("2024-03-15T12:30:00Z");

    @SuppressWarnings("unchecked")
    FakeData item(String json) {
        input.add(Item.of((Map<String, Object>) Json.parse(json)));
        return this;
    }

    @SuppressWarnings("unchecked")
    FakeData node(String name, String... jsonItems) {
        List<Item> items = new ArrayList<>();
        for (String j : jsonItems) {
            items.add(Item.of((Map<String, Object>) Json.parse(j)));
        }
        outputs.put(name, items);
        return this;
    }

    @Override
    public String nodeName() {
        return "Current";
    }

    @Override
    public List<Item> input() {
        return input;
    }

    @Override
    public int itemIndex() {
        return itemIndex;
    }

    @Override
    public int runIndex() {
        return 0;
    }

    @Override
    public List<Item> nodeOutput(String node, int outputIndex, int runIndex) {
        return outputs.get(node);
    }

    @Override
    public boolean nodeExists(String node) {
        return outputs.containsKey(node) || node.equals("Unexecuted");
    }

    @Override
    public Item pairedItem(String node, int index) {
        List<Item> out = outputs.get(node);
        if (out == null || index >= out.size()) {
            throw new ExpressionException("no paired item in \"" + node + "\"");
        }
        return out.get(index);
    }

    @Override
    public Map<String, Object> parameters() {
        return Map.of("field", "value");
    }

    @Override
    public Map<String, Object> parameters(String node) {
        return Map.of("of", node);
    }

    @Override
    public Map<String, Object> nodeState(String node) {
        return Map.of("noItemsLeft", true);
    }

    @Override
    public Map<String, Object> workflow() {
        return Map.of("id", "wf-1", "name", "Invoices", "active", false);
    }

    @Override
    public Map<String, Object> execution() {
        return Map.of("id", "run-7", "mode", "manual", "resumeUrl", "");
    }

    @Override
    public Map<String, Object> vars() {
        return Map.of("region", "eu");
    }

    @Override
    public Map<String, Object> previousNode() {
        return Map.of("name", "Before", "outputIndex", 0, "runIndex", 0);
    }

    @Override
    public ZoneId zone() {
        return zone;
    }

    @Override
    public Instant now() {
        return now;
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
                logs.add(message);
            }
        };
    }
}
