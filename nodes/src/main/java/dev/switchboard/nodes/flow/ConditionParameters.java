package dev.switchboard.nodes.flow;

import java.util.List;
import java.util.Map;

import dev.switchboard.nodes.flow.conditions.FilterConditions;
import dev.switchboard.nodes.flow.conditions.FilterSettings;
import dev.switchboard.nodes.flow.conditions.LegacyConditions;
import dev.switchboard.platform.json.Json;
import dev.switchboard.platform.node.NodeContext;
import dev.switchboard.platform.node.NodeException;

/** Reads the condition parameters the If, Filter and Switch nodes share. */
final class ConditionParameters {

    private ConditionParameters() {
    }

    /**
     * The filter-style evaluator for one item, from the node's settings: {@code options.ignoreCase},
     * "Convert types where required" ({@code options.looseTypeValidation} before {@code looseFrom},
     * {@code looseTypeValidation} from it on) and the filter version ({@code version2From} on: 2).
     */
    static FilterConditions filter(NodeContext context, int itemIndex, double looseFrom, double version2From) {
        double version = context.typeVersion();
        Boolean ignoreCase = explicitBool(context, "options.ignoreCase", itemIndex);
        Boolean loose = version < looseFrom
                ? explicitBool(context, "options.looseTypeValidation", itemIndex)
                : explicitBool(context, "looseTypeValidation", itemIndex);
        FilterSettings settings = new FilterSettings(ignoreCase, loose, version >= version2From ? 2 : 1);
        return new FilterConditions(settings, context.zone(), context.now());
    }

    /** A boolean the workflow sets (null when it leaves it out, so that the condition set's own options apply). */
    private static Boolean explicitBool(NodeContext context, String path, int itemIndex) {
        if (context.rawParameter(path) == null) {
            return null;
        }
        return context.bool(path, itemIndex, false);
    }

    /**
     * Whether an item passes a first-generation condition set ({@code conditions.boolean},
     * {@code .dateTime}, {@code .number}, {@code .string}), all of them or any of them.
     */
    static boolean legacyConditions(NodeContext context, int itemIndex, boolean all) {
        for (String dataType : LegacyConditions.DATA_TYPES) {
            String path = "conditions." + dataType;
            if (!(context.parameter(path, itemIndex) instanceof List<?> entries)) {
                continue;
            }
            for (int i = 0; i < entries.size(); i++) {
                Map<String, Object> c = LegacyConditions.withDefaults(entries.get(i), dataType, true,
                        LegacyConditions.emptyValue(dataType));
                String where = path + "[" + i + "]";
                Object value1 = c.get("value1");
                Object value2 = c.get("value2");
                if (dataType.equals("dateTime")) {
                    value1 = millis(context, value1, where + ".value1", itemIndex);
                    value2 = millis(context, value2, where + ".value2", itemIndex);
                }
                boolean pass = compare(c.get("operation"), value1, value2, where, itemIndex);
                if (pass && !all) {
                    return true;
                }
                if (!pass && all) {
                    return false;
                }
            }
        }
        return all;
    }

    /** A first-generation comparison, with errors that name the parameter and the item. */
    static boolean compare(Object operation, Object value1, Object value2, String where, int itemIndex) {
        try {
            return LegacyConditions.compare(String.valueOf(operation), value1, value2);
        } catch (IllegalArgumentException e) {
            throw new NodeException("Parameter \"" + where + "\": " + e.getMessage() + " [item " + itemIndex + "]",
                    itemIndex);
        }
    }

    /** A first-generation date value as milliseconds, with errors that name the parameter and the item. */
    static long millis(NodeContext context, Object value, String where, int itemIndex) {
        try {
            return LegacyConditions.toMillis(value, context.zone());
        } catch (IllegalArgumentException e) {
            throw new NodeException("Parameter \"" + where + "\": " + e.getMessage() + " [item " + itemIndex + "]",
                    itemIndex);
        }
    }

    /** An output index given as a number or numeric text. */
    static int outputIndex(Object value, String parameter, int itemIndex) {
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                && Math.abs(n.doubleValue()) < Integer.MAX_VALUE) {
            return n.intValue();
        }
        if (value instanceof String s) {
            try {
                return Integer.parseInt(s.strip());
            } catch (NumberFormatException e) {
                // fall through to the error
            }
        }
        throw new NodeException("Parameter \"" + parameter + "\": the output index must be a whole number but is "
                + (value == null ? "empty" : "\"" + Json.toText(value) + "\"")
                + " [item " + itemIndex + "]", itemIndex);
    }
}
