package dev.switchboard.nodes.transform;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Luxon's formatting for Date &amp; Time version 2: {@code toFormat} tokens ({@code yyyy-MM-dd HH:mm},
 * {@code 'literal'}), {@code toISO}, offsets and zone names, in English (en-US). The tokenizer is
 * shared with {@link DateTimeLuxonParser}; calendar arithmetic and durations are in
 * {@link DateTimeLuxonCalendar}.
 */
final class DateTimeLuxon {

    static final char NNBSP = '\u202F';

    private DateTimeLuxon() {
    }

    // ---- zones and ISO

    /** Whether Luxon holds this zone as a fixed offset (UTC, GMT, +05:00), which prints "Z" at offset zero. */
    static boolean fixedZone(ZoneId zone) {
        if (zone instanceof ZoneOffset) {
            return true;
        }
        String id = zone.getId().toLowerCase(Locale.ROOT);
        return id.equals("utc") || id.equals("gmt") || id.equals("z") || id.matches("utc[+-]\\d{1,2}(:\\d{2})?");
    }

    /** Luxon's {@code toISO()}: milliseconds always, "Z" for a fixed zone at offset zero. */
    static String toIso(ZonedDateTime t) {
        return isoDate(t) + "T" + pad(t.getHour(), 2) + ":" + pad(t.getMinute(), 2) + ":" + pad(t.getSecond(), 2)
                + "." + pad(t.getNano() / 1_000_000, 3) + isoOffset(t);
    }

    private static String isoDate(ZonedDateTime t) {
        int y = t.getYear();
        String year = y >= 0 && y <= 9999 ? pad(y, 4) : (y < 0 ? "-" : "+") + pad(Math.abs(y), 6);
        return year + "-" + pad(t.getMonthValue(), 2) + "-" + pad(t.getDayOfMonth(), 2);
    }

    private static String isoOffset(ZonedDateTime t) {
        int seconds = t.getOffset().getTotalSeconds();
        if (seconds == 0 && fixedZone(t.getZone())) {
            return "Z";
        }
        return offset(seconds / 60, "short");
    }

    /** An offset in Luxon's styles: narrow "+5", short "+05:00", techie "+0500". */
    static String offset(int minutes, String style) {
        String sign = minutes < 0 ? "-" : "+";
        int abs = Math.abs(minutes);
        int h = abs / 60;
        int m = abs % 60;
        return switch (style) {
            case "narrow" -> sign + h + (m > 0 ? ":" + pad(m, 2) : "");
            case "techie" -> sign + pad(h, 2) + pad(m, 2);
            default -> sign + pad(h, 2) + ":" + pad(m, 2);
        };
    }

    // ---- formatting

    /** A Luxon format split into tokens; literal text is marked. */
    record Token(String text, boolean literal) {
    }

    static List<Token> tokens(String format) {
        List<Token> out = new ArrayList<>();
        Character current = null;
        StringBuilder full = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c == '\'') {
                if (!full.isEmpty() || quoted) {
                    out.add(new Token(full.isEmpty() ? "'" : full.toString(), quoted || full.toString().isBlank()));
                }
                current = null;
                full.setLength(0);
                quoted = !quoted;
            } else if (quoted) {
                full.append(c);
            } else if (current != null && c == current) {
                full.append(c);
            } else {
                if (!full.isEmpty()) {
                    out.add(new Token(full.toString(), full.toString().isBlank()));
                }
                full.setLength(0);
                full.append(c);
                current = c;
            }
        }
        if (!full.isEmpty()) {
            out.add(new Token(full.toString(), quoted || full.toString().isBlank()));
        }
        return out;
    }

    /** Luxon's {@code toFormat}. */
    static String format(ZonedDateTime t, String format) {
        StringBuilder out = new StringBuilder();
        for (Token token : tokens(format)) {
            out.append(token.literal() ? token.text() : formatToken(t, token.text()));
        }
        return out.toString();
    }

    private static String formatToken(ZonedDateTime t, String token) {
        int ms = t.getNano() / 1_000_000;
        return switch (token) {
            case "S" -> String.valueOf(ms);
            case "SSS" -> pad(ms, 3);
            case "u" -> pad(ms, 3);
            case "uu" -> pad(ms / 10, 2);
            case "uuu" -> String.valueOf(ms / 100);
            case "s" -> String.valueOf(t.getSecond());
            case "ss" -> pad(t.getSecond(), 2);
            case "m" -> String.valueOf(t.getMinute());
            case "mm" -> pad(t.getMinute(), 2);
            case "h" -> String.valueOf(hour12(t));
            case "hh" -> pad(hour12(t), 2);
            case "H" -> String.valueOf(t.getHour());
            case "HH" -> pad(t.getHour(), 2);
            case "Z" -> offsetToken(t, "narrow");
            case "ZZ" -> offsetToken(t, "short");
            case "ZZZ" -> offsetToken(t, "techie");
            case "ZZZZ" -> zoneName(t, TextStyle.SHORT);
            case "ZZZZZ" -> zoneName(t, TextStyle.FULL);
            case "z" -> t.getZone().getId();
            case "a" -> t.getHour() < 12 ? "AM" : "PM";
            case "d" -> String.valueOf(t.getDayOfMonth());
            case "dd" -> pad(t.getDayOfMonth(), 2);
            case "c", "E" -> String.valueOf(t.getDayOfWeek().getValue());
            case "ccc", "EEE" -> t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
            case "cccc", "EEEE" -> t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
            case "ccccc", "EEEEE" -> t.getDayOfWeek().getDisplayName(TextStyle.NARROW, Locale.ENGLISH);
            case "L", "M" -> String.valueOf(t.getMonthValue());
            case "LL", "MM" -> pad(t.getMonthValue(), 2);
            case "LLL", "MMM" -> t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
            case "LLLL", "MMMM" -> t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
            case "LLLLL", "MMMMM" -> t.getMonth().getDisplayName(TextStyle.NARROW, Locale.ENGLISH);
            case "y" -> String.valueOf(t.getYear());
            case "yy" -> pad(Math.floorMod(t.getYear(), 100), 2);
            case "yyyy" -> pad(t.getYear(), 4);
            case "yyyyyy" -> pad(t.getYear(), 6);
            case "G" -> t.getYear() > 0 ? "AD" : "BC";
            case "GG" -> t.getYear() > 0 ? "Anno Domini" : "Before Christ";
            case "GGGGG" -> t.getYear() > 0 ? "A" : "B";
            case "kk" -> pad(Math.floorMod(t.get(IsoFields.WEEK_BASED_YEAR), 100), 2);
            case "kkkk" -> pad(t.get(IsoFields.WEEK_BASED_YEAR), 4);
            case "W", "n" -> String.valueOf(t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case "WW", "nn" -> pad(t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), 2);
            case "ii" -> pad(Math.floorMod(t.get(IsoFields.WEEK_BASED_YEAR), 100), 2);
            case "iiii" -> pad(t.get(IsoFields.WEEK_BASED_YEAR), 4);
            case "o" -> String.valueOf(t.getDayOfYear());
            case "ooo" -> pad(t.getDayOfYear(), 3);
            case "q" -> String.valueOf((t.getMonthValue() + 2) / 3);
            case "qq" -> pad((t.getMonthValue() + 2) / 3, 2);
            case "X" -> String.valueOf(Math.floorDiv(t.toInstant().toEpochMilli(), 1000));
            case "x" -> String.valueOf(t.toInstant().toEpochMilli());
            case "D" -> shortDate(t);
            case "DD" -> mediumDate(t);
            case "DDD" -> longDate(t);
            case "DDDD" -> t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + ", " + longDate(t);
            case "t" -> time(t, false);
            case "tt" -> time(t, true);
            case "ttt" -> time(t, true) + " " + zoneName(t, TextStyle.SHORT);
            case "tttt" -> time(t, true) + " " + zoneName(t, TextStyle.FULL);
            case "T" -> pad(t.getHour(), 2) + ":" + pad(t.getMinute(), 2);
            case "TT" -> pad(t.getHour(), 2) + ":" + pad(t.getMinute(), 2) + ":" + pad(t.getSecond(), 2);
            case "TTT" -> formatToken(t, "TT") + " " + zoneName(t, TextStyle.SHORT);
            case "TTTT" -> formatToken(t, "TT") + " " + zoneName(t, TextStyle.FULL);
            case "f" -> shortDate(t) + ", " + time(t, false);
            case "ff" -> mediumDate(t) + ", " + time(t, false);
            case "fff" -> longDate(t) + " at " + time(t, false) + " " + zoneName(t, TextStyle.SHORT);
            case "ffff" -> formatToken(t, "DDDD") + " at " + time(t, false) + " " + zoneName(t, TextStyle.FULL);
            case "F" -> shortDate(t) + ", " + time(t, true);
            case "FF" -> mediumDate(t) + ", " + time(t, true);
            case "FFF" -> longDate(t) + " at " + time(t, true) + " " + zoneName(t, TextStyle.SHORT);
            case "FFFF" -> formatToken(t, "DDDD") + " at " + time(t, true) + " " + zoneName(t, TextStyle.FULL);
            default -> token;
        };
    }

    private static String shortDate(ZonedDateTime t) {
        return t.getMonthValue() + "/" + t.getDayOfMonth() + "/" + t.getYear();
    }

    private static String mediumDate(ZonedDateTime t) {
        return t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " " + t.getDayOfMonth() + ", " + t.getYear();
    }

    private static String longDate(ZonedDateTime t) {
        return t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + t.getDayOfMonth() + ", " + t.getYear();
    }

    private static String time(ZonedDateTime t, boolean seconds) {
        return hour12(t) + ":" + pad(t.getMinute(), 2) + (seconds ? ":" + pad(t.getSecond(), 2) : "") + NNBSP
                + (t.getHour() < 12 ? "AM" : "PM");
    }

    private static String offsetToken(ZonedDateTime t, String style) {
        int minutes = t.getOffset().getTotalSeconds() / 60;
        return offset(minutes, style);
    }

    private static String zoneName(ZonedDateTime t, TextStyle style) {
        if (fixedZone(t.getZone())) {
            int minutes = t.getOffset().getTotalSeconds() / 60;
            return minutes == 0 ? (style == TextStyle.FULL ? "Coordinated Universal Time" : "UTC")
                    : "GMT" + offset(minutes, "narrow");
        }
        java.time.format.DateTimeFormatter f = java.time.format.DateTimeFormatter.ofPattern(
                style == TextStyle.FULL ? "zzzz" : "zzz", Locale.ENGLISH);
        return f.format(t);
    }

    private static int hour12(ZonedDateTime t) {
        int h = t.getHour() % 12;
        return h == 0 ? 12 : h;
    }

    static String pad(long value, int width) {
        return DateTimeMoment.pad(value, width);
    }
}
