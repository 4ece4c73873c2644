package dev.switchboard.platform.credential;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import dev.switchboard.platform.json.Json;

/**
 * Masks a credential's secret values in text the vault writes itself (a test's or a token endpoint's
 * answer), so that a message never quotes a secret, even when a service echoes it.
 */
final class SecretText {

    private static final int MIN_LENGTH = 4;

    private SecretText() {
    }

    /** The string values (at any depth) of the named fields, and their URL forms, longest first. */
    static List<String> values(Map<String, Object> data, Collection<String> fields) {
        List<String> values = new ArrayList<>();
        for (String f : fields) {
            collect(data.get(f), values);
        }
        values.sort(Comparator.comparingInt(String::length).reversed());
        return values;
    }

    /** The text with each of the values replaced by ***. */
    static String mask(String text, List<String> values) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String v : values) {
            out = out.replace(v, "***");
        }
        return out;
    }

    private static void collect(Object value, List<String> into) {
        if (value instanceof Map<?, ?> m) {
            m.values().forEach(v -> collect(v, into));
        } else if (value instanceof Collection<?> c) {
            c.forEach(v -> collect(v, into));
        } else if (value != null) {
            String s = value instanceof String t ? t : Json.toText(value);
            if (s.strip().length() >= MIN_LENGTH) {
                into.add(s);
                into.add(URLEncoder.encode(s, StandardCharsets.UTF_8));
            }
        }
    }
}
