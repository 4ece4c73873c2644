package dev.switchboard.nodes.ai;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.CRC32;

import dev.switchboard.platform.node.NodeContext;
import dev.switchboard.platform.node.ParameterSpec;
import dev.switchboard.platform.node.ParameterType;
import dev.switchboard.platform.node.ReviewSample;

/**
 * The quality gates every AI node has: answers below a confidence go to a "review" output instead of the
 * normal ones, and a percentage of answers is put in front of a person (an AI review in the inbox) while the
 * run goes on.
 */
final class QualityGate {

    /** Below this confidence an answer goes to the review output; 0 turns the gate off. */
    static final ParameterSpec REVIEW_BELOW = ParameterSpec.of("reviewBelow", "Review below confidence",
                    ParameterType.NUMBER, 0.0)
            .help("From 0 to 1; an answer the model is less sure of goes to the \"review\" output (an approval "
                    + "node there lets a person decide). 0: off.");

    static final ParameterSpec REVIEW_SAMPLE = ParameterSpec.of("reviewSample", "Sample for review (%)",
                    ParameterType.NUMBER, 0.0)
            .help("This percentage of answers also goes to the inbox as an AI review, to accept or correct, while "
                    + "the run goes on; the accept rate per node and week is kept.");

    private QualityGate() {
    }

    static double threshold(NodeContext context, int item) {
        return Math.max(0, Math.min(1, context.number(REVIEW_BELOW.name(), item, 0)));
    }

    /** Whether an answer with this confidence (null: the model gave none) must go to review. */
    static boolean needsReview(NodeContext context, int item, Double confidence) {
        double threshold = threshold(context, item);
        return threshold > 0 && (confidence == null || confidence < threshold);
    }

    /**
     * Samples the answer for an AI review when it falls in the node's percentage. The choice is a hash of the
     * run, node, run index and item: a resumed run samples the same answers again, which the review's id
     * makes one review.
     */
    static boolean sample(NodeContext context, int item, String question, Map<String, Object> answer, Double confidence) {
        double percent = context.number(REVIEW_SAMPLE.name(), item, 0);
        if (percent <= 0) {
            return false;
        }
        CRC32 crc = new CRC32();
        crc.update((context.execution().get("id") + "\u0000" + context.nodeName() + "\u0000" + context.runIndex()
                + "\u0000" + item).getBytes(StandardCharsets.UTF_8));
        if (crc.getValue() % 10_000 >= Math.round(Math.min(100, percent) * 100)) {
            return false;
        }
        context.sampleForReview(new ReviewSample(item, question, answer, confidence));
        return true;
    }

    /** Model confidence from a JSON answer's {@code confidence}, clamped to 0..1; null when it has none. */
    static Double confidence(Object parsed) {
        return parsed instanceof Map<?, ?> m && m.get("confidence") instanceof Number n
                ? Math.max(0, Math.min(1, n.doubleValue())) : null;
    }
}
