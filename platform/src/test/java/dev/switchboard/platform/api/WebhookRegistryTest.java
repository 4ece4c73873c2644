package dev.switchboard.platform.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.switchboard.platform.TestNodes;
import dev.switchboard.platform.node.NodeCategory;
import dev.switchboard.platform.node.NodeDescriptor;
import dev.switchboard.platform.node.NodeResult;
import dev.switchboard.platform.node.NodeType;
import dev.switchboard.platform.node.NodeTypes;

/** Which webhook workflows take no longer than their computing, so that a call may run them on its own thread. */
class WebhookRegistryTest {

    private static NodeType named(String name, NodeCategory category) {
        NodeDescriptor descriptor = NodeDescriptor.builder(name, name, category).build();
        return new NodeType() {
            @Override
            public NodeDescriptor descriptor() {
                return descriptor;
            }

            @Override
            public NodeResult execute(dev.switchboard.platform.node.NodeContext context) {
                return NodeResult.of(context.items());
            }
        };
    }

    private static final NodeTypes TYPES = NodeTypes.of(List.of(
            TestNodes.computing(named("webhook", NodeCategory.TRIGGER)), TestNodes.computing(TestNodes.SET),
            named("respondToWebhook", NodeCategory.CONNECTOR), named("httpRequest", NodeCategory.CONNECTOR)));

    private static boolean answersAtOnce(String thenType, boolean disabled) {
        return WebhookRegistry.answersAtOnce(TestNodes.workflow("""
                {'name': 'quote', 'nodes': [
                  {'name': 'Hook', 'type': 'switchboard.webhook', 'position': [0, 0], 'parameters': {'path': 'quote'}},
                  {'name': 'Total', 'type': 'switchboard.set', 'position': [200, 0], 'parameters': {'field': 'total', 'value': '3'}},
                  {'name': 'Then', 'type': 'switchboard.%s', 'position': [400, 0], 'parameters': {}, 'disabled': %s},
                  {'name': 'Answer', 'type': 'switchboard.respondToWebhook', 'position': [600, 0], 'parameters': {}}],
                 'connections': {'Hook': {'main': [[{'node': 'Total', 'type': 'main', 'index': 0}]]},
                                 'Total': {'main': [[{'node': 'Then', 'type': 'main', 'index': 0}]]},
                                 'Then': {'main': [[{'node': 'Answer', 'type': 'main', 'index': 0}]]}}}"""
                .formatted(thenType, disabled)), TYPES);
    }

    @Test
    void aWorkflowWhoseNodesOnlyComputeAndAnswerAnswersAtOnce() {
        assertThat(answersAtOnce("set", false)).isTrue();
    }

    @Test
    void aNodeThatActsOutsideTheRunMakesTheCallWaitForABackgroundRunUnlessItIsDisabled() {
        assertThat(answersAtOnce("httpRequest", false)).isFalse();
        assertThat(answersAtOnce("httpRequest", true)).isTrue();
    }

    @Test
    void aNodeOfAnUnknownTypeIsNotTakenToComputeOnly() {
        assertThat(answersAtOnce("somethingNew", false)).isFalse();
    }
}
