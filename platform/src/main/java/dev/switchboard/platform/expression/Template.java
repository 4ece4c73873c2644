package dev.switchboard.platform.expression;

import java.util.ArrayList;
import java.util.List;

/**
 * A parsed parameter value: literal text and {@code {{ code }}} segments. A string is an expression
 * only when it starts with {@code =}, as in n8n's JSON; the rest is the template.
 */
public record Template(List<Segment> segments) {

    /** A piece of a template. */
    public sealed interface Segment {
    }

    public record Text(String text) implements Segment {
    }

    /**
     * Code between braces; {@code path} or {@code arithmetic} is set when Java can evaluate it without
     * JavaScript (see {@link PathExpression}, {@link ArithmeticExpression}).
     */
    public record Code(String code, PathExpression path, ArithmeticExpression arithmetic) implements Segment {

        public Code(String code, PathExpression path) {
            this(code, path, null);
        }

        /** Whether JavaScript is needed only when the Java evaluation cannot tell. */
        public boolean javaFirst() {
            return path != null || arithmetic != null;
        }
    }

    /** Whether a parameter value is an expression ({@code "=..."}). */
    public static boolean isExpression(Object value) {
        return value instanceof String s && s.startsWith("=");
    }

    /** The code of a single-segment template ({@code ={{ x }}}), or null. */
    public String singleCode() {
        return segments.size() == 1 && segments.get(0) instanceof Code c ? c.code() : null;
    }

    /**
     * Parses the text after the leading {@code =}. Braces and string literals inside the code are
     * respected, so {@code {{ {a: "}}"} }} is one segment.
     */
    public static Template parse(String template) {
        List<Segment> out = new ArrayList<>();
        int i = 0;
        int n = template.length();
        StringBuilder text = new StringBuilder();
        while (i < n) {
            int open = template.indexOf("{{", i);
            if (open < 0) {
                text.append(template, i, n);
                break;
            }
            text.append(template, i, open);
            int close = findClose(template, open + 2);
            if (close < 0) {
                throw new ExpressionException("the expression has \"{{\" without a matching \"}}\"");
            }
            if (!text.isEmpty()) {
                out.add(new Text(text.toString()));
                text.setLength(0);
            }
            String code = template.substring(open + 2, close).trim();
            PathExpression path = PathExpression.tryParse(code);
            out.add(new Code(code, path, path == null ? ArithmeticExpression.tryParse(code) : null));
            i = close + 2;
        }
        if (!text.isEmpty()) {
            out.add(new Text(text.toString()));
        }
        return new Template(List.copyOf(out));
    }

    private static int findClose(String s, int from) {
        int depth = 0;
        int i = from;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                i = skipString(s, i, c);
                continue;
            }
            if (c == '/' && i + 1 < n && s.charAt(i + 1) == '/') {
                int nl = s.indexOf('\n', i);
                int cl = s.indexOf("}}", i);
                if (nl < 0 || (cl >= 0 && cl < nl)) {
                    return cl;
                }
                i = nl;
                continue;
            }
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                if (depth == 0 && i + 1 < n && s.charAt(i + 1) == '}') {
                    return i;
                }
                if (depth > 0) {
                    depth--;
                } else if (i + 1 < n && s.charAt(i + 1) == '}') {
                    return i;
                }
            }
            i++;
        }
        // unbalanced braces inside: fall back to the first "}}" after the opening
        return s.indexOf("}}", from);
    }

    private static int skipString(String s, int start, char quote) {
        int i = start + 1;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == quote) {
                return i + 1;
            }
            i++;
        }
        return i;
    }
}
