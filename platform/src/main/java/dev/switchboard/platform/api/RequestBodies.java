package dev.switchboard.platform.api;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.switchboard.platform.json.Json;

/**
 * Reading JSON request bodies that may hold secrets (credential values, passwords): a parse error says
 * where the text went wrong, never what it said.
 */
final class RequestBodies {

    private static final Pattern LOCATION = Pattern.compile("\\(line \\d+, column \\d+\\)$");

    private RequestBodies() {
    }

    /** The body as a JSON object; {@code expected} tells what an empty body should have been. */
    static Map<String, Object> object(String body, String expected) {
        if (body == null || body.isBlank()) {
            throw ApiException.badRequest("the request body must be " + expected);
        }
        Object parsed;
        try {
            parsed = Json.parse(body);
        } catch (RuntimeException e) {
            Matcher where = LOCATION.matcher(e.getMessage() == null ? "" : e.getMessage());
            throw ApiException.badRequest("the request body is not valid JSON" + (where.find() ? " " + where.group() : ""));
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            throw ApiException.badRequest("the request body must be a JSON object, not " + Json.typeName(parsed));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> request = (Map<String, Object>) map;
        return request;
    }

    /** A string field, or null when absent; another type is refused naming the field. */
    static String text(Map<String, Object> request, String field) {
        Object value = request.get(field);
        if (value != null && !(value instanceof String)) {
            throw ApiException.badRequest("\"" + field + "\" must be a string, not " + Json.typeName(value));
        }
        return (String) value;
    }
}
