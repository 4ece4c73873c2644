package dev.switchboard.nodes.transform;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.switchboard.nodes.transform.DateTimeLuxon.Token;

/**
 * Luxon's {@code fromFormat} for Date &amp; Time version 2: a format's tokens (split by
 * {@link DateTimeLuxon#tokens}) turned into one case-insensitive pattern, and the fields it captures
 * turned into a date in the text's zone or the given one.
 */
final class DateTimeLuxonParser {

    private DateTimeLuxonParser() {
    }

    /**
     * Luxon's {@code fromFormat}: the whole text must match the format (case-insensitively). Wall
     * time is read in {@code zone} unless the text carries an offset or zone, which the result then
     * keeps. Null when the text does not match.
     */
    static ZonedDateTime parse(String text, String format, ZoneId zone) {
        List<Token> tokens = DateTimeLuxon.tokens(format);
        StringBuilder regex = new StringBuilder();
        List<String> groups = new ArrayList<>();
        for (Token token : tokens) {
            if (token.literal()) {
                regex.append(literalRegex(token.text()));
                continue;
            }
            String r = tokenRegex(token.text());
            if (r == null) {
                regex.append(literalRegex(token.text()));
                continue;
            }
            regex.append('(').append(r).append(')');
            groups.add(token.text());
        }
        Matcher m = Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE).matcher(text);
        if (!m.matches()) {
            return null;
        }
        Integer year = null;
        Integer month = null;
        Integer day = null;
        Integer ordinal = null;
        int hour = 0;
        int minute = 0;
        int second = 0;
        int millis = 0;
        Boolean pm = null;
        ZoneId parsedZone = null;
        Instant absolute = null;
        Integer weekYear = null;
        Integer week = null;
        Integer weekday = null;
        try {
            for (int g = 0; g < groups.size(); g++) {
                String v = m.group(g + 1);
                String token = groups.get(g);
                switch (token) {
                    case "y", "yyyy", "yyyyy", "yyyyyy" -> year = Integer.parseInt(v.replace("+", ""));
                    case "yy" -> {
                        int y = Integer.parseInt(v);
                        year = v.length() > 2 ? y : y > 60 ? 1900 + y : 2000 + y;
                    }
                    case "M", "MM", "L", "LL" -> month = Integer.parseInt(v);
                    case "MMM", "MMMM", "LLL", "LLLL" -> month = DateTimeInput.monthIndex(v) + 1;
                    case "d", "dd" -> day = Integer.parseInt(v);
                    case "o", "ooo" -> ordinal = Integer.parseInt(v);
                    case "H", "HH", "h", "hh" -> hour = Integer.parseInt(v);
                    case "k", "kk", "kkkk" -> weekYear = Integer.parseInt(v);
                    case "W", "WW" -> week = Integer.parseInt(v);
                    case "E", "c" -> weekday = Integer.parseInt(v);
                    case "m", "mm" -> minute = Integer.parseInt(v);
                    case "s", "ss" -> second = Integer.parseInt(v);
                    case "S", "SSS" -> millis = Integer.parseInt(v);
                    case "u", "uu", "uuu" -> millis = (int) (Double.parseDouble("0." + v) * 1000);
                    case "a" -> pm = v.toLowerCase(Locale.ROOT).startsWith("p");
                    case "Z", "ZZ", "ZZZ" -> parsedZone = DateTimeInput.offset(v);
                    case "z" -> parsedZone = ZoneId.of(v);
                    case "q", "qq" -> month = (Integer.parseInt(v) - 1) * 3 + 1;
                    case "X" -> absolute = Instant.ofEpochMilli((long) (Double.parseDouble(v) * 1000));
                    case "x" -> absolute = Instant.ofEpochMilli(Long.parseLong(v));
                    default -> {
                        // weekday names and eras are checked by the pattern only
                    }
                }
            }
            ZoneId resultZone = parsedZone != null ? parsedZone : zone;
            if (absolute != null) {
                return absolute.atZone(resultZone);
            }
            if (pm != null) {
                if (hour > 12) {
                    return null;
                }
                if (pm && hour != 12) {
                    hour += 12;
                } else if (!pm && hour == 12) {
                    hour = 0;
                }
            }
            LocalDate date;
            if (week != null || weekYear != null) {
                int wy = weekYear != null ? weekYear : year != null ? year : LocalDate.now(resultZone).getYear();
                date = LocalDate.of(wy, 6, 1).with(IsoFields.WEEK_BASED_YEAR, wy)
                        .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week == null ? 1 : week)
                        .with(java.time.temporal.ChronoField.DAY_OF_WEEK, weekday == null ? 1 : weekday);
            } else if (ordinal != null) {
                date = LocalDate.ofYearDay(year == null ? LocalDate.now(resultZone).getYear() : year, ordinal);
            } else {
                date = LocalDate.of(year == null ? LocalDate.now(resultZone).getYear() : year,
                        month == null ? 1 : month, day == null ? 1 : day);
            }
            LocalDateTime local = date.atTime(hour, minute, second, millis * 1_000_000);
            return local.atZone(resultZone);
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static String literalRegex(String text) {
        StringBuilder sb = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == ' ' || c == '\u00A0' || c == DateTimeLuxon.NNBSP) {
                sb.append("[ \\u00A0\\u202F]");
            } else {
                sb.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return sb.toString();
    }

    private static String tokenRegex(String token) {
        return switch (token) {
            case "d", "M", "L", "H", "h", "m", "s", "W", "k" -> "\\d\\d?";
            case "dd", "MM", "LL", "HH", "hh", "mm", "ss", "WW", "kk", "yy", "qq" -> "\\d\\d";
            case "y" -> "\\d{1,6}";
            case "yyyy", "kkkk" -> "\\d{4}";
            case "yyyyy" -> "\\d{4,6}";
            case "yyyyyy" -> "\\d{6}";
            case "o" -> "\\d{1,3}";
            case "ooo" -> "\\d{3}";
            case "q", "E", "c" -> "\\d";
            case "S" -> "\\d{1,3}";
            case "SSS" -> "\\d{3}";
            case "u", "uu", "uuu" -> "\\d+";
            case "a" -> "AM|PM|am|pm";
            case "MMM", "LLL" -> "jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec";
            case "MMMM", "LLLL" -> "january|february|march|april|may|june|july|august|september|october|november|december";
            case "EEE", "ccc" -> "mon|tue|wed|thu|fri|sat|sun";
            case "EEEE", "cccc" -> "monday|tuesday|wednesday|thursday|friday|saturday|sunday";
            case "Z" -> "Z|[+-]\\d{1,2}(?::\\d{2})?";
            case "ZZ" -> "Z|[+-]\\d{2}:\\d{2}";
            case "ZZZ" -> "Z|[+-]\\d{2}\\d{2}";
            case "z" -> "[A-Za-z_]+(?:/[A-Za-z_+-]+)*";
            case "G" -> "AD|BC";
            case "X" -> "-?\\d+(?:\\.\\d+)?";
            case "x" -> "-?\\d+";
            default -> null;
        };
    }
}
