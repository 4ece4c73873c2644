package dev.switchboard.nodes.ai;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.switchboard.platform.node.Item;
import dev.switchboard.platform.node.NodeCategory;
import dev.switchboard.platform.node.NodeContext;
import dev.switchboard.platform.node.NodeDescriptor;
import dev.switchboard.platform.node.NodeException;
import dev.switchboard.platform.node.NodeResult;
import dev.switchboard.platform.node.NodeType;
import dev.switchboard.platform.node.ParameterSpec;
import dev.switchboard.platform.node.ParameterType;

/**
 * Flags numbers that stray from their history: each item's value is scored against the last {@code window}
 * values of its key (z-score, or the median absolute deviation, which a few wild values do not sway), then
 * joins the history. The history lives on the server (MongoDB), per workflow, node and key, so it grows
 * across runs. Outputs: normal, anomaly; the item gets {@code anomaly: {score, isAnomaly, ...}}. Until a
 * key has {@code minHistory} values, its items are normal with a null score.
 */
public final class AnomalyNode implements NodeType {

    /** Scores are capped here, so that a value off a constant history still makes finite JSON. */
    static final double MAX_SCORE = 1_000_000;

    private static final NodeDescriptor DESCRIPTOR = NodeDescriptor.builder("anomaly", "Anomaly Detection", NodeCategory.AI)
            .description("Flags numbers that stray from their history (per key), with the score on the item.")
            .noN8nAlias()
            .outputs("normal", "anomaly")
            .parameters(
                    ParameterSpec.required("value", "Value", ParameterType.NUMBER)
                            .help("The number to check, e.g. {{ $json.amount }}"),
                    ParameterSpec.of("key", "Key", ParameterType.STRING, "")
                            .help("Values with the same key share a history, e.g. {{ $json.customerId }}; empty: one history."),
                    ParameterSpec.options("method", "Method", "mad", "mad", "zScore")
                            .help("mad: distance from the median in median absolute deviations (robust); zScore: "
                                    + "distance from the mean in standard deviations."),
                    ParameterSpec.of("threshold", "Threshold", ParameterType.NUMBER, 3.5)
                            .help("A value whose score is beyond this (either side) is an anomaly; 3 to 3.5 is usual."),
                    ParameterSpec.of("window", "History size", ParameterType.NUMBER, 100L)
                            .help("How many of the latest values of a key are kept and compared against."),
                    ParameterSpec.of("minHistory", "Minimum history", ParameterType.NUMBER, 10L)
                            .help("Until a key has this many values, its items are not judged (score null)."))
            .build();

    @Override
    public NodeDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /** How far a value is from its history, and what it was measured against. */
    record Score(double score, double center, double spread) {
    }

    @Override
    public NodeResult execute(NodeContext context) {
        List<Item> normal = new ArrayList<>();
        List<Item> anomalies = new ArrayList<>();
        List<Item> items = context.items();
        for (int i = 0; i < items.size(); i++) {
            Object raw = context.parameter("value", i);
            double value;
            if (raw instanceof Number n) {
                value = n.doubleValue();
            } else if (raw instanceof String s && !s.isBlank()) {
                try {
                    value = Double.parseDouble(s.strip());
                } catch (NumberFormatException e) {
                    throw new NodeException("Parameter \"value\" must be a number but is \"" + s + "\"", i);
                }
            } else {
                throw new NodeException("Parameter \"value\" must be a number but is " + (raw == null ? "empty" : raw), i);
            }
            if (!Double.isFinite(value)) {
                throw new NodeException("Parameter \"value\" must be a finite number but is " + value, i);
            }
            String method = context.string("method", i, "mad");
            if (!method.equals("mad") && !method.equals("zScore")) {
                throw new NodeException("Parameter \"method\" must be mad or zScore, not \"" + method + "\"", i);
            }
            String key = context.string("key", i, "");
            int window = (int) Math.max(2, Math.min(10_000, context.number("window", i, 100)));
            int minHistory = (int) Math.max(2, context.number("minHistory", i, 10));
            double threshold = context.number("threshold", i, 3.5);
            List<Double> history = context.history().append(key, value, window);
            Map<String, Object> result = new LinkedHashMap<>();
            boolean anomaly = false;
            if (history.size() < minHistory) {
                result.put("score", null);
                result.put("isAnomaly", false);
                result.put("reason", "learning: " + history.size() + " of " + minHistory + " values so far");
            } else {
                Score s = method.equals("zScore") ? zScore(history, value) : mad(history, value);
                anomaly = Math.abs(s.score()) > threshold;
                result.put("score", round(s.score()));
                result.put("isAnomaly", anomaly);
                result.put(method.equals("zScore") ? "mean" : "median", round(s.center()));
                result.put(method.equals("zScore") ? "standardDeviation" : "medianAbsoluteDeviation", round(s.spread()));
            }
            result.put("method", method);
            result.put("key", key);
            result.put("value", value);
            result.put("historySize", history.size());
            Map<String, Object> json = new LinkedHashMap<>(items.get(i).json());
            json.put("anomaly", result);
            (anomaly ? anomalies : normal).add(Item.of(json, i));
        }
        return NodeResult.outputs(normal, anomalies);
    }

    /** Distance from the mean in (sample) standard deviations. */
    static Score zScore(List<Double> history, double value) {
        double mean = history.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double squares = history.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
        double sd = Math.sqrt(squares / Math.max(1, history.size() - 1));
        return new Score(scaled(value - mean, sd), mean, sd);
    }

    /**
     * The modified z-score of Iglewicz and Hoaglin: 0.6745 (x − median) / MAD. When more than half the
     * history is one value (MAD 0), the mean absolute deviation stands in (scaled by 1.2533).
     */
    static Score mad(List<Double> history, double value) {
        double[] sorted = history.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double median = median(sorted);
        double[] deviations = Arrays.stream(sorted).map(v -> Math.abs(v - median)).sorted().toArray();
        double mad = median(deviations);
        if (mad > 0) {
            return new Score(scaled(0.6745 * (value - median), mad), median, mad);
        }
        double meanAbsolute = Arrays.stream(deviations).average().orElse(0);
        return new Score(scaled(value - median, 1.2533 * meanAbsolute), median, mad);
    }

    private static double scaled(double distance, double spread) {
        if (distance == 0) {
            return 0;
        }
        if (spread <= 0) {
            return Math.copySign(MAX_SCORE, distance);
        }
        return Math.max(-MAX_SCORE, Math.min(MAX_SCORE, distance / spread));
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n == 0 ? 0 : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double round(double v) {
        return Math.round(v * 10_000d) / 10_000d;
    }
}
