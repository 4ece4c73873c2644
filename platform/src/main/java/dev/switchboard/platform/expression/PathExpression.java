package dev.switchboard.platform.expression;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An expression that is only a property path — {@code $json.customer.email},
 * {@code $json["first name"]}, {@code $input.item.json.total}, {@code $('Lookup').item.json.id},
 * {@code $node["Lookup"].json.id} — resolved in Java without entering JavaScript.
 */
public record PathExpression(Root root, String nodeName, List<Object> segments) {

    /** Where the path starts. */
    public enum Root {
        /** The current item of the first input. */
        CURRENT_ITEM,
        /** The item of the named node that the current item came from ({@code $('X').item}). */
        PAIRED_ITEM,
        /** The item at the current index in the named node's output ({@code $node["X"].json}). */
        NODE_ITEM_AT_INDEX
    }

    /** Returned by {@link #resolve} when JavaScript must decide (a missing link, {@code .length}, ...). */
    public static final Object NOT_RESOLVED = new Object() {
        @Override
        public String toString() {
            return "NOT_RESOLVED";
        }
    };

    private static final Pattern IDENT = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");
    private static final Pattern PAIRED = Pattern.compile(
            "^\\$\\(\\s*(?:'([^'\\\\]*)'|\"([^\"\\\\]*)\")\\s*\\)\\.item\\.json");
    private static final Pattern NODE = Pattern.compile(
            "^\\$node(?:\\[\\s*(?:'([^'\\\\]*)'|\"([^\"\\\\]*)\")\\s*]|\\.([A-Za-z_$][A-Za-z0-9_$]*))\\.json");

    /** Parses a path expression, or returns null when the code is anything else. */
    public static PathExpression tryParse(String code) {
        String c = code.trim();
        Root root;
        String node = null;
        int pos;
        if (c.startsWith("$json")) {
            root = Root.CURRENT_ITEM;
            pos = 5;
        } else if (c.startsWith("$input.item.json")) {
            root = Root.CURRENT_ITEM;
            pos = "$input.item.json".length();
        } else {
            Matcher m = PAIRED.matcher(c);
            if (m.find()) {
                root = Root.PAIRED_ITEM;
                node = m.group(1) != null ? m.group(1) : m.group(2);
                pos = m.end();
            } else {
                m = NODE.matcher(c);
                if (!m.find()) {
                    return null;
                }
                root = Root.NODE_ITEM_AT_INDEX;
                node = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
                pos = m.end();
            }
        }
        List<Object> segments = new ArrayList<>();
        int n = c.length();
        while (pos < n) {
            char ch = c.charAt(pos);
            if (ch == '.') {
                Matcher m = IDENT.matcher(c);
                m.region(pos + 1, n);
                if (!m.lookingAt()) {
                    return null;
                }
                segments.add(m.group());
                pos = m.end();
            } else if (ch == '[') {
                int close = c.indexOf(']', pos);
                if (close < 0) {
                    return null;
                }
                String inside = c.substring(pos + 1, close).trim();
                if (inside.length() >= 2 && (inside.charAt(0) == '"' || inside.charAt(0) == '\'')
                        && inside.charAt(inside.length() - 1) == inside.charAt(0)) {
                    String key = inside.substring(1, inside.length() - 1);
                    if (key.indexOf('\\') >= 0 || key.indexOf(inside.charAt(0)) >= 0) {
                        return null;
                    }
                    segments.add(key);
                } else if (inside.matches("\\d{1,9}")) {
                    segments.add(Integer.parseInt(inside));
                } else {
                    return null;
                }
                pos = close + 1;
            } else {
                return null;
            }
        }
        return new PathExpression(root, node, List.copyOf(segments));
    }

    /**
     * Follows the path from a JSON object. Returns null for a missing last key (JavaScript's
     * undefined) and {@link #NOT_RESOLVED} when JavaScript would do something else than a plain
     * lookup.
     */
    public Object resolve(Map<String, Object> json) {
        Object current = json;
        for (int i = 0; i < segments.size(); i++) {
            Object seg = segments.get(i);
            if (current instanceof Map<?, ?> map) {
                String key = String.valueOf(seg);
                Object next = map.get(key);
                if (next == null && !map.containsKey(key)) {
                    if (i < segments.size() - 1 || isObjectPrototypeMember(key)) {
                        return NOT_RESOLVED;
                    }
                    return null;
                }
                current = next;
            } else if (current instanceof List<?> list && seg instanceof Integer idx) {
                if (idx >= list.size()) {
                    if (i < segments.size() - 1) {
                        return NOT_RESOLVED;
                    }
                    return null;
                }
                current = list.get(idx);
            } else {
                return NOT_RESOLVED;
            }
        }
        return current;
    }

    private static boolean isObjectPrototypeMember(String key) {
        return switch (key) {
            case "constructor", "toString", "valueOf", "hasOwnProperty", "__proto__", "isPrototypeOf",
                 "propertyIsEnumerable", "toLocaleString" -> true;
            default -> false;
        };
    }
}
