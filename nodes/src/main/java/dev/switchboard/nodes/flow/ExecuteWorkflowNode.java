package dev.switchboard.nodes.flow;

import java.util.ArrayList;
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
import dev.switchboard.platform.node.PairedItem;
import dev.switchboard.platform.node.ParameterSpec;
import dev.switchboard.platform.node.ParameterType;
import dev.switchboard.platform.node.SubWorkflowRunner;

/**
 * Runs another workflow (stored, from a file, given inline as JSON, or from a URL) with the items
 * as the input of its "When Called by Another Workflow" trigger, once for all items or once per
 * item; outputs what the sub-workflow's last node output.
 */
public final class ExecuteWorkflowNode implements NodeType {

    private static final NodeDescriptor DESCRIPTOR = NodeDescriptor.builder("executeWorkflow", "Execute Workflow",
                    NodeCategory.FLOW)
            .description("Calls another workflow with these items and continues with what it returns.")
            .parameters(
                    ParameterSpec.options("source", "Source", "database", "database", "localFile", "parameter", "url")
                            .help("Where the workflow comes from: a stored workflow, a file, JSON given here, or a URL."),
                    ParameterSpec.of("workflowId", "Workflow", ParameterType.STRING, "")
                            .help("The id of the stored workflow to run.").showWhen("source", "database"),
                    ParameterSpec.of("workflowPath", "Workflow path", ParameterType.STRING, "")
                            .help("The path of the workflow file.").showWhen("source", "localFile"),
                    ParameterSpec.of("workflowJson", "Workflow JSON", ParameterType.JSON, "\n\n\n")
                            .help("The workflow itself, as JSON.").showWhen("source", "parameter"),
                    ParameterSpec.of("workflowUrl", "Workflow URL", ParameterType.STRING, "")
                            .help("Where to fetch the workflow JSON from.").showWhen("source", "url"),
                    ParameterSpec.options("mode", "Mode", "once", "once", "each")
                            .help("Run the workflow once with all items, or once for each item."),
                    new ParameterSpec("options", "Options", ParameterType.COLLECTION, false, Map.of(), null, true, false,
                            "waitForSubWorkflow (default true): wait for the sub-workflow and output its result; "
                                    + "when false the input items pass through.", null, null))
            .build();

    @Override
    public NodeDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public NodeResult execute(NodeContext context) {
        List<Item> input = context.items();
        Map<String, Object> options = NodeParams.map(context, "options");
        boolean wait = !Boolean.FALSE.equals(options.get("waitForSubWorkflow"));
        boolean each = "each".equals(context.string("mode", 0, "once"));
        List<Item> out = new ArrayList<>();
        if (!each) {
            Target target = target(context, 0);
            List<Item> result = call(context, target, input, wait, -1);
            if (!wait) {
                return NodeResult.of(passThrough(input));
            }
            List<PairedItem> all = new ArrayList<>();
            for (int i = 0; i < input.size(); i++) {
                all.add(PairedItem.of(i));
            }
            for (Item item : result) {
                out.add(new Item(item.json(), item.binary(), result.size() == input.size()
                        ? List.of(PairedItem.of(out.size())) : all));
            }
            return NodeResult.of(out);
        }
        List<Item> perItem = ItemLoop.mapEach(context, (item, i) -> {
            List<Item> result = call(context, target(context, i), List.of(item), wait, i);
            List<Item> paired = new ArrayList<>();
            if (wait) {
                for (Item output : result) {
                    paired.add(new Item(output.json(), output.binary(), List.of(PairedItem.of(i))));
                }
            }
            return paired;
        });
        return NodeResult.of(wait ? perItem : passThrough(input));
    }

    private record Target(SubWorkflowRunner.Source source, String reference) {
    }

    private Target target(NodeContext context, int item) {
        String source = context.string("source", item, "database");
        return switch (source) {
            case "database" -> new Target(SubWorkflowRunner.Source.DATABASE,
                    required(locatorValue(context.parameter("workflowId", item)), "workflowId", item));
            case "localFile" -> new Target(SubWorkflowRunner.Source.LOCAL_FILE,
                    required(context.string("workflowPath", item, ""), "workflowPath", item));
            case "parameter" -> {
                Object json = context.parameter("workflowJson", item);
                String text = json instanceof String s ? s : json == null ? "" : Json.write(json);
                yield new Target(SubWorkflowRunner.Source.PARAMETER, required(text, "workflowJson", item));
            }
            case "url" -> new Target(SubWorkflowRunner.Source.URL,
                    required(context.string("workflowUrl", item, ""), "workflowUrl", item));
            default -> throw new NodeException("Parameter \"source\": unknown source \"" + source + "\"", item);
        };
    }

    /** A workflow id given plainly or as n8n's resource locator ({@code {"__rl": true, "value": "..."}}). */
    private static String locatorValue(Object value) {
        if (value instanceof Map<?, ?> m) {
            Object v = m.get("value");
            return v == null ? "" : String.valueOf(v);
        }
        return value == null ? "" : value instanceof String s ? s : JsValues.string(value);
    }

    private static String required(String value, String parameter, int item) {
        if (value == null || value.isBlank()) {
            throw new NodeException("Parameter \"" + parameter + "\" is empty: say which workflow to run"
                    + (item > 0 ? " [item " + item + "]" : ""), item);
        }
        return value;
    }

    private static List<Item> call(NodeContext context, Target target, List<Item> items, boolean wait, int item) {
        List<Item> plain = new ArrayList<>(items.size());
        for (Item i : items) {
            plain.add(new Item(Json.copy(i.json()), i.binary(), null));
        }
        try {
            List<Item> result = context.subWorkflows().run(target.source(), target.reference(), plain);
            return result == null ? List.of() : result;
        } catch (NodeException e) {
            if (!wait) {
                context.log().warn("the sub-workflow failed: " + e.getMessage());
                return List.of();
            }
            throw item >= 0 ? new NodeException(e.getMessage() + " [item " + item + "]", item) : e;
        } catch (RuntimeException e) {
            if (!wait) {
                context.log().warn("the sub-workflow failed: " + e.getMessage());
                return List.of();
            }
            throw new NodeException("the sub-workflow could not run: " + e.getMessage()
                    + (item >= 0 ? " [item " + item + "]" : ""), Math.max(item, -1));
        }
    }

    private static List<Item> passThrough(List<Item> input) {
        List<Item> out = new ArrayList<>(input.size());
        for (int i = 0; i < input.size(); i++) {
            out.add(input.get(i).withPairedItem(i));
        }
        return out;
    }
}
