package dev.switchboard.nodes.support;

import java.util.regex.Matcher;

/**
 * JavaScript's regular-expression syntax in Java: the pattern source rewritten where Java reads it
 * differently, and JavaScript's replacement patterns ({@code $1 $& $<name> $$}) applied to a match.
 */
public final class JsRegexSyntax {

    private JsRegexSyntax() {
    }

    /**
     * The Java pattern for a JavaScript pattern source: {@code [^]} is any character, {@code []} matches
     * nothing, {@code \\u{...}} is a code point, a {@code [} or {@code &} inside a class is literal, an
     * opening brace that starts no quantifier is literal, and {@code $} (without the multiline flag) is
     * only the end of the text, not also the place before a final line break.
     */
    public static String toJava(String js, boolean multiline) {
        StringBuilder out = new StringBuilder(js.length() + 8);
        boolean inClass = false;
        int n = js.length();
        for (int i = 0; i < n; i++) {
            char c = js.charAt(i);
            if (c == '\\' && i + 1 < n) {
                char next = js.charAt(i + 1);
                int close = i + 2 < n && js.charAt(i + 2) == '{' ? js.indexOf('}', i + 3) : -1;
                if (next == 'u' && close > 0) {
                    out.append("\\x{").append(js, i + 3, close).append('}');
                    i = close;
                } else if ((next == 'p' || next == 'P') && close > 0) {
                    out.append(js, i, close + 1);
                    i = close;
                } else {
                    out.append(c).append(next);
                    i++;
                }
                continue;
            }
            if (inClass) {
                if (c == ']') {
                    inClass = false;
                } else if (c == '[' || c == '&') {
                    out.append('\\');
                }
                out.append(c);
                continue;
            }
            if (c == '[') {
                if (js.startsWith("[^]", i)) {
                    out.append("[\\s\\S]");
                    i += 2;
                    continue;
                }
                if (js.startsWith("[]", i)) {
                    out.append("(?!)");
                    i += 1;
                    continue;
                }
                inClass = true;
                out.append(c);
                if (i + 1 < n && js.charAt(i + 1) == '^') {
                    out.append('^');
                    i++;
                }
                continue;
            }
            if (c == '{' && !quantifierAt(js, i)) {
                out.append("\\{");
                continue;
            }
            if (c == '$' && !multiline) {
                out.append("(?![\\s\\S])");
                continue;
            }
            out.append(c);
        }
        return out.toString();
    }

    private static boolean quantifierAt(String s, int i) {
        int j = i + 1;
        int digits = 0;
        while (j < s.length() && Character.isDigit(s.charAt(j))) {
            j++;
            digits++;
        }
        if (digits == 0) {
            return false;
        }
        if (j < s.length() && s.charAt(j) == ',') {
            j++;
            while (j < s.length() && Character.isDigit(s.charAt(j))) {
                j++;
            }
        }
        return j < s.length() && s.charAt(j) == '}';
    }

    /**
     * JavaScript's replacement patterns applied to one match of {@code input}: {@code $$}, {@code $&},
     * {@code $`}, {@code $'}, {@code $1}..{@code $99} and {@code $<name>}; anything else stays as written.
     */
    public static String expandReplacement(String replacement, Matcher m, String input) {
        StringBuilder out = new StringBuilder();
        int n = replacement.length();
        for (int i = 0; i < n; i++) {
            char c = replacement.charAt(i);
            if (c != '$' || i + 1 >= n) {
                out.append(c);
                continue;
            }
            char next = replacement.charAt(i + 1);
            if (next == '$') {
                out.append('$');
                i++;
            } else if (next == '&') {
                out.append(m.group());
                i++;
            } else if (next == '`') {
                out.append(input, 0, m.start());
                i++;
            } else if (next == '\'') {
                out.append(input, m.end(), input.length());
                i++;
            } else if (Character.isDigit(next)) {
                int two = i + 2 < n && Character.isDigit(replacement.charAt(i + 2))
                        ? Integer.parseInt(replacement.substring(i + 1, i + 3)) : -1;
                int one = next - '0';
                if (two >= 1 && two <= m.groupCount()) {
                    out.append(nullToEmpty(m.group(two)));
                    i += 2;
                } else if (one >= 1 && one <= m.groupCount()) {
                    out.append(nullToEmpty(m.group(one)));
                    i++;
                } else {
                    out.append(c);
                }
            } else if (next == '<') {
                int close = replacement.indexOf('>', i + 2);
                if (close < 0) {
                    out.append(c);
                    continue;
                }
                String name = replacement.substring(i + 2, close);
                try {
                    out.append(nullToEmpty(m.group(name)));
                    i = close;
                } catch (IllegalArgumentException e) {
                    out.append(c);
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
