package dev.switchboard.nodes.transform;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.switchboard.platform.json.Json;
import dev.switchboard.platform.node.NodeException;

/**
 * JSON typed into Edit Fields: strict parsing as {@code JSON.parse} does it, the lenient JavaScript
 * object-literal form n8n also accepts (single quotes, bare keys, trailing commas), and the repair n8n
 * tries on the "JSON Output" before giving up.
 */
final class SetJsonInput {

    private SetJsonInput() {
    }

    /** Parses JSON text exactly; throws IllegalArgumentException with the reason. */
    static Object parseStrict(String text) {
        return new Parser(text, false).document();
    }

    /** Parses JSON or a JavaScript object literal; throws IllegalArgumentException with the reason. */
    static Object parseLenient(String text) {
        try {
            return parseStrict(text);
        } catch (IllegalArgumentException e) {
            return new Parser(text, true).document();
        }
    }

    /**
     * n8n's JSON parameters: a JSON object given as text (repaired when it is almost JSON) or as an
     * object. {@code entryName} names the Fields to Set entry, or null for the JSON Output.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> objectParameter(Object data, int itemIndex, String entryName) {
        String location = entryName == null ? "'JSON Output'" : "entry \"" + entryName + "\" inside 'Fields to Set'";
        Object parsed;
        if (data instanceof String text) {
            try {
                parsed = parseStrict(text);
            } catch (IllegalArgumentException e) {
                String repaired = text.replace('\'', '"')
                        .replaceAll("(['\"])?([a-zA-Z0-9_]+)(['\"])?:", "\"$2\":")
                        .replaceAll(",\\s*([\\]}])", "$1")
                        .replaceAll(",+$", "");
                try {
                    parsed = parseStrict(repaired);
                } catch (IllegalArgumentException e2) {
                    String description = repaired.equals(text) ? text : repaired + ";\n Original input: " + text;
                    throw new NodeException("The " + location + " in item " + itemIndex + " contains invalid JSON",
                            itemIndex, description, e2);
                }
            }
        } else {
            parsed = data;
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            throw new NodeException("The " + location + " in item " + itemIndex + " does not contain a valid JSON object",
                    itemIndex);
        }
        return (Map<String, Object>) map;
    }

    /** A recursive-descent reader for JSON and, when lenient, JavaScript object literals. */
    private static final class Parser {
        private final String s;
        private final boolean lenient;
        private int pos;

        Parser(String s, boolean lenient) {
            this.s = s;
            this.lenient = lenient;
        }

        Object document() {
            skipSpace();
            Object v = value();
            skipSpace();
            if (pos < s.length()) {
                throw fail("unexpected \"" + s.charAt(pos) + "\"");
            }
            return v;
        }

        private Object value() {
            if (pos >= s.length()) {
                throw fail("unexpected end of input");
            }
            char c = s.charAt(pos);
            return switch (c) {
                case '{' -> object();
                case '[' -> array();
                case '"' -> string('"');
                case '\'' -> {
                    if (!lenient) {
                        throw fail("unexpected \"'\"");
                    }
                    yield string('\'');
                }
                default -> {
                    if (c == '-' || c == '+' || c == '.' || Character.isDigit(c)) {
                        yield number();
                    }
                    String word = identifier();
                    yield switch (word) {
                        case "true" -> Boolean.TRUE;
                        case "false" -> Boolean.FALSE;
                        case "null" -> null;
                        default -> throw fail(word.isEmpty() ? "unexpected \"" + c + "\"" : "unexpected \"" + word + "\"");
                    };
                }
            };
        }

        private Map<String, Object> object() {
            pos++;
            Map<String, Object> out = new LinkedHashMap<>();
            skipSpace();
            if (peek() == '}') {
                pos++;
                return out;
            }
            while (true) {
                skipSpace();
                if (lenient && peek() == '}') {
                    pos++;
                    return out;
                }
                String key;
                char c = peek();
                if (c == '"') {
                    key = string('"');
                } else if (lenient && c == '\'') {
                    key = string('\'');
                } else if (lenient && (Character.isDigit(c))) {
                    key = Json.toText(number());
                } else if (lenient) {
                    key = identifier();
                    if (key.isEmpty()) {
                        throw fail("expected a property name");
                    }
                } else {
                    throw fail("expected a property name in double quotes");
                }
                skipSpace();
                expect(':');
                skipSpace();
                out.put(key, value());
                skipSpace();
                char next = peek();
                pos++;
                if (next == '}') {
                    return out;
                }
                if (next != ',') {
                    throw fail("expected \",\" or \"}\"");
                }
            }
        }

        private List<Object> array() {
            pos++;
            List<Object> out = new ArrayList<>();
            skipSpace();
            if (peek() == ']') {
                pos++;
                return out;
            }
            while (true) {
                skipSpace();
                if (lenient && peek() == ']') {
                    pos++;
                    return out;
                }
                out.add(value());
                skipSpace();
                char next = peek();
                pos++;
                if (next == ']') {
                    return out;
                }
                if (next != ',') {
                    throw fail("expected \",\" or \"]\"");
                }
            }
        }

        private String string(char quote) {
            pos++;
            StringBuilder sb = new StringBuilder();
            while (pos < s.length()) {
                char c = s.charAt(pos++);
                if (c == quote) {
                    return sb.toString();
                }
                if (c == '\\') {
                    if (pos >= s.length()) {
                        break;
                    }
                    char e = s.charAt(pos++);
                    switch (e) {
                        case '"', '\\', '/' -> sb.append(e);
                        case 'b' -> sb.append('\b');
                        case 'f' -> sb.append('\f');
                        case 'n' -> sb.append('\n');
                        case 'r' -> sb.append('\r');
                        case 't' -> sb.append('\t');
                        case 'u' -> {
                            if (pos + 4 > s.length()) {
                                throw fail("bad unicode escape");
                            }
                            try {
                                sb.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
                            } catch (NumberFormatException ex) {
                                throw fail("bad unicode escape");
                            }
                            pos += 4;
                        }
                        default -> {
                            if (!lenient) {
                                throw fail("bad escape \"\\" + e + "\"");
                            }
                            sb.append(e);
                        }
                    }
                } else if (c < 0x20 && !lenient) {
                    throw fail("control character in string");
                } else {
                    sb.append(c);
                }
            }
            throw fail("unterminated string");
        }

        private Object number() {
            int start = pos;
            if (peek() == '-' || lenient && peek() == '+') {
                pos++;
            }
            while (pos < s.length() && (Character.isDigit(s.charAt(pos)) || "eE.+-".indexOf(s.charAt(pos)) >= 0)) {
                pos++;
            }
            String text = s.substring(start, pos);
            boolean valid = lenient
                    ? text.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")
                    : text.matches("-?(0|[1-9]\\d*)(\\.\\d+)?([eE][+-]?\\d+)?");
            if (!valid) {
                throw fail("bad number \"" + text + "\"");
            }
            return Json.number(new BigDecimal(text.startsWith("+") ? text.substring(1) : text));
        }

        private String identifier() {
            int start = pos;
            while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_'
                    || s.charAt(pos) == '$')) {
                pos++;
            }
            return s.substring(start, pos);
        }

        private void skipSpace() {
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || lenient && Character.isWhitespace(c)) {
                    pos++;
                } else if (lenient && c == '/' && pos + 1 < s.length() && s.charAt(pos + 1) == '/') {
                    while (pos < s.length() && s.charAt(pos) != '\n') {
                        pos++;
                    }
                } else if (lenient && c == '/' && pos + 1 < s.length() && s.charAt(pos + 1) == '*') {
                    int end = s.indexOf("*/", pos + 2);
                    pos = end < 0 ? s.length() : end + 2;
                } else {
                    return;
                }
            }
        }

        private char peek() {
            if (pos >= s.length()) {
                throw fail("unexpected end of input");
            }
            return s.charAt(pos);
        }

        private void expect(char c) {
            if (peek() != c) {
                throw fail("expected \"" + c + "\"");
            }
            pos++;
        }

        private IllegalArgumentException fail(String why) {
            return new IllegalArgumentException(why + " at position " + pos);
        }
    }
}
