package dev.switchboard.nodes.flow;

import java.util.List;
import java.util.Map;

import dev.switchboard.platform.json.JsValues;
import dev.switchboard.platform.node.NodeContext;
import dev.switchboard.platform.node.NodeException;

/** Reading collection-shaped parameters (options, fixed collections) in the flow nodes. */
final class NodeParams {

    private NodeParams() {
    }

    /** A collection parameter resolved for item 0, or an empty map. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> map(NodeContext context, String name) {
        Object v = context.parameter(name, 0);
        return v instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object v = parent.get(key);
        return v instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    static boolean bool(Map<String, Object> parent, String key) {
        Object v = parent.get(key);
        return v instanceof Boolean b ? b : v instanceof String s && Boolean.parseBoolean(s.trim());
    }

    static String string(Map<String, Object> parent, String key, String fallback) {
        Object v = parent.get(key);
        return v == null ? fallback : v instanceof String s ? s : JsValues.string(v);
    }

    /** Merge's clash handling: {@code options.clashHandling.values}. */
    static Map<String, Object> clash(Map<String, Object> options) {
        return map(map(options, "clashHandling"), "values");
    }

    /** A whole number parameter that must be at least {@code min}. */
    static int integer(NodeContext context, String name, int fallback, int min) {
        double d = context.number(name, 0, fallback);
        if (Double.isNaN(d) || d < min) {
            throw new NodeException("Parameter \"" + name + "\" must be at least " + min + " but is "
                    + JsValues.string(d));
        }
        return (int) Math.floor(d);
    }

    static List<?> list(Object v) {
        return v instanceof List<?> l ? l : List.of();
    }
}
