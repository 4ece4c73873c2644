package dev.switchboard.nodes.transform;

import java.util.List;
import java.util.Map;

import dev.switchboard.platform.json.Json;

/** JavaScript's notions of text, for converters that reproduce n8n's JavaScript libraries. */
final class JsText {

    private JsText() {
    }

    /** {@code String(value)}: objects become "[object Object]", arrays join their elements with commas. */
    static String string(Object value) {
        if (value instanceof Map<?, ?>) {
            return "[object Object]";
        }
        if (value instanceof List<?> list) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                Object v = list.get(i);
                if (v != null) {
                    sb.append(string(v));
                }
            }
            return sb.toString();
        }
        return Json.toText(value);
    }

    /** Whether {@code c} is whitespace as JavaScript's {@code \s} and {@code trim()} see it. */
    static boolean isWhitespace(char c) {
        return switch (c) {
            case ' ', '\t', '\n', '\u000B', '\f', '\r', '\u00A0', '\u1680', '\u2028', '\u2029', '\u202F', '\u205F',
                 '\u3000', '\uFEFF' -> true;
            default -> c >= '\u2000' && c <= '\u200A';
        };
    }

    /** JavaScript's {@code trim()}. */
    static String trim(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isWhitespace(s.charAt(start))) {
            start++;
        }
        while (end > start && isWhitespace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    /** Whether the text is empty or only whitespace ({@code /^\s*$/}). */
    static boolean isBlank(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!isWhitespace(s.charAt(i))) {
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
            if (isWhitespace(c)) {
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
        int at = text.indexOf(pattern);
        if (at < 0) {
            return text;
        }
        StringBuilder r = new StringBuilder();
        for (int i = 0; i < replacement.length(); i++) {
            char c = replacement.charAt(i);
            if (c == '$' && i + 1 < replacement.length()) {
                char n = replacement.charAt(i + 1);
                switch (n) {
                    case '$' -> { r.append('$'); i++; continue; }
                    case '&' -> { r.append(pattern); i++; continue; }
                    case '`' -> { r.append(text, 0, at); i++; continue; }
                    case '\'' -> { r.append(text, at + pattern.length(), text.length()); i++; continue; }
                    default -> { }
                }
            }
            r.append(c);
        }
        return text.substring(0, at) + r + text.substring(at + pattern.length());
    }
}
