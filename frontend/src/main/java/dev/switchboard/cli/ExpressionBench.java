package dev.switchboard.cli;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import dev.switchboard.platform.expression.ExpressionData;
import dev.switchboard.platform.expression.Expressions;
import dev.switchboard.platform.expression.JavaScriptEngine;
import dev.switchboard.platform.node.Item;

/** Evaluates one expression over many items with the evaluator alone, to measure evaluations per second. */
final class ExpressionBench implements ExpressionData {

    private final List<Item> items;
    private int index;

    ExpressionBench(List<Item> items) {
        this.items = items;
    }

    /** Evaluations per second of {@code expression} over every item, after a warm-up pass. */
    double rate(JavaScriptEngine js, String expression) {
        try (Expressions expressions = new Expressions(js)) {
            int warm = Math.min(items.size(), 20_000);
            for (index = 0; index < warm; index++) {
                expressions.evaluate(expression, this);
            }
            long start = System.nanoTime();
            for (index = 0; index < items.size(); index++) {
                expressions.evaluate(expression, this);
            }
            return items.size() / ((System.nanoTime() - start) / 1e9);
        }
    }

    @Override
    public String nodeName() {
        return "Benchmark";
    }

    @Override
    public List<Item> input() {
        return items;
    }

    @Override
    public int itemIndex() {
        return index;
    }

    @Override
    public int runIndex() {
        return 0;
    }

    @Override
    public List<Item> nodeOutput(String node, int outputIndex, int runIndex) {
        return null;
    }

    @Override
    public boolean nodeExists(String node) {
        return false;
    }

    @Override
    public Item pairedItem(String node, int itemIndex) {
        return null;
    }

    @Override
    public Map<String, Object> parameters() {
        return Map.of();
    }

    @Override
    public Map<String, Object> parameters(String node) {
        return Map.of();
    }


    @Override
    public Map<String, Object> workflow() {
        return Map.of("name", "benchmark");
    }

    @Override
    public Map<String, Object> execution() {
        return Map.of("id", "benchmark", "mode", "cli");
    }



    @Override
    public ZoneId zone() {
        return ZoneId.of("UTC");
    }

    @Override
    public Instant now() {
        return Instant.now();
    }

}
