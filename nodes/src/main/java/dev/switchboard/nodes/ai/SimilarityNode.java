package dev.switchboard.nodes.ai;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.store.embedding.CosineSimilarity;
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
 * Classifies by examples (or finds the nearest example) with the all-MiniLM-L6-v2 embedding model that ships
 * inside its jar: offline, no credential. Classify: one output per category (in the order they first appear
 * among the examples), then "no match" for a text whose nearest example is less similar than
 * {@code minSimilarity}. Nearest: one output. The item gets {@code similarity: {category, example, score}}.
 */
public final class SimilarityNode implements NodeType {

    private static final NodeDescriptor DESCRIPTOR = NodeDescriptor.builder("similarity", "Similarity", NodeCategory.AI)
            .description("Sorts text by how much it resembles your examples, with an embedding model that runs on the server.")
            .noN8nAlias()
            .parameters(
                    ParameterSpec.required("text", "Text", ParameterType.STRING),
                    ParameterSpec.options("mode", "Mode", "classify", "classify", "nearest")
                            .help("classify: an output per category of the examples; nearest: the nearest example on one output."),
                    ParameterSpec.of("examples", "Examples", ParameterType.FIXED_COLLECTION, Map.of())
                            .rows("examples", "category", "text")
                            .help("Texts that belong to each category (a few per category is enough)."),
                    ParameterSpec.of("minSimilarity", "Minimum similarity", ParameterType.NUMBER, 0.3)
                            .help("From 0 to 1 (cosine); a text less similar to every example goes to \"no match\" (the node's review output)."),
                    QualityGate.REVIEW_SAMPLE)
            .build();

    /** The model loads once (about 3 s) and is shared; it is thread-safe. */
    private static final class Model {
        static final EmbeddingModel INSTANCE = new AllMiniLmL6V2EmbeddingModel();
    }

    @Override
    public NodeDescriptor descriptor() {
        return DESCRIPTOR;
    }

    record Example(String category, String text) {
    }

    static List<Example> examples(Object value) {
        List<Example> out = new ArrayList<>();
        if (value instanceof Map<?, ?> m && m.get("examples") instanceof List<?> rows) {
            for (Object row : rows) {
                if (row instanceof Map<?, ?> r && r.get("text") != null && !String.valueOf(r.get("text")).isBlank()) {
                    out.add(new Example(r.get("category") == null ? "" : String.valueOf(r.get("category")).strip(),
                            String.valueOf(r.get("text"))));
                }
            }
        }
        return out;
    }

    static List<String> categories(List<Example> examples) {
        List<String> out = new ArrayList<>();
        for (Example e : examples) {
            if (!out.contains(e.category())) {
                out.add(e.category());
            }
        }
        return out;
    }

    @Override
    public int outputCount(double version, Map<String, Object> parameters) {
        if ("nearest".equals(parameters.get("mode"))) {
            return 1;
        }
        return categories(examples(parameters.get("examples"))).size() + 1;
    }

    @Override
    public List<String> outputLabels(double version, Map<String, Object> parameters) {
        if ("nearest".equals(parameters.get("mode"))) {
            return List.of("nearest");
        }
        List<String> labels = new ArrayList<>(categories(examples(parameters.get("examples"))));
        labels.add("no match");
        return labels;
    }

    @Override
    public NodeResult execute(NodeContext context) {
        List<Example> examples = examples(context.rawParameter("examples"));
        if (examples.isEmpty()) {
            throw new NodeException("Parameter \"examples\": give at least one example text");
        }
        boolean nearest = "nearest".equals(context.string("mode", 0, "classify"));
        List<String> categories = categories(examples);
        List<Embedding> exampleVectors = Model.INSTANCE.embedAll(examples.stream().map(e -> TextSegment.from(e.text())).toList())
                .content();
        List<List<Item>> outputs = new ArrayList<>();
        for (int o = 0; o < (nearest ? 1 : categories.size() + 1); o++) {
            outputs.add(new ArrayList<>());
        }
        List<Item> items = context.items();
        for (int i = 0; i < items.size(); i++) {
            String text = context.string("text", i, "");
            Embedding vector = Model.INSTANCE.embed(text.isBlank() ? " " : text).content();
            int best = 0;
            double bestScore = -1;
            for (int e = 0; e < exampleVectors.size(); e++) {
                double score = CosineSimilarity.between(vector, exampleVectors.get(e));
                if (score > bestScore) {
                    bestScore = score;
                    best = e;
                }
            }
            Example match = examples.get(best);
            Map<String, Object> json = new LinkedHashMap<>(items.get(i).json());
            json.put("similarity", Map.of("category", match.category(), "example", match.text(),
                    "score", Math.round(bestScore * 1000) / 1000.0));
            Item out = Item.of(json, i);
            if (nearest) {
                outputs.get(0).add(out);
            } else if (bestScore < context.number("minSimilarity", i, 0.3)) {
                outputs.get(categories.size()).add(out);
            } else {
                outputs.get(categories.indexOf(match.category())).add(out);
                QualityGate.sample(context, i, text, Map.of("category", match.category()), bestScore);
            }
        }
        return NodeResult.of(outputs, true);
    }
}
