package dev.switchboard.platform.expression;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/**
 * Tells, from its text alone, that an expression cannot change the shared JavaScript realm, so the
 * sandbox need not be restored after it (restoring walks every built-in and costs milliseconds on
 * the interpreter). The test is conservative: an expression passes only if it assigns nothing
 * ({@code =}, {@code +=}, {@code ++}, ...), names none of the ways into the realm's machinery
 * ({@code Object}, {@code Reflect}, {@code constructor}, {@code prototype}, {@code this}, ...) nor any
 * method that changes what it is called on ({@code push}, {@code sort}, {@code assign}, ...), creates
 * nothing with {@code new} or {@code function}, holds no regular expression literal, comment or tagged
 * template. Everything else (and every Code node script) is treated as changing the realm. Reading
 * data, arithmetic, comparisons, arrow callbacks and calls of reading methods pass.
 */
final class ReadOnlyCode {

    private static final Set<String> FORBIDDEN = Set.of(
            "Object", "Reflect", "Proxy", "Function", "AsyncFunction", "eval", "globalThis", "global", "self", "window",
            "this", "constructor", "prototype", "__proto__", "__defineGetter__", "__defineSetter__", "__lookupGetter__",
            "__lookupSetter__", "Symbol", "Atomics", "WeakRef", "FinalizationRegistry", "SharedArrayBuffer", "require",
            "import", "new", "delete", "class", "function", "with", "yield", "await", "async", "var", "let", "const",
            "setTimeout", "setInterval", "setImmediate", "queueMicrotask", "clearTimeout", "clearInterval",
            "$evaluateExpression", "bind", "call", "apply", "defineProperty", "defineProperties", "setPrototypeOf",
            "assign", "freeze", "seal", "preventExtensions", "push", "pop", "shift", "unshift", "splice", "sort",
            "reverse", "fill", "copyWithin", "set", "add", "clear", "Settings", "luxon", "Intl", "defaultZone",
            "console", "input", "arguments", "caller", "callee", "Error", "captureStackTrace", "prepareStackTrace",
            "stackTraceLimit", "lastIndex", "compile", "toJSON", "valueOf", "toString", "toLocaleString",
            "getOwnPropertyDescriptor", "Date", "Promise", "then", "catch", "finally");

    private ReadOnlyCode() {
    }

    static boolean isReadOnly(String code) {
        try {
            return scan(code);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean scan(String s) {
        int n = s.length();
        // what the previous significant token was: 'i' identifier or number, ')' or ']' closing, 'o' other
        char prev = 'o';
        Deque<Integer> templateBraces = new ArrayDeque<>();
        int braces = 0;
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (Character.isJavaIdentifierStart(c)) {
                int start = i;
                while (i < n && Character.isJavaIdentifierPart(s.charAt(i))) {
                    i++;
                }
                if (FORBIDDEN.contains(s.substring(start, i))) {
                    return false;
                }
                prev = 'i';
                continue;
            }
            if (Character.isDigit(c)) {
                while (i < n && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '.' || s.charAt(i) == '_')) {
                    i++;
                }
                prev = 'i';
                continue;
            }
            switch (c) {
                case '\'', '"' -> {
                    i = skipString(s, i, c);
                    prev = 'i';
                }
                case '`' -> {
                    if (prev == 'i' || prev == ')') {
                        return false;
                    }
                    i = template(s, i + 1, templateBraces, braces);
                    if (i < 0) {
                        return false;
                    }
                    if (i > 0 && s.charAt(i - 1) == '{') {
                        braces++;
                        prev = 'o';
                    } else {
                        prev = 'i';
                    }
                }
                case '{' -> {
                    braces++;
                    i++;
                    prev = 'o';
                }
                case '}' -> {
                    if (!templateBraces.isEmpty() && templateBraces.peek() == braces) {
                        templateBraces.pop();
                        braces--;
                        i = template(s, i + 1, templateBraces, braces);
                        if (i < 0) {
                            return false;
                        }
                        if (s.charAt(i - 1) == '{') {
                            braces++;
                            prev = 'o';
                        } else {
                            prev = 'i';
                        }
                    } else {
                        braces--;
                        i++;
                        prev = 'o';
                    }
                }
                case '/' -> {
                    if (prev != 'i' && prev != ')') {
                        return false;
                    }
                    if (i + 1 < n && (s.charAt(i + 1) == '/' || s.charAt(i + 1) == '*' || s.charAt(i + 1) == '=')) {
                        return false;
                    }
                    i++;
                    prev = 'o';
                }
                case '=' -> {
                    // '==' and '===' compare, '=>' starts an arrow body; a lone '=' assigns
                    if (i + 1 < n && (s.charAt(i + 1) == '=' || s.charAt(i + 1) == '>')) {
                        i += s.charAt(i + 1) == '=' && i + 2 < n && s.charAt(i + 2) == '=' ? 3 : 2;
                        prev = 'o';
                    } else {
                        return false;
                    }
                }
                case '!', '<', '>' -> {
                    int j = i + 1;
                    while (j < n && (s.charAt(j) == '<' || s.charAt(j) == '>') && c != '!') {
                        j++;
                    }
                    if (j < n && s.charAt(j) == '=') {
                        // '!=', '<=', '>=' compare; '<<=', '>>=', '>>>=' assign
                        if (j - i > 1) {
                            return false;
                        }
                        j++;
                        if (j < n && s.charAt(j) == '=') {
                            j++;
                        }
                    }
                    i = j;
                    prev = 'o';
                }
                case '+', '-' -> {
                    if (i + 1 < n && (s.charAt(i + 1) == c || s.charAt(i + 1) == '=')) {
                        return false;
                    }
                    i++;
                    prev = 'o';
                }
                case '*', '%', '&', '|', '^', '?' -> {
                    int j = i + 1;
                    while (j < n && s.charAt(j) == c) {
                        j++;
                    }
                    if (j < n && s.charAt(j) == '=') {
                        return false;
                    }
                    i = j;
                    prev = 'o';
                }
                case ')', ']' -> {
                    i++;
                    prev = ')';
                }
                case '(', '[', ',', ':', ';', '.', '~' -> {
                    i++;
                    prev = 'o';
                }
                case '$' -> {
                    i++;
                    prev = 'i';
                }
                default -> {
                    return false;
                }
            }
        }
        return braces == 0 && templateBraces.isEmpty();
    }

    private static int skipString(String s, int i, char quote) {
        int j = i + 1;
        while (j < s.length()) {
            char c = s.charAt(j);
            if (c == '\\') {
                j += 2;
                continue;
            }
            if (c == quote) {
                return j + 1;
            }
            if (c == '\n') {
                throw new IllegalArgumentException("unterminated string");
            }
            j++;
        }
        throw new IllegalArgumentException("unterminated string");
    }

    /**
     * Skips template text from {@code i} to its closing backtick (returns the index after it) or to a
     * {@code ${} (returns the index after the brace, having noted the brace depth to come back at).
     */
    private static int template(String s, int i, Deque<Integer> templateBraces, int braces) {
        int j = i;
        while (j < s.length()) {
            char c = s.charAt(j);
            if (c == '\\') {
                j += 2;
                continue;
            }
            if (c == '`') {
                return j + 1;
            }
            if (c == '$' && j + 1 < s.length() && s.charAt(j + 1) == '{') {
                templateBraces.push(braces + 1);
                return j + 2;
            }
            j++;
        }
        return -1;
    }
}
