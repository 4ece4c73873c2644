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
 * Pulls fields out of text with a chat model: the fields to extract (name, type, description, required); the
 * model's answer is checked against them, and when it is not valid the model is asked again with what was
 * wrong ({@code retries} times). Items whose answer stays invalid go to the second output, "invalid", with
 * the reason; the others get {@code extracted} on the first.
 */
public final class AiExtractNode implements NodeType {

    static final List<String> TYPES = List.of("string", "number", "boolean", "date", "array", "object");

    private static final NodeDescriptor DESCRIPTOR = NodeDescriptor.builder("aiExtract", "AI Extract", NodeCategory.AI)
            .description("Pulls the fields you name out of text (e-mails, tickets, documents) and checks them.")
            .noN8nAlias()
            .outputs("extracted", "invalid")
            .credentialTypes(ChatModels.OPENAI, ChatModels.ANTHROPIC)
            .parameters(
                    ParameterSpec.required("text", "Text", ParameterType.STRING),
                    ParameterSpec.of("fields", "Fields", ParameterType.FIXED_COLLECTION, Map.of())
                            .rows("fields", "name", "type", "description", "required")
                            .help("type: string, number, boolean, date, array or object; required: true or false."),
                    ChatModels.REDACT,
                    ParameterSpec.of("model", "Model", ParameterType.STRING, ""),
                    ParameterSpec.of("retries", "Retries after an invalid answer", ParameterType.NUMBER, 2L))
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

    @Override
    public NodeResult execute(NodeContext context) {
        List<Field> fields = fields(context.rawParameter("fields"));
        if (fields.isEmpty()) {
            throw new NodeException("Parameter \"fields\": name at least one field to extract");
        }
        StringBuilder system = new StringBuilder("Extract these fields from the user's text:\n");
        for (Field f : fields) {
            system.append("- ").append(f.name()).append(" (").append(f.type()).append(f.required() ? ", required" : ", optional")
                    .append(")").append(f.description().isBlank() ? "" : ": " + f.description()).append('\n');
        }
        system.append("Answer with one JSON object only, with these fields; use null for an optional field the text does not give.");
        List<Item> ok = new ArrayList<>();
        List<Item> invalid = new ArrayList<>();
        List<Item> items = context.items();
        for (int i = 0; i < items.size(); i++) {
            int retries = (int) Math.max(0, context.number("retries", i, 2));
            String text = context.string("text", i, "");
            String prompt = text;
            String problem = null;
            Map<String, Object> extracted = null;
            Map<String, Object> tokens = new LinkedHashMap<>(Map.of("inputTokens", 0, "outputTokens", 0));
            for (int attempt = 0; attempt <= retries; attempt++) {
                ChatModels.Reply reply = ChatModels.ask(context, context.string("model", i, ""), 0.0, system.toString(), prompt, i);
                tokens.merge("inputTokens", reply.inputTokens() == null ? 0 : reply.inputTokens(), (a, b) -> (Integer) a + (Integer) b);
                tokens.merge("outputTokens", reply.outputTokens() == null ? 0 : reply.outputTokens(), (a, b) -> (Integer) a + (Integer) b);
                Object parsed = parse(reply.text());
                problem = check(parsed, fields);
                if (problem == null) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> m = (Map<String, Object>) parsed;
                    extracted = m;
                    break;
                }
                context.log().info("answer " + (attempt + 1) + " was not valid: " + problem);
                prompt = text + "\n\nYour previous answer was not valid: " + problem + ". Answer again with the JSON object only.";
            }
            Map<String, Object> json = new LinkedHashMap<>(items.get(i).json());
            json.put("tokens", tokens);
            if (extracted != null) {
                json.put("extracted", extracted);
                ok.add(Item.of(json, i));
            } else {
                json.put("error", "the model's answer stayed invalid after " + (retries + 1) + " tries: " + problem);
                invalid.add(Item.of(json, i));
            }
        }
        return NodeResult.outputs(ok, invalid);
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
