package dev.switchboard.nodes.support;

import dev.switchboard.platform.json.JsValues;

/** n8n's lenient readings of typed values, as its field validation converts them. */
public final class N8nTypes {

    private N8nTypes() {
    }

    /**
     * n8n's boolean reading: booleans, "true"/"false" in any case, and values whose number is 1 or 0;
     * null for anything else (blank text included).
     */
    public static Boolean toBoolean(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String s) {
            if (s.equalsIgnoreCase("true")) {
                return true;
            }
            if (s.equalsIgnoreCase("false")) {
                return false;
            }
            if (s.isBlank()) {
                return null;
            }
        }
        double d = JsValues.toNumber(value);
        if (d == 0) {
            return false;
        }
        if (d == 1) {
            return true;
        }
        return null;
    }
}
