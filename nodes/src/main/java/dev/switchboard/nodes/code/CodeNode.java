package dev.switchboard.nodes.code;

import java.util.List;
import java.util.Map;

import dev.switchboard.nodes.support.ItemLoop;
import dev.switchboard.platform.node.Item;
import dev.switchboard.platform.node.NodeCategory;
import dev.switchboard.platform.node.NodeContext;
import dev.switchboard.platform.node.NodeDescriptor;
import dev.switchboard.platform.node.NodeException;
import dev.switchboard.platform.node.NodeResult;
import dev.switchboard.platform.node.NodeType;
import dev.switchboard.platform.node.ParameterSpec;
import dev.switchboard.platform.node.ParameterType;
import dev.switchboard.platform.node.ScriptMode;

/**
 * Runs the user's JavaScript once for all items or once per item, with n8n's {@code $input},
 * {@code items}, {@code $json}, {@code $('Node')} and {@code console.log} (into the step's log).
 */
public final class CodeNode implements NodeType {

    static final String DEFAULT_CODE = """
            // Loop over input items and add a new field called 'myNewField' to the JSON of each one
            for (const item of $input.all()) {
              item.json.myNewField = 1;
            }

            return $input.all();""";

    private static final NodeDescriptor DESCRIPTOR = NodeDescriptor.builder("code", "Code", NodeCategory.TRANSFORM)
            .versions(1.0, 2.0)
            .description("Runs JavaScript on the items, in a sandbox without network, files or host access.")
            .parameters(
                    ParameterSpec.options("mode", "Mode", "runOnceForAllItems", "runOnceForAllItems", "runOnceForEachItem")
                            .help("Run the code once with all items ($input.all()), or once per item ($input.item)."),
                    ParameterSpec.options("language", "Language", "javaScript", "javaScript", "python"),
                    new ParameterSpec("jsCode", "JavaScript", ParameterType.CODE, true, DEFAULT_CODE, null, false, false,
                            "The body of an async function; return the items.", java.util.Map.of("language", List.of("javaScript")), null),
                    new ParameterSpec("compensationCode", "Undo script (on rollback)", ParameterType.CODE, false, "", null,
                            false, false, "Runs when the run is rolled back, once for all the items this step put out: "
                                    + "each item is {output, input} (what the step returned, and the item it came from). "
                                    + "Throw to report that the undo failed.", null, null))
            .compensable()
            .build();

    @Override
    public NodeDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public NodeResult execute(NodeContext context) {
        String language = context.string("language", 0, "javaScript");
        if (!"javaScript".equals(language)) {
            throw new NodeException("the " + language + " language is not supported; use JavaScript");
        }
        Object raw = context.rawParameter("jsCode");
        String code = raw instanceof String s ? s : DEFAULT_CODE;
        boolean perItem = "runOnceForEachItem".equals(context.string("mode", 0, "runOnceForAllItems"));
        List<Item> input = context.items();
        if (!perItem) {
            try {
                Object result = context.scripts().run(code, ScriptMode.RUN_ONCE_FOR_ALL_ITEMS, 0, "jsCode");
                return NodeResult.of(ScriptItems.fromAllItems(result, input.size()));
            } catch (NodeException e) {
                if (!context.continueOnFail()) {
                    throw e;
                }
                return NodeResult.of(List.of(Item.of(ScriptItems.errorJson(e.getMessage()))));
            }
        }
        return NodeResult.of(ItemLoop.mapEach(context, (ignored, i) -> {
            Object result = context.scripts().run(code, ScriptMode.RUN_ONCE_FOR_EACH_ITEM, i, "jsCode");
            Item item = ScriptItems.fromEachItem(result, i);
            return item == null ? List.of() : List.of(item.withPairedItem(i));
        }));
    }

    @Override
    public boolean compensates(double version, Map<String, Object> parameters) {
        return parameters.get("compensationCode") instanceof String code && !code.isBlank();
    }

    /** Runs the undo script once with all the step's {output, input} items; what it returns is the undo step's output. */
    @Override
    public NodeResult compensate(NodeContext context) {
        String code = (String) context.rawParameter("compensationCode");
        Object result = context.scripts().run(code, ScriptMode.RUN_ONCE_FOR_ALL_ITEMS, 0, "compensationCode");
        return NodeResult.of(ScriptItems.fromAllItems(result, context.items().size()));
    }
}
