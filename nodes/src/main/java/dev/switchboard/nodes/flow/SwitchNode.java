package dev.switchboard.nodes.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.switchboard.nodes.flow.conditions.FilterConditions;
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
 * Routes each item to one of several outputs.
 *
 * <p>From version 3, in rules mode each rule in {@code rules.values} has filter-style {@code conditions}
 * and an output of its own; an item goes to the first rule it meets (to every one with
 * {@code options.allMatchingOutputs}), else to {@code options.fallbackOutput}: "none" drops it, "extra"
 * sends it to an additional last output, a number to that rule's output. In expression mode
 * {@code output} gives the index among {@code numberOutputs} outputs. Versions 1 and 2 are in
 * {@link SwitchLegacy}.
 *
 * <p>A failing item stops the node, or, when the node continues on failure, goes to output 0 as
 * {@code {error}}.
 */
public final class SwitchNode implements NodeType {

    /** n8n's default for version 3's rules: one rule that every item meets. */
    private static final Map<String, Object> DEFAULT_RULES = Map.of("values", List.of(Map.of("conditions", Map.of(
            "options", Map.of("caseSensitive", true, "leftValue", "", "typeValidation", "strict"),
            "conditions", List.of(Map.of("leftValue", "", "rightValue", "",
                    "operator", Map.of("type", "string", "operation", "equals"))),
            "combinator", "and"))));

    private static final NodeDescriptor DESCRIPTOR = NodeDescriptor.builder("switch", "Switch", NodeCategory.FLOW)
            .versions(1.0, 2.0, 3.0, 3.1, 3.2)
            .description("Sends each item to one of several outputs, by rules or by an expression.")
            .outputs("0", "1", "2", "3")
            .parameters(
                    ParameterSpec.options("mode", "Mode", "rules", "rules", "expression")
                            .help("Rules: one output per matching rule. Expression: an expression gives the output index."),
                    ParameterSpec.of("output", "Output Index", ParameterType.NUMBER, 0L)
                            .help("The output (0 to 3) to send the item to.").showWhen("mode", "expression")
                            .inVersions(1.0),
                    ParameterSpec.of("output", "Output", ParameterType.STRING, "")
                            .help("The index of the output to send the item to.").showWhen("mode", "expression")
                            .inVersions(2.0),
                    ParameterSpec.of("output", "Output Index", ParameterType.NUMBER, null)
                            .help("The output to send the item to, counted from 0; usually an expression.")
                            .showWhen("mode", "expression").inVersions(3.0, 3.1, 3.2),
                    ParameterSpec.of("outputsAmount", "Outputs Amount", ParameterType.NUMBER, 4L)
                            .help("How many outputs the node has.").showWhen("mode", "expression").inVersions(2.0),
                    ParameterSpec.of("numberOutputs", "Number of Outputs", ParameterType.NUMBER, 4L)
                            .help("How many outputs the node has.").showWhen("mode", "expression")
                            .inVersions(3.0, 3.1, 3.2),
                    ParameterSpec.options("dataType", "Data Type", "number", "boolean", "dateTime", "number", "string")
                            .help("The type of the value the rules compare.").showWhen("mode", "rules")
                            .inVersions(1.0, 2.0),
                    ParameterSpec.of("value1", "Value 1", ParameterType.STRING, null)
                            .help("The value each rule compares with its own value 2.").showWhen("mode", "rules")
                            .inVersions(1.0, 2.0),
                    ParameterSpec.of("rules", "Routing Rules", ParameterType.FIXED_COLLECTION, Map.of())
                            .help("rules: a list of {operation, value2, output (version 1) or outputKey (version 2)}.")
                            .showWhen("mode", "rules").inVersions(1.0, 2.0),
                    ParameterSpec.of("rules", "Routing Rules", ParameterType.FIXED_COLLECTION, DEFAULT_RULES)
                            .help("values: a list of {conditions (filter-style), renameOutput, outputKey}; each rule "
                                    + "has its own output.")
                            .showWhen("mode", "rules").inVersions(3.0, 3.1, 3.2),
                    ParameterSpec.of("fallbackOutput", "Fallback Output", ParameterType.NUMBER, -1L)
                            .help("The output for items no rule matches; -1 drops them.").showWhen("mode", "rules")
                            .inVersions(1.0, 2.0),
                    ParameterSpec.of("looseTypeValidation", "Convert types where required", ParameterType.BOOLEAN, false)
                            .help("Convert values to the type of their comparison instead of failing on a mismatch.")
                            .inVersions(3.1, 3.2),
                    ParameterSpec.of("options", "Options", ParameterType.COLLECTION, Map.of())
                            .help("fallbackOutput: none, extra or a rule's index; allMatchingOutputs; ignoreCase; "
                                    + "renameFallbackOutput; looseTypeValidation (version 3).")
                            .showWhen("mode", "rules").inVersions(3.0, 3.1, 3.2))
            .build();

    @Override
    public NodeDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public int outputCount(double version, Map<String, Object> parameters) {
        if (version < 2) {
            return 4;
        }
        boolean expression = "expression".equals(parameters.get("mode"));
        if (version < 3) {
            if (expression) {
                return count(parameters.get("outputsAmount"), 4);
            }
            return Math.max(1, rules(parameters.get("rules"), "rules", 0));
        }
        if (expression) {
            return count(parameters.get("numberOutputs"), 4);
        }
        int rules = rules(parameters.getOrDefault("rules", DEFAULT_RULES), "values", 1);
        boolean extra = parameters.get("options") instanceof Map<?, ?> o && "extra".equals(o.get("fallbackOutput"));
        return Math.max(1, rules + (extra ? 1 : 0));
    }

    private static int rules(Object rules, String key, int fallback) {
        if (rules instanceof Map<?, ?> m) {
            return m.get(key) instanceof List<?> l ? l.size() : 0;
        }
        return fallback;
    }

    /** A count parameter, or the fallback when it is not (yet) a number. */
    static int count(Object value, int fallback) {
        if (value instanceof Number n) {
            return Math.max(0, n.intValue());
        }
        if (value instanceof String s && s.strip().matches("\\d+")) {
            return Integer.parseInt(s.strip());
        }
        return fallback;
    }

    @Override
    public NodeResult execute(NodeContext context) {
        if (context.typeVersion() < 3) {
            return SwitchLegacy.execute(context);
        }
        String mode = context.string("mode", 0, "rules");
        return switch (mode) {
            case "expression" -> byExpression(context);
            case "rules" -> byRules(context);
            default -> throw new NodeException("Parameter \"mode\": unknown mode \"" + mode
                    + "\" (use \"rules\" or \"expression\")");
        };
    }

    private static NodeResult byExpression(NodeContext context) {
        List<Item> items = context.items();
        Object numberOutputs = items.isEmpty() ? context.rawParameter("numberOutputs")
                : context.parameter("numberOutputs", 0);
        List<List<Item>> out = SwitchLegacy.lists(count(numberOutputs, 4));
        for (int i = 0; i < items.size(); i++) {
            try {
                Object value = context.parameter("output", i);
                if (value == null || value instanceof String s && s.isBlank()) {
                    throw new NodeException("Parameter \"output\": no output index; give a number from 0 to "
                            + (out.size() - 1) + " [item " + i + "]", i);
                }
                int index = ConditionParameters.outputIndex(value, "output", i);
                SwitchLegacy.check(index, out.size(), "output", i);
                out.get(index).add(items.get(i).withPairedItem(i));
            } catch (RuntimeException e) {
                failed(context, out, e, i);
            }
        }
        return new NodeResult.Outputs(out.isEmpty() ? List.of(List.of()) : out);
    }

    private static NodeResult byRules(NodeContext context) {
        List<Item> items = context.items();
        Object rawRules = context.rawParameter("rules");
        boolean defaults = rawRules == null;
        List<?> rules = defaults ? (List<?>) DEFAULT_RULES.get("values")
                : context.rawParameter("rules.values") instanceof List<?> l ? l : List.of();
        if (rules.isEmpty()) {
            return new NodeResult.Outputs(List.of(List.of()));
        }
        boolean extra = "extra".equals(items.isEmpty() ? context.rawParameter("options.fallbackOutput")
                : options(context, 0).get("fallbackOutput"));
        List<List<Item>> out = SwitchLegacy.lists(rules.size() + (extra ? 1 : 0));
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i).withPairedItem(i);
            try {
                Map<?, ?> options = options(context, i);
                FilterConditions filter = ConditionParameters.filter(context, i, 3.1, 3.2);
                boolean all = Boolean.TRUE.equals(options.get("allMatchingOutputs"));
                boolean matched = false;
                for (int r = 0; r < rules.size(); r++) {
                    Object conditions = defaults ? ((Map<?, ?>) rules.get(r)).get("conditions")
                            : context.parameter("rules.values[" + r + "].conditions", i);
                    if (filter.test(conditions, i)) {
                        matched = true;
                        out.get(r).add(item);
                        if (!all) {
                            break;
                        }
                    }
                }
                Object fallback = options.get("fallbackOutput");
                if (matched || fallback == null || "none".equals(fallback)) {
                    continue;
                }
                if ("extra".equals(fallback)) {
                    if (extra) {
                        out.get(out.size() - 1).add(item);
                        continue;
                    }
                    throw new NodeException("Parameter \"options.fallbackOutput\": \"extra\" cannot depend on the "
                            + "item; the first item did not ask for it [item " + i + "]", i);
                }
                int index = ConditionParameters.outputIndex(fallback, "options.fallbackOutput", i);
                SwitchLegacy.check(index, rules.size(), "options.fallbackOutput", i);
                out.get(index).add(item);
            } catch (RuntimeException e) {
                failed(context, out, e, i);
            }
        }
        return new NodeResult.Outputs(out);
    }

    private static Map<?, ?> options(NodeContext context, int itemIndex) {
        return context.parameter("options", itemIndex) instanceof Map<?, ?> m ? m : Map.of();
    }

    private static void failed(NodeContext context, List<List<Item>> out, RuntimeException e, int itemIndex) {
        if (!context.continueOnFail()) {
            throw e;
        }
        if (out.isEmpty()) {
            out.add(new ArrayList<>());
        }
        out.get(0).add(SwitchLegacy.errorItem(e, itemIndex));
    }

    /** It computes its output from its input and parameters, and touches nothing outside the run. */
    @Override
    public boolean onlyComputes(double version, java.util.Map<String, Object> parameters) {
        return true;
    }
}
