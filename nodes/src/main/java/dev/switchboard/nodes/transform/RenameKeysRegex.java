package dev.switchboard.nodes.transform;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import dev.switchboard.nodes.support.JsRegexSyntax;
import dev.switchboard.platform.node.NodeException;

/**
 * A JavaScript regular expression as Rename Keys uses it: translated to Java's dialect by
 * {@link JsRegexSyntax}, replacing the first match with JavaScript's {@code $1 $& $<name> $$}
 * replacement syntax, and cut off with n8n's "may cause performance issues" message when one key costs
 * it more than a fixed number of steps (catastrophic backtracking).
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
            return new RenameKeysRegex(source, Pattern.compile(JsRegexSyntax.toJava(source, false), flags));
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
            String expanded = JsRegexSyntax.expandReplacement(replacement == null ? "" : replacement, m, key);
            return key.substring(0, m.start()) + expanded + key.substring(m.end());
        } catch (TooCostly | StackOverflowError e) {
            throw new NodeException("Regex pattern \"" + source + "\" may cause performance issues. "
                    + "Please try a simpler pattern like \"[a-z]+\" or \"\\w+\". ");
        }
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
