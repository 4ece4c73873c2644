package dev.switchboard.nodes.flow;

import java.util.Map;

import dev.switchboard.platform.json.Json;
import dev.switchboard.platform.node.NodeCategory;
import dev.switchboard.platform.node.NodeContext;
import dev.switchboard.platform.node.NodeDescriptor;
import dev.switchboard.platform.node.NodeException;
import dev.switchboard.platform.node.NodeResult;
import dev.switchboard.platform.node.NodeType;
import dev.switchboard.platform.node.ParameterSpec;
import dev.switchboard.platform.node.ParameterType;

/** Stops the run with an error: a message, or an object whose message and description it reports. */
public final class StopAndErrorNode implements NodeType {

    private static final NodeDescriptor DESCRIPTOR = NodeDescriptor.builder("stopAndError", "Stop and Error",
                    NodeCategory.FLOW)
            .description("Fails the run here with the error you describe, so that error handling takes over.")
            .outputs()
            .parameters(
                    ParameterSpec.options("errorType", "Error type", "errorMessage", "errorMessage", "errorObject")
                            .help("A plain message, or a JSON object with message, description and other fields."),
                    ParameterSpec.of("errorMessage", "Error message", ParameterType.STRING, "")
                            .help("The message the run fails with.").showWhen("errorType", "errorMessage"),
                    ParameterSpec.of("errorObject", "Error object", ParameterType.JSON, "")
                            .help("A JSON object; its message (else description, else error) is reported.")
                            .showWhen("errorType", "errorObject"))
            .build();

    @Override
    public NodeDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public NodeResult execute(NodeContext context) {
        String type = context.string("errorType", 0, "errorMessage");
        if (!"errorObject".equals(type)) {
            throw new NodeException(context.string("errorMessage", 0, ""));
        }
        Map<String, Object> error = errorObject(context.parameter("errorObject", 0));
        String message = firstText(error, "message", "description", "error");
        if (message == null) {
            message = "Error: " + Json.write(error);
        }
        Object description = error.get("description");
        throw new NodeException(message, -1,
                description instanceof String d && !d.isEmpty() ? d : null, null);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> errorObject(Object value) {
        if (value instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        String text = value == null ? "" : String.valueOf(value);
        try {
            return Json.parseObject(text.isBlank() ? "{}" : text);
        } catch (RuntimeException e) {
            throw new NodeException("Parameter \"errorObject\": not a JSON object (" + e.getMessage() + ")");
        }
    }

    private static String firstText(Map<String, Object> error, String... keys) {
        for (String key : keys) {
            if (error.get(key) instanceof String s && !s.isEmpty()) {
                return s;
            }
        }
        return null;
    }
}
