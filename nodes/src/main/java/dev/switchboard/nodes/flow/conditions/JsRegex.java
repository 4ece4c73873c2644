package dev.switchboard.nodes.flow.conditions;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import dev.switchboard.nodes.support.JsRegexSyntax;

/**
 * A regular expression written as users write them in n8n: either a bare pattern ({@code ^a.c$}) or a
 * JavaScript literal with flags ({@code /^a.c$/i}), translated by {@link JsRegexSyntax}.
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
            Pattern pattern = Pattern.compile(JsRegexSyntax.toJava(source, multiline), javaFlags);
            return new JsRegex(pattern, flags.indexOf('y') >= 0);
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
}
