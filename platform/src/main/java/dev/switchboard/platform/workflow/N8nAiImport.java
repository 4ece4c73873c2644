package dev.switchboard.platform.workflow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.switchboard.platform.json.Json;

/**
 * Loads n8n's AI chains as Switchboard's AI nodes. In n8n a chain (text classifier, information extractor,
 * basic LLM chain, summarization chain, sentiment analysis) takes its model from a chat model sub-node
 * (OpenAI, Anthropic, Ollama) connected on {@code ai_languageModel}. Here the chain becomes the matching
 * {@code switchboard.ai*} node with the sub-node's credential, model and temperature, and the sub-node goes
 * away. A chain without a model sub-node, or a sub-node of another kind, is left as it is (and the validator
 * names it).
 */
final class N8nAiImport {

    static final String LANGCHAIN = "@n8n/n8n-nodes-langchain.";
    private static final String LANGUAGE_MODEL = "ai_languageModel";
    private static final Set<String> CHAINS = Set.of("textClassifier", "informationExtractor", "chainLlm",
            "chainSummarization", "sentimentAnalysis");
    private static final Set<String> MODELS = Set.of("lmChatOpenAi", "lmChatAnthropic", "lmChatOllama", "lmOpenAi");

    private N8nAiImport() {
    }

    /** The workflow document with n8n's AI chains folded into Switchboard nodes; the same object when it has none. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> fold(Map<String, Object> doc) {
        if (!(doc.get("nodes") instanceof List<?> nodes) || !(doc.get("connections") instanceof Map<?, ?> connections)) {
            return doc;
        }
        Map<String, Map<String, Object>> byName = new LinkedHashMap<>();
        for (Object n : nodes) {
            if (n instanceof Map<?, ?> m && m.get("name") instanceof String name) {
                byName.put(name, (Map<String, Object>) m);
            }
        }
        Map<String, String> modelOf = new LinkedHashMap<>(); // chain -> model sub-node
        for (Map.Entry<?, ?> from : connections.entrySet()) {
            Map<String, Object> source = byName.get(String.valueOf(from.getKey()));
            if (source == null || !MODELS.contains(shortType(source)) || !(from.getValue() instanceof Map<?, ?> byType)
                    || !(byType.get(LANGUAGE_MODEL) instanceof List<?> outputs)) {
                continue;
            }
            for (Object output : outputs) {
                for (Object target : output instanceof List<?> l ? l : List.of()) {
                    if (target instanceof Map<?, ?> t && byName.get(String.valueOf(t.get("node"))) instanceof Map<String, Object> chain
                            && CHAINS.contains(shortType(chain))) {
                        modelOf.put(String.valueOf(t.get("node")), String.valueOf(from.getKey()));
                    }
                }
            }
        }
        if (modelOf.isEmpty()) {
            return doc;
        }
        Map<String, Object> out = new LinkedHashMap<>(doc);
        List<Object> newNodes = new ArrayList<>();
        Set<String> folded = new java.util.HashSet<>(modelOf.values());
        for (Object n : nodes) {
            if (n instanceof Map<?, ?> m && m.get("name") instanceof String name) {
                if (folded.contains(name)) {
                    continue;
                }
                if (modelOf.containsKey(name)) {
                    newNodes.add(convert((Map<String, Object>) m, byName.get(modelOf.get(name))));
                    continue;
                }
            }
            newNodes.add(n);
        }
        Map<String, Object> newConnections = new LinkedHashMap<>();
        connections.forEach((k, v) -> {
            if (!folded.contains(String.valueOf(k))) {
                newConnections.put(String.valueOf(k), v);
            }
        });
        out.put("nodes", newNodes);
        out.put("connections", newConnections);
        return out;
    }

    private static String shortType(Map<String, Object> node) {
        String type = String.valueOf(node.get("type"));
        return type.startsWith(LANGCHAIN) ? type.substring(LANGCHAIN.length()) : "";
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    /** The chain as a Switchboard node: its own fields kept, type and parameters translated, the model's added. */
    private static Map<String, Object> convert(Map<String, Object> chain, Map<String, Object> model) {
        Map<String, Object> node = new LinkedHashMap<>(chain);
        Map<String, Object> p = map(chain.get("parameters"));
        Map<String, Object> options = map(p.get("options"));
        Map<String, Object> params = new LinkedHashMap<>();
        String type = switch (shortType(chain)) {
            case "textClassifier" -> {
                params.put("text", p.getOrDefault("inputText", ""));
                params.put("categories", p.getOrDefault("categories", Map.of("categories", List.of())));
                params.put("multiClass", Boolean.TRUE.equals(options.get("multiClass")));
                // n8n routes every answer to a category (or drops it), so no confidence gate
                params.put("minConfidence", 0);
                yield "switchboard.aiClassify";
            }
            case "informationExtractor" -> {
                params.put("text", p.getOrDefault("text", ""));
                params.put("resultField", "output");
                String schemaType = String.valueOf(p.getOrDefault("schemaType", "fromAttributes"));
                if (schemaType.equals("fromAttributes")) {
                    List<Object> rows = new ArrayList<>();
                    for (Object a : map(p.get("attributes")).get("attributes") instanceof List<?> l ? l : List.of()) {
                        Map<String, Object> attr = map(a);
                        rows.add(Map.of("name", String.valueOf(attr.getOrDefault("name", "")),
                                "type", String.valueOf(attr.getOrDefault("type", "string")),
                                "description", String.valueOf(attr.getOrDefault("description", "")),
                                "required", Boolean.TRUE.equals(attr.get("required"))));
                    }
                    params.put("schemaType", "fields");
                    params.put("fields", Map.of("fields", rows));
                } else {
                    params.put("schemaType", "jsonSchema");
                    params.put("jsonSchema", schemaType.equals("manual") ? p.getOrDefault("inputSchema", "{}")
                            : Json.write(schemaOfExample(parseOrText(p.get("jsonSchemaExample")))));
                }
                yield "switchboard.aiExtract";
            }
            case "chainLlm" -> {
                Object prompt = "define".equals(p.get("promptType")) || p.containsKey("text")
                        ? p.getOrDefault("text", "") : p.getOrDefault("prompt", "={{ $json.chatInput }}");
                if (!"define".equals(p.get("promptType")) && p.containsKey("promptType")) {
                    prompt = "={{ $json.chatInput }}";
                }
                params.put("prompt", prompt);
                StringBuilder system = new StringBuilder();
                for (Object mv : map(p.get("messages")).get("messageValues") instanceof List<?> l ? l : List.of()) {
                    Map<String, Object> message = map(mv);
                    if ("SystemMessagePromptTemplate".equals(message.get("type")) || !message.containsKey("type")) {
                        system.append(system.isEmpty() ? "" : "\n").append(message.getOrDefault("message", ""));
                    }
                }
                params.put("systemPrompt", system.toString());
                yield "switchboard.aiChat";
            }
            case "chainSummarization" -> {
                params.put("text", "={{ JSON.stringify($json) }}");
                yield "switchboard.aiSummarize";
            }
            default -> { // sentimentAnalysis: an output per category, as in n8n
                params.put("text", p.getOrDefault("inputText", ""));
                String categories = String.valueOf(options.getOrDefault("categories", "Positive, Neutral, Negative"));
                List<Object> rows = new ArrayList<>();
                for (String c : categories.split(",")) {
                    if (!c.isBlank()) {
                        rows.add(Map.of("category", c.strip(), "description", "the text's sentiment is " + c.strip().toLowerCase()));
                    }
                }
                params.put("categories", Map.of("categories", rows));
                params.put("minConfidence", 0);
                yield "switchboard.aiClassify";
            }
        };
        Map<String, Object> mp = map(model.get("parameters"));
        Object modelName = mp.get("model");
        if (modelName instanceof Map<?, ?> locator) {
            modelName = locator.get("value");
        }
        if (modelName != null && !String.valueOf(modelName).isBlank()) {
            params.put("model", String.valueOf(modelName));
        }
        if (map(mp.get("options")).get("temperature") instanceof Number t && type.equals("switchboard.aiChat")) {
            params.put("temperature", t);
        }
        node.put("type", type);
        node.put("typeVersion", 1);
        node.put("parameters", params);
        Map<String, Object> credentials = new LinkedHashMap<>(map(chain.get("credentials")));
        credentials.putAll(map(model.get("credentials")));
        if (!credentials.isEmpty()) {
            node.put("credentials", credentials);
        }
        String notes = chain.get("notes") instanceof String s && !s.isBlank() ? s + "\n" : "";
        node.put("notes", notes + "Imported from n8n's " + shortType(chain) + " with the model of \"" + model.get("name") + "\".");
        return node;
    }

    private static Object parseOrText(Object value) {
        if (value instanceof String s) {
            try {
                return Json.parse(s);
            } catch (RuntimeException e) {
                return Map.of();
            }
        }
        return value;
    }

    /** A JSON schema for data shaped like the example (every field optional, as n8n does). */
    static Map<String, Object> schemaOfExample(Object example) {
        Map<String, Object> schema = new LinkedHashMap<>();
        if (example instanceof Map<?, ?> m) {
            schema.put("type", "object");
            Map<String, Object> props = new LinkedHashMap<>();
            m.forEach((k, v) -> props.put(String.valueOf(k), schemaOfExample(v)));
            schema.put("properties", props);
        } else if (example instanceof List<?> l) {
            schema.put("type", "array");
            if (!l.isEmpty()) {
                schema.put("items", schemaOfExample(l.get(0)));
            }
        } else if (example instanceof Number) {
            schema.put("type", "number");
        } else if (example instanceof Boolean) {
            schema.put("type", "boolean");
        } else {
            schema.put("type", "string");
        }
        return schema;
    }
}
