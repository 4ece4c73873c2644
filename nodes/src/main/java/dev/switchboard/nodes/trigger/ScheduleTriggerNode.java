package dev.switchboard.nodes.trigger;

import java.util.List;
import java.util.Map;

import dev.switchboard.platform.node.NodeCategory;
import dev.switchboard.platform.node.NodeContext;
import dev.switchboard.platform.node.NodeDescriptor;
import dev.switchboard.platform.node.NodeResult;
import dev.switchboard.platform.node.NodeType;
import dev.switchboard.platform.node.ParameterSpec;
import dev.switchboard.platform.node.ParameterType;

/**
 * Starts a run on a schedule, with n8n's rules ({@code rule.interval}: every N seconds, minutes,
 * hours, days, weeks or months at a given time, or a cron expression) in the workflow's time zone.
 * The server's scheduler fires it and gives it one item describing the moment
 * ({@code timestamp}, {@code Readable date}, ... as n8n does); the node outputs that item.
 */
public final class ScheduleTriggerNode implements NodeType {

    private static final NodeDescriptor DESCRIPTOR = NodeDescriptor.builder("scheduleTrigger", "Schedule Trigger",
                    NodeCategory.TRIGGER)
            .versions(1.0, 1.1, 1.2)
            .description("Starts the workflow on a schedule: every few minutes, daily at a time, or by cron expression.")
            .parameters(new ParameterSpec("rule", "Trigger rules", ParameterType.FIXED_COLLECTION, false,
                    Map.of("interval", List.of(Map.of())), null, false, false,
                    "Each rule fires on its own: field (seconds, minutes, hours, days, weeks, months, cronExpression) "
                            + "with its interval and time, or a cron expression.", null, null))
            .build();

    @Override
    public NodeDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public NodeResult execute(NodeContext context) {
        return NodeResult.of(context.items());
    }

    /** It computes its output from its input and parameters, and touches nothing outside the run. */
    @Override
    public boolean onlyComputes(double version, java.util.Map<String, Object> parameters) {
        return true;
    }
}
