package dev.switchboard.nodes.ai;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.switchboard.nodes.NodeTestKit;
import dev.switchboard.platform.json.Json;
import dev.switchboard.platform.run.RunResult;
import dev.switchboard.platform.run.RunStatus;

/**
 * The Similarity node with the real all-MiniLM-L6-v2 model, offline: support tickets sorted into billing,
 * technical and sales by a few examples each. Prints the accuracy.
 */
class SimilarityNodeTest {

    private static final List<List<String>> EXAMPLES = List.of(
            List.of("billing", "I was charged twice for my subscription"),
            List.of("billing", "Please send me a copy of last month's invoice"),
            List.of("billing", "I want a refund for the payment"),
            List.of("billing", "My credit card was declined when paying"),
            List.of("technical", "The app crashes when I open it"),
            List.of("technical", "I get an error 500 when I log in"),
            List.of("technical", "The page is very slow and does not load"),
            List.of("technical", "Password reset email never arrives"),
            List.of("sales", "How much does the enterprise plan cost?"),
            List.of("sales", "Can I get a quote for 50 licences?"),
            List.of("sales", "Do you offer a discount for non-profits?"),
            List.of("sales", "I would like to upgrade to a bigger plan"));

    private static final List<List<String>> TICKETS = List.of(
            List.of("billing", "Why is there a second charge on my bank statement?"),
            List.of("billing", "I need the invoice for March for my accountant"),
            List.of("billing", "You took money after I cancelled, refund please"),
            List.of("billing", "The payment failed but my card is fine"),
            List.of("technical", "After the update the application freezes on startup"),
            List.of("technical", "Login fails with an internal server error"),
            List.of("technical", "The dashboard takes forever to load"),
            List.of("technical", "I cannot reset my password, no email comes"),
            List.of("sales", "What are your prices for a team of 20?"),
            List.of("sales", "Could you send an offer for 100 seats?"),
            List.of("sales", "Is there a cheaper plan for schools?"),
            List.of("sales", "We want to buy more licences next month"));

    @Test
    void sortsSupportTicketsByExamplesAndPrintsTheAccuracy() {
        List<Map<String, Object>> rows = new ArrayList<>();
        EXAMPLES.forEach(e -> rows.add(Map.of("category", e.get(0), "text", e.get(1))));
        String node = Json.write(Map.of("name", "AI", "type", "switchboard.similarity", "typeVersion", 1,
                "position", List.of(200, 0), "parameters", Map.of("text", "={{ $json.subject }}", "minSimilarity", 0.2,
                        "examples", Map.of("examples", rows))));
        var workflow = NodeTestKit.workflow("""
                {"name": "tickets", "nodes": [
                  {"name": "Start", "type": "n8n-nodes-base.manualTrigger", "typeVersion": 1, "position": [0, 0], "parameters": {}},
                  %s],
                 "connections": {"Start": {"main": [[{"node": "AI", "type": "main", "index": 0}]]}}}""".formatted(node));
        List<Map<String, Object>> items = TICKETS.stream().map(t -> Map.<String, Object>of("subject", t.get(1), "truth", t.get(0)))
                .toList();
        RunResult result = NodeTestKit.run(workflow, items);
        assertThat(result.status()).isEqualTo(RunStatus.SUCCEEDED);

        List<String> categories = List.of("billing", "technical", "sales");
        int right = 0;
        for (int o = 0; o < categories.size(); o++) {
            for (Map<String, Object> json : NodeTestKit.json(result, "AI", o)) {
                if (json.get("truth").equals(categories.get(o))) {
                    right++;
                }
            }
        }
        double accuracy = right / (double) TICKETS.size();
        System.out.printf("SIMILARITY all-MiniLM-L6-v2, %d examples: %d of %d tickets sorted right (accuracy %.0f%%)%n",
                EXAMPLES.size(), right, TICKETS.size(), accuracy * 100);
        assertThat(accuracy).as("a few examples per category sort most tickets right").isGreaterThanOrEqualTo(0.75);
        assertThat(NodeTestKit.json(result, "AI", 0).get(0).get("similarity").toString()).contains("score=");
    }
}
