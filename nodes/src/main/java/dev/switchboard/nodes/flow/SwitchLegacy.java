package dev.switchboard.nodes.flow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.switchboard.nodes.flow.conditions.LegacyConditions;
import dev.switchboard.platform.node.Item;
import dev.switchboard.platform.node.NodeContext;
import dev.switchboard.platform.node.NodeException;
import dev.switchboard.platform.node.NodeResult;

/**
 * Switch versions 1 and 2: one value ({@code value1} of {@code dataType}) compared with each rule's
 * {@code value2}; the first rule that matches sends the item on (version 1: to the rule's {@code output}
 * of four; version 2: to the rule's own output), else to {@code fallbackOutput} (-1: nowhere). In
 * expression mode {@code output} names the output (version 2 has {@code outputsAmount} of them).
 */
final class SwitchLegacy {

    private SwitchLegacy() {
    }

    static NodeResult execute(NodeContext context) {
        boolean v1 = context.typeVersion() < 2;
        List<Item> items = context.items();
        List<List<Item>> out = v1 ? lists(4) : null;
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i).withPairedItem(i);
            try {
                String mode = context.string("mode", i, "rules");
                if (mode.equals("expression")) {
                    if (out == null) {
                        out = lists(SwitchNode.count(context.parameter("outputsAmount", i), 4));
                    }
                    int index = ConditionParameters.outputIndex(context.parameter("output", i), "output", i);
                    check(index, out.size(), "output", i);
                    out.get(index).add(item);
                } else if (mode.equals("rules")) {
                    List<?> rules = context.parameter("rules.rules", i) instanceof List<?> l ? l : List.of();
                    if (out == null) {
                        out = lists(rules.size());
                    }
                    route(context, item, i, rules, out, v1);
                } else {
                    throw new NodeException("Parameter \"mode\": unknown mode \"" + mode
                            + "\" (use \"rules\" or \"expression\") [item " + i + "]", i);
                }
            } catch (RuntimeException e) {
                if (!context.continueOnFail()) {
                    throw e;
                }
                if (out == null || out.isEmpty()) {
                    out = lists(1);
                }
                out.get(0).add(errorItem(e, i));
            }
        }
        return new NodeResult.Outputs(out == null ? List.of(List.of()) : out);
    }

    private static void route(NodeContext context, Item item, int i, List<?> rules, List<List<Item>> out,
            boolean v1) {
        String dataType = context.string("dataType", 0, "number");
        boolean dates = dataType.equals("dateTime");
        Object value1 = context.rawParameter("value1") == null ? LegacyConditions.emptyValue(dataType)
                : context.parameter("value1", i);
        if (dates) {
            value1 = ConditionParameters.millis(context, value1, "value1", i);
        }
        Object value2Default = dates ? (Object) 0L : LegacyConditions.emptyValue(dataType);
        for (int r = 0; r < rules.size(); r++) {
            Map<String, Object> rule = LegacyConditions.withDefaults(rules.get(r), dataType, false, value2Default);
            String where = "rules.rules[" + r + "]";
            Object value2 = rule.get("value2");
            if (dates) {
                value2 = ConditionParameters.millis(context, value2, where + ".value2", i);
            }
            if (ConditionParameters.compare(rule.get("operation"), value1, value2, where, i)) {
                int target = r;
                if (v1) {
                    target = ConditionParameters.outputIndex(rule.getOrDefault("output", 0L), where + ".output", i);
                    check(target, out.size(), where + ".output", i);
                }
                out.get(target).add(item);
                return;
            }
        }
        Object fallback = context.parameter("fallbackOutput", i);
        int index = fallback == null ? -1 : ConditionParameters.outputIndex(fallback, "fallbackOutput", i);
        if (index != -1) {
            check(index, out.size(), "fallbackOutput", i);
            out.get(index).add(item);
        }
    }

    static void check(int index, int outputs, String parameter, int itemIndex) {
        if (index < 0 || index >= outputs) {
            throw new NodeException("Parameter \"" + parameter + "\": output " + index + " does not exist; "
                    + (outputs == 0 ? "the node has no outputs" : "use 0 to " + (outputs - 1)) + " [item "
                    + itemIndex + "]", itemIndex);
        }
    }

    static List<List<Item>> lists(int n) {
        List<List<Item>> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new ArrayList<>());
        }
        return out;
    }

    static Item errorItem(RuntimeException e, int itemIndex) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("error", e.getMessage());
        return Item.of(json, itemIndex);
    }
}
