package dev.switchboard.nodes.transform;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import dev.switchboard.platform.node.NodeException;

/**
 * A JavaScript regular expression as Rename Keys uses it: translated to Java's dialect, replacing the
 * first match with JavaScript's {@code $1 $& $<name> $$} replacement syntax, and cut off with n8n's
 * "may cause performance issues" message when one key costs it more than a fixed number of steps
 * (catastrophic backtracking).
 */
final class RenameKeysRegex {

    /** Characters the matcher may read for one key before the pattern counts as too costly. */
    static final long STEP_BUDGET = 5_000_000L;

    private final String source;
    private final Pattern pattern;

    private RenameKeysRegex(String source, Pattern pattern) {
        this.source = source;
        this.pattern = pattern;
    }

    static RenameKeysRegex compile(String source, boolean caseInsensitive) {
        try {
            int flags = caseInsensitive ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0;
            return new RenameKeysRegex(source, Pattern.compile(toJava(source), flags));
        } catch (PatternSyntaxException e) {
            throw new NodeException("Invalid regular expression: /" + source + "/: " + e.getDescription());
        }
    }

    /** The key with its first match replaced, or the key itself when nothing matches. */
    String replaceFirst(String key, String replacement) {
        Budgeted text = new Budgeted(key);
        try {
            Matcher m = pattern.matcher(text);
            if (!m.find()) {
                return key;
            }
            return key.substring(0, m.start()) + expand(replacement == null ? "" : replacement, m, key)
                    + key.substring(m.end());
        } catch (TooCostly | StackOverflowError e) {
            throw new NodeException("Regex pattern \"" + source + "\" may cause performance issues. "
                    + "Please try a simpler pattern like \"[a-z]+\" or \"\\w+\". ");
        }
    }

    /** JavaScript's replacement patterns applied to one match. */
    static String expand(String replacement, Matcher m, String input) {
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

    /** Rewrites the JavaScript constructs Java reads differently: {@code [^]}, {@code []} and lone braces. */
    static String toJava(String js) {
        StringBuilder out = new StringBuilder();
        boolean inClass = false;
        int n = js.length();
        for (int i = 0; i < n; i++) {
            char c = js.charAt(i);
            if (c == '\\' && i + 1 < n) {
                out.append(c).append(js.charAt(++i));
                continue;
            }
            if (inClass) {
                if (c == ']') {
                    inClass = false;
                } else if (c == '[') {
                    out.append('\\');
                } else if (c == '&' && i + 1 < n && js.charAt(i + 1) == '&') {
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

    /** Thrown from inside the matcher when the budget is spent. */
    private static final class TooCostly extends RuntimeException {
        TooCostly() {
            super(null, null, false, false);
        }
    }

    /** A key that counts how often the matcher reads it. */
    private static final class Budgeted implements CharSequence {
        private final String text;
        private long steps;

        Budgeted(String text) {
            this.text = text;
        }

        @Override
        public char charAt(int index) {
            if (++steps > STEP_BUDGET) {
                throw new TooCostly();
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.subSequence(start, end);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
