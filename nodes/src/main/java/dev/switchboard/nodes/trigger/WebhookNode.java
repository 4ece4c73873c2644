package dev.switchboard.nodes.trigger;

import java.util.List;

import dev.switchboard.platform.node.NodeCategory;
import dev.switchboard.platform.node.NodeContext;
import dev.switchboard.platform.node.NodeDescriptor;
import dev.switchboard.platform.node.NodeResult;
import dev.switchboard.platform.node.NodeType;
import dev.switchboard.platform.node.ParameterSpec;
import dev.switchboard.platform.node.ParameterType;

/**
 * Starts a run when an HTTP request arrives at its path. The server turns the request into one item
 * ({@code headers}, {@code params}, {@code query}, {@code body}); the node outputs it.
 */
public final class WebhookNode implements NodeType {

    private static final NodeDescriptor DESCRIPTOR = NodeDescriptor.builder("webhook", "Webhook", NodeCategory.TRIGGER)
            .versions(1.0, 1.1, 2.0, 2.1)
            .description("Starts the workflow when a request arrives at /webhook/{path}.")
            .credentials("httpBasicAuth", "httpHeaderAuth")
            .parameters(
                    ParameterSpec.options("httpMethod", "HTTP method", "GET", "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"),
                    ParameterSpec.required("path", "Path", ParameterType.STRING)
                            .help("The URL path after /webhook/ (test runs use /webhook-test/)."),
                    ParameterSpec.options("authentication", "Authentication", "none", "none", "basicAuth", "headerAuth"),
                    ParameterSpec.options("responseMode", "Respond", "onReceived", "onReceived", "lastNode", "responseNode"),
                    ParameterSpec.of("responseCode", "Response code", ParameterType.NUMBER, 200),
                    ParameterSpec.of("options", "Options", ParameterType.COLLECTION, java.util.Map.of()))
            .build();

    @Override
    public NodeDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public NodeResult execute(NodeContext context) {
        return NodeResult.of(List.copyOf(context.items()));
    }

    /** It computes its output from its input and parameters, and touches nothing outside the run. */
    @Override
    public boolean onlyComputes(double version, java.util.Map<String, Object> parameters) {
        return true;
    }
}
