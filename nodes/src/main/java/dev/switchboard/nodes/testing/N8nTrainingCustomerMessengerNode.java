package dev.switchboard.nodes.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.switchboard.nodes.support.ItemLoop;
import dev.switchboard.platform.node.Item;
import dev.switchboard.platform.node.NodeCategory;
import dev.switchboard.platform.node.NodeContext;
import dev.switchboard.platform.node.NodeDescriptor;
import dev.switchboard.platform.node.NodeResult;
import dev.switchboard.platform.node.NodeType;
import dev.switchboard.platform.node.ParameterSpec;
import dev.switchboard.platform.node.ParameterType;

/**
 * n8n's training node "Customer Messenger": it pretends to send a message to a customer and
 * outputs what it would have sent. Nothing leaves the machine.
 */
public final class N8nTrainingCustomerMessengerNode implements NodeType {

    private static final NodeDescriptor DESCRIPTOR = NodeDescriptor.builder("n8nTrainingCustomerMessenger",
                    "Customer Messenger (training)", NodeCategory.TRANSFORM)
            .description("A training stand-in: reports the message it would send to a customer; sends nothing.")
            .parameters(
                    ParameterSpec.of("customerId", "Customer ID", ParameterType.STRING, "")
                            .help("The customer to address."),
                    ParameterSpec.of("message", "Message", ParameterType.STRING, "")
                            .help("The text that would be sent."))
            .build();

    @Override
    public NodeDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public NodeResult execute(NodeContext context) {
        return NodeResult.of(ItemLoop.mapEach(context, (item, i) -> {
            String customerId = context.string("customerId", i, "");
            String message = context.string("message", i, "");
            Map<String, Object> json = new LinkedHashMap<>();
            // Two spaces after the colon, as n8n's training node writes it.
            json.put("output", "Sent message to customer " + customerId + ":  " + message);
            return List.of(Item.of(json, i));
        }));
    }
}
