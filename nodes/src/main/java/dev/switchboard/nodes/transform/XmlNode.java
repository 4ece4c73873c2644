package dev.switchboard.nodes.transform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.switchboard.nodes.support.ItemLoop;
import dev.switchboard.platform.json.JsValues;
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
 * Converts between JSON and XML with n8n's conventions. JSON to XML turns each item into one XML
 * string in the field {@code dataPropertyName}; XML to JSON parses the text in that field and the
 * parsed document becomes the item.
 */
public final class XmlNode implements NodeType {

    private static final NodeDescriptor DESCRIPTOR = NodeDescriptor.builder("xml", "XML", NodeCategory.TRANSFORM)
            .description("Converts items to XML text, or XML text to items.")
            .parameters(
                    ParameterSpec.options("mode", "Mode", "xmlToJson", "jsonToxml", "xmlToJson")
                            .help("JSON to XML writes each item as XML; XML to JSON parses XML text into an item."),
                    ParameterSpec.of("dataPropertyName", "Property name", ParameterType.STRING, "data")
                            .help("The field that receives the XML (JSON to XML) or holds the XML to parse (XML to JSON)."),
                    ParameterSpec.of("options", "Options", ParameterType.COLLECTION, Map.of())
                            .help("JSON to XML: attrkey, charkey, rootName, headless, cdata, allowSurrogateChars. "
                                    + "XML to JSON: attrkey, charkey, explicitArray, explicitRoot, ignoreAttrs, "
                                    + "mergeAttrs, normalize, normalizeTags, trim."))
            .build();

    @Override
    public NodeDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public NodeResult execute(NodeContext context) {
        String mode = context.string("mode", 0, "xmlToJson");
        String property = context.string("dataPropertyName", 0, "data");
        Map<String, Object> options = options(context);
        return NodeResult.of(ItemLoop.mapEach(context, (item, i) -> {
            Map<String, Object> json = switch (mode) {
                case "jsonToxml" -> toXml(item.json(), property, options, i);
                case "xmlToJson" -> toJson(item.json(), property, options, i);
                default -> throw new NodeException("Parameter \"mode\": unknown value \"" + mode + "\"", i);
            };
            return List.of(Item.of(json, i));
        }));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> options(NodeContext context) {
        Object value = context.parameter("options", 0);
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static Map<String, Object> toXml(Map<String, Object> json, String property, Map<String, Object> o, int item) {
        var options = new XmlWriter.Options(text(o, "attrkey", "$"), text(o, "charkey", "_"),
                text(o, "rootName", XmlWriter.DEFAULT_ROOT), flag(o, "headless", false), flag(o, "cdata", false),
                flag(o, "allowSurrogateChars", false));
        String xml;
        try {
            xml = new XmlWriter(options).write(json);
        } catch (IllegalArgumentException e) {
            throw new NodeException("Cannot write the item as XML: " + e.getMessage(), item);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(property, xml);
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> toJson(Map<String, Object> json, String property, Map<String, Object> o, int item) {
        if (!json.containsKey(property)) {
            throw new NodeException("Parameter \"dataPropertyName\": field \"" + property + "\" not found [item " + item + "]",
                    item);
        }
        Object value = json.get(property);
        if (value instanceof Map || value instanceof List) {
            throw new NodeException("Parameter \"dataPropertyName\": field \"" + property + "\" holds "
                    + Json.typeName(value) + ", not XML text [item " + item + "]", item);
        }
        var options = new XmlReader.Options(text(o, "attrkey", "$"), text(o, "charkey", "_"),
                flag(o, "explicitArray", false), flag(o, "explicitRoot", true), flag(o, "ignoreAttrs", false),
                flag(o, "mergeAttrs", true), flag(o, "normalize", false), flag(o, "normalizeTags", false),
                flag(o, "trim", false), flag(o, "explicitCharkey", false), o.get("emptyTag"));
        Object parsed;
        try {
            parsed = new XmlReader(options).read(JsValues.string(value));
        } catch (IllegalArgumentException e) {
            throw new NodeException("Field \"" + property + "\" is not valid XML: " + e.getMessage() + " [item " + item + "]",
                    item);
        }
        if (parsed instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        if (parsed != null) {
            out.put(property, parsed);
        }
        return out;
    }

    private static String text(Map<String, Object> options, String key, String fallback) {
        Object v = options.get(key);
        return v == null || "".equals(v) ? fallback : JsValues.string(v);
    }

    private static boolean flag(Map<String, Object> options, String key, boolean fallback) {
        Object v = options.get(key);
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof String s && !s.isEmpty()) {
            return Boolean.parseBoolean(s);
        }
        return fallback;
    }

    /** It computes its output from its input and parameters, and touches nothing outside the run. */
    @Override
    public boolean onlyComputes(double version, java.util.Map<String, Object> parameters) {
        return true;
    }
}
