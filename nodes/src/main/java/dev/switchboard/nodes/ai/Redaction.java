package dev.switchboard.nodes.ai;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps personal data on the server: e-mail addresses, IBANs, card numbers and phone numbers in a prompt are
 * replaced by placeholders ({@code [EMAIL_1]}) before it leaves, and put back where the answer repeats them.
 * One instance serves one item (its system and user prompts share the placeholders).
 */
final class Redaction {

    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    private static final Pattern IBAN = Pattern.compile("\\b[A-Z]{2}\\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\\b");
    private static final Pattern CARD = Pattern.compile("\\b(?:\\d[ -]?){12,18}\\d\\b");
    private static final Pattern PHONE = Pattern.compile("(?<![\\w+])\\+?\\d[\\d ()/-]{6,}\\d\\b");

    private final Map<String, String> placeholders = new LinkedHashMap<>();
    private int counter;

    /** The text with personal data replaced (the same value gets the same placeholder). */
    String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = replace(text, EMAIL, "EMAIL");
        out = replace(out, IBAN, "IBAN");
        out = replace(out, CARD, "CARD");
        return replace(out, PHONE, "PHONE");
    }

    /** The answer with the placeholders it repeats put back. */
    String restore(String answer) {
        if (answer == null) {
            return null;
        }
        String out = answer;
        for (var e : placeholders.entrySet()) {
            out = out.replace(e.getKey(), e.getValue());
        }
        return out;
    }

    int count() {
        return placeholders.size();
    }

    /** A phone number has 7 digits or more and is not a date or a time stamp. */
    private static boolean looksLikePhone(String value) {
        long digits = value.chars().filter(Character::isDigit).count();
        return digits >= 7 && !DATE.matcher(value).find();
    }

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}|\\d{2}[./]\\d{2}[./]\\d{2,4}");

    private String replace(String text, Pattern pattern, String kind) {
        Matcher m = pattern.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String value = m.group();
            if (kind.equals("PHONE") && !looksLikePhone(value)) {
                continue;
            }
            String placeholder = placeholders.entrySet().stream().filter(e -> e.getValue().equals(value))
                    .map(Map.Entry::getKey).findFirst().orElse(null);
            if (placeholder == null) {
                placeholder = "[" + kind + "_" + (++counter) + "]";
                placeholders.put(placeholder, value);
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(placeholder));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
