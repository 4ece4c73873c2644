package dev.switchboard.nodes.flow;

import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

import dev.switchboard.nodes.flow.conditions.FilterConditions;
import dev.switchboard.nodes.flow.conditions.FilterSettings;
import dev.switchboard.nodes.flow.conditions.LegacyConditions;
import dev.switchboard.platform.json.Json;
import dev.switchboard.platform.node.NodeContext;
import dev.switchboard.platform.node.NodeException;
import dev.switchboard.platform.node.ParameterSpec;
import dev.switchboard.platform.node.ParameterType;

/** Reads the condition parameters the If, Filter and Switch nodes share. */
final class ConditionParameters {

    /** The If and Filter nodes' "Convert types where required" switch (top-level from version 2.1). */
    static final ParameterSpec IF_FILTER_LOOSE_TYPES =
            ParameterSpec.of("looseTypeValidation", "Convert types where required", ParameterType.BOOLEAN, false)
                    .help("Convert values to the type of their comparison (\"5\" to 5, \"false\" or 0 to "
                            + "false) instead of failing on a type mismatch.")
                    .inVersions(2.1, 2.2);

    /** The If and Filter nodes' options (from version 2). */
    static final ParameterSpec IF_FILTER_OPTIONS =
            ParameterSpec.of("options", "Options", ParameterType.COLLECTION, Map.of())
                    .help("ignoreCase: compare text regardless of letter case; looseTypeValidation "
                            + "(version 2): convert types where required.")
                    .inVersions(2.0, 2.1, 2.2);

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

    /**
     * Whether an item meets the If or Filter node's conditions: before version 2 the first-generation
     * condition set ({@code legacyAll} says whether all conditions must hold), from 2 on the filter-style
     * one ("Convert types where required" top-level from 2.1, filter version 2 from 2.2). An item whose
     * conditions cannot be evaluated fails the node, or does not pass when the node continues on failure.
     */
    static boolean ifOrFilterPasses(NodeContext context, int itemIndex, IntPredicate legacyAll) {
        if (context.typeVersion() < 2) {
            return legacyConditions(context, itemIndex, legacyAll.test(itemIndex));
        }
        try {
            FilterConditions filter = filter(context, itemIndex, 2.1, 2.2);
            return filter.test(context.parameter("conditions", itemIndex), itemIndex);
        } catch (RuntimeException e) {
            if (!context.continueOnFail()) {
                throw e;
            }
            return false;
        }
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
