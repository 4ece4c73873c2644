package dev.switchboard.nodes.flow.conditions;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A regular expression written as users write them in n8n: either a bare pattern ({@code ^a.c$}) or a
 * JavaScript literal with flags ({@code /^a.c$/i}). JavaScript syntax that Java reads differently is
 * translated ({@code $} is the end of the text, {@code [^]} any character, {@code \\u{...}} code points).
 */
public final class JsRegex {

    private static final Pattern LITERAL = Pattern.compile("^/(.*?)/([gimusy]*)$", Pattern.DOTALL);

    private final Pattern pattern;
    private final boolean sticky;

    private JsRegex(Pattern pattern, boolean sticky) {
        this.pattern = pattern;
        this.sticky = sticky;
    }

    /**
     * Compiles a pattern.
     *
     * @throws IllegalArgumentException with a readable message when the pattern is not valid
     */
    public static JsRegex parse(String text) {
        String source = text;
        String flags = "";
        Matcher m = LITERAL.matcher(text);
        if (m.matches()) {
            source = m.group(1);
            flags = m.group(2);
        }
        boolean multiline = flags.indexOf('m') >= 0;
        int javaFlags = 0;
        if (flags.indexOf('i') >= 0) {
            javaFlags |= Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
        }
        if (multiline) {
            javaFlags |= Pattern.MULTILINE;
        }
        if (flags.indexOf('s') >= 0) {
            javaFlags |= Pattern.DOTALL;
        }
        try {
            return new JsRegex(Pattern.compile(translate(source, multiline), javaFlags), flags.indexOf('y') >= 0);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("invalid regular expression /" + source + "/" + flags + ": "
                    + e.getDescription(), e);
        }
    }

    /** Whether the pattern matches somewhere in the text (at its start for the sticky flag). */
    public boolean test(String text) {
        Matcher m = pattern.matcher(text);
        return sticky ? m.lookingAt() : m.find();
    }

    private static String translate(String source, boolean multiline) {
        StringBuilder out = new StringBuilder(source.length() + 8);
        boolean inClass = false;
        int n = source.length();
        for (int i = 0; i < n; i++) {
            char c = source.charAt(i);
            if (c == '\\' && i + 1 < n) {
                char next = source.charAt(i + 1);
                if (next == 'u' && i + 2 < n && source.charAt(i + 2) == '{') {
                    int close = source.indexOf('}', i + 3);
                    if (close > 0) {
                        out.append("\\x{").append(source, i + 3, close).append('}');
                        i = close;
                        continue;
                    }
                }
                out.append(c).append(next);
                i++;
                continue;
            }
            if (inClass) {
                if (c == ']') {
                    inClass = false;
                } else if (c == '[') {
                    out.append('\\');
                } else if (c == '&') {
                    out.append('\\');
                }
                out.append(c);
                continue;
            }
            if (c == '[') {
                if (source.startsWith("[^]", i)) {
                    out.append("[\\s\\S]");
                    i += 2;
                    continue;
                }
                if (source.startsWith("[]", i)) {
                    out.append("(?!)");
                    i += 1;
                    continue;
                }
                inClass = true;
                out.append(c);
                if (i + 1 < n && source.charAt(i + 1) == '^') {
                    out.append('^');
                    i++;
                }
                if (i + 1 < n && source.charAt(i + 1) == ']') {
                    out.append("\\]");
                    i++;
                }
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
}
