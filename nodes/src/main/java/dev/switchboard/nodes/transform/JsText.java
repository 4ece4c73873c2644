package dev.switchboard.nodes.transform;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.switchboard.nodes.support.JsRegexSyntax;
import dev.switchboard.platform.json.JsValues;

/**
 * JavaScript's text idioms that the HTML, Markdown and XML converters reproduce (whitespace as
 * {@link JsValues#isWhitespace} sees it).
 */
final class JsText {

    private JsText() {
    }

    /** Whether the text is empty or only whitespace ({@code /^\s*$/}). */
    static boolean isBlank(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!JsValues.isWhitespace(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Replaces every run of whitespace with one space ({@code s.replace(/\s+/g, ' ')}). */
    static String collapseWhitespace(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean inSpace = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (JsValues.isWhitespace(c)) {
                if (!inSpace) {
                    sb.append(' ');
                }
                inSpace = true;
            } else {
                sb.append(c);
                inSpace = false;
            }
        }
        return sb.toString();
    }

    /**
     * {@code text.replace(pattern, replacement)} with a string pattern: the first occurrence only,
     * with JavaScript's {@code $&}, {@code $$}, {@code $`} and {@code $'} in the replacement.
     */
    static String replaceFirstLiteral(String text, String pattern, String replacement) {
        Matcher m = Pattern.compile(pattern, Pattern.LITERAL).matcher(text);
        if (!m.find()) {
            return text;
        }
        return text.substring(0, m.start()) + JsRegexSyntax.expandReplacement(replacement, m, text)
                + text.substring(m.end());
    }
}
