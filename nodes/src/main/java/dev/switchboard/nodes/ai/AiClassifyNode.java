package dev.switchboard.nodes.ai;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.switchboard.platform.json.Json;
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
 * Sorts each item's text into categories with a chat model: one output per category, in their order, then
 * "low confidence" for answers below {@code minConfidence} (or that name no known category). The item gets
 * {@code classification: {categories, confidence}} and the tokens used.
 */
public final class AiClassifyNode implements NodeType {

    private static final NodeDescriptor DESCRIPTOR = NodeDescriptor.builder("aiClassify", "AI Classify", NodeCategory.AI)
            .description("Sorts text into categories you describe; unsure answers go to a low-confidence output.")
            .noN8nAlias()
            .credentialTypes(ChatModels.TYPES)
            .parameters(
                    ParameterSpec.required("text", "Text", ParameterType.STRING)
                            .help("What to classify, e.g. {{ $json.subject }} {{ $json.body }}"),
                    ParameterSpec.of("categories", "Categories", ParameterType.FIXED_COLLECTION, Map.of())
                            .rows("categories", "category", "description")
                            .help("Each category's name and what belongs in it; one output each, in this order."),
                    ChatModels.REDACT,
                    ChatModels.MODEL,
                    ParameterSpec.of("multiClass", "Several categories may apply", ParameterType.BOOLEAN, false),
                    ParameterSpec.of("minConfidence", "Minimum confidence", ParameterType.NUMBER, 0.5)
                            .help("From 0 to 1; an answer below it goes to the last output, low confidence (the node's review output)."),
                    QualityGate.REVIEW_SAMPLE)
            .build();

    @Override
    public NodeDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public int outputCount(double version, Map<String, Object> parameters) {
        return categories(parameters.get("categories")).size() + 1;
    }

    @Override
    public List<String> outputLabels(double version, Map<String, Object> parameters) {
        List<String> labels = new ArrayList<>(categories(parameters.get("categories")).stream().map(c -> c.get("category")).toList());
        labels.add("low confidence");
        return labels;
    }

    /** The categories as declared: name and description, in order. */
    static List<Map<String, String>> categories(Object value) {
        List<Map<String, String>> out = new ArrayList<>();
        if (value instanceof Map<?, ?> m && m.get("categories") instanceof List<?> rows) {
            for (Object row : rows) {
                if (row instanceof Map<?, ?> r && r.get("category") != null && !String.valueOf(r.get("category")).isBlank()) {
                    out.add(Map.of("category", String.valueOf(r.get("category")).strip(), "description",
                            r.get("description") == null ? "" : String.valueOf(r.get("description"))));
                }
            }
        }
        return out;
    }

    @Override
    public NodeResult execute(NodeContext context) {
        List<Map<String, String>> categories = categories(context.rawParameter("categories"));
        if (categories.isEmpty()) {
            throw new NodeException("Parameter \"categories\": give at least one category to sort into");
        }
        List<String> names = categories.stream().map(c -> c.get("category")).toList();
        List<List<Item>> outputs = new ArrayList<>();
        for (int o = 0; o <= categories.size(); o++) {
            outputs.add(new ArrayList<>());
        }
        List<Item> items = context.items();
        for (int i = 0; i < items.size(); i++) {
            boolean multi = context.bool("multiClass", i, false);
            double minConfidence = context.number("minConfidence", i, 0.5);
            StringBuilder system = new StringBuilder("You sort texts into categories. The categories:\n");
            categories.forEach(c -> system.append("- ").append(c.get("category"))
                    .append(c.get("description").isBlank() ? "" : ": " + c.get("description")).append('\n'));
            system.append(multi ? "Give every category that applies." : "Give exactly one category.")
                    .append(" Answer with JSON only: {\"categories\": [\"<category>\"], \"confidence\": <a number from 0 to 1>}.");
            ChatModels.Reply reply = ChatModels.ask(context, context.string("model", i, ""), 0.0, system.toString(),
                    context.string("text", i, ""), i);
            Verdict verdict = Verdict.read(reply.text(), names);
            List<String> chosen = multi ? verdict.categories()
                    : verdict.categories().isEmpty() ? List.of() : List.of(verdict.categories().get(0));
            Map<String, Object> json = new LinkedHashMap<>(items.get(i).json());
            json.put("classification", Map.of("categories", chosen, "confidence", verdict.confidence()));
            json.put("tokens", reply.usage());
            Item out = Item.of(json, i);
            if (chosen.isEmpty() || verdict.confidence() < minConfidence) {
                outputs.get(categories.size()).add(out);
            } else {
                QualityGate.sample(context, i, context.string("text", i, ""), Map.of("categories", chosen),
                        verdict.confidence());
                for (String c : chosen) {
                    outputs.get(names.indexOf(c)).add(out);
                }
            }
        }
        return NodeResult.of(outputs, true);
    }

    /** The model's answer: the known categories it named, and its confidence (0 when it gave none). */
    record Verdict(List<String> categories, double confidence) {
        static Verdict read(String answer, List<String> known) {
            String text = answer == null ? "" : answer;
            int start = text.indexOf('{');
            int end = text.lastIndexOf('}');
            if (start < 0 || end < start) {
                return new Verdict(List.of(), 0);
            }
            Object parsed;
            try {
                parsed = Json.parse(text.substring(start, end + 1));
            } catch (RuntimeException e) {
                return new Verdict(List.of(), 0);
            }
            if (!(parsed instanceof Map<?, ?> m)) {
                return new Verdict(List.of(), 0);
            }
            List<String> named = new ArrayList<>();
            Object cats = m.get("categories") != null ? m.get("categories") : m.get("category");
            for (Object c : cats instanceof List<?> l ? l : cats == null ? List.of() : List.of(cats)) {
                for (String k : known) {
                    if (k.equalsIgnoreCase(String.valueOf(c).strip()) && !named.contains(k)) {
                        named.add(k);
                    }
                }
            }
            double confidence = m.get("confidence") instanceof Number n ? Math.max(0, Math.min(1, n.doubleValue())) : 0;
            return new Verdict(named, confidence);
        }
    }
}
