package dev.switchboard.nodes.flow.conditions;

import java.util.Map;

/**
 * The node-level settings that shape a filter-style condition set, each null when the workflow does
 * not set it: "Ignore Case", "Convert types where required" (loose type validation) and the filter
 * version the node's type version implies (2 from If 2.2, Filter 2.2 and Switch 3.2 on: booleans read
 * "false" and "0" as false when converting).
 *
 * <p>The condition set's own {@code options} (which n8n's editor writes from these settings) win when
 * present; switching loose validation on at node level always converts.
 */
public record FilterSettings(Boolean ignoreCase, Boolean looseTypeValidation, int version) {

    /** The options that apply to one condition set. */
    record Effective(boolean caseSensitive, boolean strict, int version) {
    }

    Effective resolve(Object storedOptions) {
        Map<?, ?> stored = storedOptions instanceof Map<?, ?> m ? m : Map.of();
        Boolean storedCase = bool(stored.get("caseSensitive"));
        boolean caseSensitive = storedCase != null ? storedCase : ignoreCase != null && !ignoreCase;
        boolean strict;
        Object validation = stored.get("typeValidation");
        if (Boolean.TRUE.equals(looseTypeValidation)) {
            strict = false;
        } else if (validation instanceof String v && !v.isEmpty()) {
            strict = v.equals("strict");
        } else {
            strict = Boolean.FALSE.equals(looseTypeValidation);
        }
        int v = stored.get("version") instanceof Number n ? n.intValue() : version;
        return new Effective(caseSensitive, strict, v);
    }

    private static Boolean bool(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String s && (s.equals("true") || s.equals("false"))) {
            return Boolean.valueOf(s);
        }
        return null;
    }
}
