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
 * Pulls fields out of text with a chat model: the fields to extract (name, type, description, required), or a
 * JSON schema; the model's answer is checked against them, and when it is not valid the model is asked again
 * with what was wrong ({@code retries} times). Items whose answer stays invalid go to the second output,
 * "invalid", with the reason; the others get {@code extracted} on the first, or on the third, "review", when
 * the model's confidence is below the review threshold.
 */
public final class AiExtractNode implements NodeType {

    static final List<String> TYPES = List.of("string", "number", "boolean", "date", "array", "object");

    private static final NodeDescriptor DESCRIPTOR = NodeDescriptor.builder("aiExtract", "AI Extract", NodeCategory.AI)
            .description("Pulls the fields you name out of text (e-mails, tickets, documents) and checks them.")
            .noN8nAlias()
            .outputs("extracted", "invalid", "review")
            .credentialTypes(ChatModels.TYPES)
            .parameters(
                    ParameterSpec.required("text", "Text", ParameterType.STRING),
                    ParameterSpec.options("schemaType", "Describe the data by", "fields", "fields", "jsonSchema")
                            .help("fields: a row per field; jsonSchema: a JSON schema (type, properties, required, items, enum, ...)."),
                    ParameterSpec.of("fields", "Fields", ParameterType.FIXED_COLLECTION, Map.of())
                            .rows("fields", "name", "type", "description", "required")
                            .help("type: string, number, boolean, date, array or object; required: true or false.")
                            .showWhen("schemaType", "fields"),
                    ParameterSpec.of("jsonSchema", "JSON schema", ParameterType.JSON,
                                    "{\n  \"type\": \"object\",\n  \"properties\": {\n    \"name\": {\"type\": \"string\"}\n  },\n  \"required\": [\"name\"]\n}")
                            .help("The answer must fit it; \"description\" of each property tells the model what to look for.")
                            .showWhen("schemaType", "jsonSchema"),
                    ChatModels.REDACT,
                    ChatModels.MODEL,
                    ParameterSpec.of("retries", "Retries after an invalid answer", ParameterType.NUMBER, 2L),
                    ParameterSpec.of("resultField", "Put the data in", ParameterType.STRING, "extracted")
                            .help("The item's field that gets the extracted data (n8n's Information Extractor uses output)."),
                    QualityGate.REVIEW_BELOW, QualityGate.REVIEW_SAMPLE)
            .build();

    @Override
    public NodeDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /** A field to extract. */
    record Field(String name, String type, String description, boolean required) {
    }

    static List<Field> fields(Object value) {
        List<Field> out = new ArrayList<>();
        if (value instanceof Map<?, ?> m && m.get("fields") instanceof List<?> rows) {
            for (Object row : rows) {
                if (row instanceof Map<?, ?> r && r.get("name") != null && !String.valueOf(r.get("name")).isBlank()) {
                    String type = r.get("type") == null || String.valueOf(r.get("type")).isBlank() ? "string"
                            : String.valueOf(r.get("type")).strip();
                    if (!TYPES.contains(type)) {
                        throw new NodeException("Parameter \"fields\": field \"" + r.get("name") + "\" has type \"" + type
                                + "\"; use " + String.join(", ", TYPES));
                    }
                    out.add(new Field(String.valueOf(r.get("name")).strip(), type,
                            r.get("description") == null ? "" : String.valueOf(r.get("description")),
                            "true".equalsIgnoreCase(String.valueOf(r.get("required")))));
                }
            }
        }
        return out;
    }

    /** What the answer must fit: the rows of fields, or a JSON schema. */
    private interface Shape {
        String describe();

        /** What is wrong with an answer, or null when it fits. */
        String problem(Object answer);
    }

    private static Shape shape(NodeContext context) {
        if ("jsonSchema".equals(context.rawParameter("schemaType"))) {
            Object raw = context.parameter("jsonSchema", 0);
            Object schema;
            try {
                schema = raw instanceof String text ? Json.parse(text) : raw;
            } catch (RuntimeException e) {
                throw new NodeException("Parameter \"jsonSchema\": not JSON (" + e.getMessage() + ")");
            }
            String problem = JsonSchemaCheck.schemaProblem(schema);
            if (problem != null) {
                throw new NodeException("Parameter \"jsonSchema\": " + problem);
            }
            Map<?, ?> s = (Map<?, ?>) schema;
            return new Shape() {
                @Override
                public String describe() {
                    return "Extract data from the user's text as JSON that fits this JSON schema:\n" + Json.write(s)
                            + "\nAnswer with the JSON only; leave out (or set to null) what the text does not give.";
                }

                @Override
                public String problem(Object answer) {
                    List<String> problems = JsonSchemaCheck.problems(answer, s);
                    return problems.isEmpty() ? null : String.join("; ", problems);
                }
            };
        }
        List<Field> fields = fields(context.rawParameter("fields"));
        if (fields.isEmpty()) {
            throw new NodeException("Parameter \"fields\": name at least one field to extract");
        }
        return new Shape() {
            @Override
            public String describe() {
                StringBuilder system = new StringBuilder("Extract these fields from the user's text:\n");
                for (Field f : fields) {
                    system.append("- ").append(f.name()).append(" (").append(f.type())
                            .append(f.required() ? ", required" : ", optional").append(")")
                            .append(f.description().isBlank() ? "" : ": " + f.description()).append('\n');
                }
                return system.append("Answer with one JSON object only, with these fields; use null for an optional "
                        + "field the text does not give.").toString();
            }

            @Override
            public String problem(Object answer) {
                return check(answer, fields);
            }
        };
    }

    private static final String CONFIDENCE_FIELD = "_confidence";

    @Override
    public NodeResult execute(NodeContext context) {
        Shape shape = shape(context);
        List<Item> ok = new ArrayList<>();
        List<Item> invalid = new ArrayList<>();
        List<Item> review = new ArrayList<>();
        List<Item> items = context.items();
        for (int i = 0; i < items.size(); i++) {
            int retries = (int) Math.max(0, context.number("retries", i, 2));
            boolean rate = QualityGate.threshold(context, i) > 0;
            String system = shape.describe() + (rate ? "\nAlso give \"" + CONFIDENCE_FIELD + "\": a number from 0 to 1, "
                    + "how sure you are that every value is right (as a top-level field of the JSON object)." : "");
            String text = context.string("text", i, "");
            String prompt = text;
            String problem = null;
            Object extracted = null;
            Double confidence = null;
            Map<String, Object> tokens = new LinkedHashMap<>(Map.of("inputTokens", 0, "outputTokens", 0));
            for (int attempt = 0; attempt <= retries; attempt++) {
                ChatModels.Reply reply = ChatModels.ask(context, context.string("model", i, ""), 0.0, system, prompt, i);
                tokens.merge("inputTokens", reply.inputTokens() == null ? 0 : reply.inputTokens(), (a, b) -> (Integer) a + (Integer) b);
                tokens.merge("outputTokens", reply.outputTokens() == null ? 0 : reply.outputTokens(), (a, b) -> (Integer) a + (Integer) b);
                Object parsed = parse(reply.text());
                if (parsed instanceof Map<?, ?> m && m.containsKey(CONFIDENCE_FIELD)) {
                    Map<String, Object> copy = new LinkedHashMap<>();
                    m.forEach((k, v) -> copy.put(String.valueOf(k), v));
                    Object c = copy.remove(CONFIDENCE_FIELD);
                    confidence = QualityGate.confidence(Map.of("confidence", c == null ? "" : c));
                    parsed = copy;
                }
                problem = shape.problem(parsed);
                if (problem == null) {
                    extracted = parsed;
                    break;
                }
                context.log().info("answer " + (attempt + 1) + " was not valid: " + problem);
                prompt = text + "\n\nYour previous answer was not valid: " + problem + ". Answer again with the JSON only.";
            }
            Map<String, Object> json = new LinkedHashMap<>(items.get(i).json());
            json.put("tokens", tokens);
            if (extracted == null && problem != null) {
                json.put("error", "the model's answer stayed invalid after " + (retries + 1) + " tries: " + problem);
                invalid.add(Item.of(json, i));
                continue;
            }
            json.put(context.string("resultField", i, "extracted"), extracted);
            if (rate) {
                json.put("confidence", confidence);
            }
            Item out = Item.of(json, i);
            if (QualityGate.needsReview(context, i, rate ? confidence : Double.valueOf(1))) {
                review.add(out);
            } else {
                ok.add(out);
                QualityGate.sample(context, i, text, Map.of("extracted", extracted), confidence);
            }
        }
        return NodeResult.outputs(ok, invalid, review);
    }

    static Object parse(String answer) {
        String text = answer == null ? "" : answer;
        int start = text.indexOf('{');
        int end = text.lastIndexOf('}');
        if (start < 0 || end < start) {
            return null;
        }
        try {
            return Json.parse(text.substring(start, end + 1));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** What is wrong with an answer, or null when it has every required field in its type. */
    static String check(Object answer, List<Field> fields) {
        if (!(answer instanceof Map<?, ?> m)) {
            return "it is not a JSON object";
        }
        List<String> problems = new ArrayList<>();
        for (Field f : fields) {
            Object v = m.get(f.name());
            if (v == null) {
                if (f.required()) {
                    problems.add("\"" + f.name() + "\" is required but missing");
                }
                continue;
            }
            boolean fits = switch (f.type()) {
                case "number" -> v instanceof Number;
                case "boolean" -> v instanceof Boolean;
                case "array" -> v instanceof List<?>;
                case "object" -> v instanceof Map<?, ?>;
                case "date" -> v instanceof String s && s.matches("\\d{4}-\\d{2}-\\d{2}.*");
                default -> v instanceof String;
            };
            if (!fits) {
                problems.add("\"" + f.name() + "\" must be a " + f.type() + (f.type().equals("date") ? " (YYYY-MM-DD)" : "")
                        + ", not " + Json.write(v));
            }
        }
        return problems.isEmpty() ? null : String.join("; ", problems);
    }
}
