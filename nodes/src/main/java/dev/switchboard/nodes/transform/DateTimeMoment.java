package dev.switchboard.nodes.transform;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.IsoFields;
import java.time.temporal.WeekFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * moment.js's format tokens ({@code YYYY-MM-DD HH:mm:ss}, {@code X}, {@code x}, {@code Do},
 * {@code [literal]}), used by Date &amp; Time version 1: splitting a format into tokens (localized
 * ones expanded) and formatting a date in its zone, with English names. Reading a date with a format
 * is {@link DateTimeMomentParser}.
 */
final class DateTimeMoment {

    private static final Pattern LOCAL_TOKENS = Pattern.compile("(\\[[^\\[]*\\])|(\\\\)?(LTS|LT|LL?L?L?|l{1,4})");
    private static final Pattern TOKENS = Pattern.compile(
            "(\\[[^\\[]*\\])|(\\\\)?([Hh]mm(ss)?|Mo|MM?M?M?|Do|DDDo|DD?D?D?|ddd?d?|do?|w[o|w]?|W[o|W]?|Qo?|N{1,5}"
                    + "|YYYYYY|YYYYY|YYYY|YY|y{2,4}|yo?|gg(ggg?)?|GG(GGG?)?|e|E|a|A|hh?|HH?|kk?|mm?|ss?|S{1,9}|x|X|zz?|ZZ?|.)",
            Pattern.DOTALL);
    private static final WeekFields US_WEEKS = WeekFields.of(java.time.DayOfWeek.SUNDAY, 1);

    /** One piece of a format: a token to format or parse, or literal text. */
    record Token(String text, boolean literal) {
    }

    private DateTimeMoment() {
    }

    /** Splits a moment format into tokens, expanding the localized ones (L, LL, LT ...). */
    static List<Token> tokens(String format) {
        String expanded = format;
        for (int round = 0; round < 5; round++) {
            Matcher lm = LOCAL_TOKENS.matcher(expanded);
            StringBuilder sb = new StringBuilder();
            boolean changed = false;
            while (lm.find()) {
                String replacement = lm.group(0);
                if (lm.group(1) == null && lm.group(2) == null) {
                    String longForm = longFormat(lm.group(3));
                    if (longForm != null) {
                        replacement = longForm;
                        changed = true;
                    }
                }
                lm.appendReplacement(sb, Matcher.quoteReplacement(replacement));
            }
            lm.appendTail(sb);
            expanded = sb.toString();
            if (!changed) {
                break;
            }
        }
        List<Token> out = new ArrayList<>();
        Matcher m = TOKENS.matcher(expanded);
        while (m.find()) {
            if (m.group(1) != null) {
                String inner = m.group(1);
                out.add(new Token(inner.substring(1, inner.length() - 1), true));
            } else if (m.group(2) != null) {
                out.add(new Token(m.group(3), true));
            } else {
                String t = m.group(3);
                out.add(new Token(t, !isToken(t)));
            }
        }
        return out;
    }

    private static String longFormat(String token) {
        return switch (token) {
            case "LT" -> "h:mm A";
            case "LTS" -> "h:mm:ss A";
            case "L" -> "MM/DD/YYYY";
            case "LL" -> "MMMM D, YYYY";
            case "LLL" -> "MMMM D, YYYY h:mm A";
            case "LLLL" -> "dddd, MMMM D, YYYY h:mm A";
            case "l" -> "M/D/YYYY";
            case "ll" -> "MMM D, YYYY";
            case "lll" -> "MMM D, YYYY h:mm A";
            case "llll" -> "ddd, MMM D, YYYY h:mm A";
            default -> null;
        };
    }

    private static boolean isToken(String t) {
        return t.length() > 1 || "MDdwWQNyeEaAhHkmsSxXzZYG".indexOf(t.charAt(0)) >= 0 && !t.equals("G");
    }

    /** The date written with a moment format, in the date's own zone. */
    static String format(ZonedDateTime t, String format) {
        StringBuilder out = new StringBuilder();
        for (Token token : tokens(format)) {
            out.append(token.literal() ? token.text() : formatToken(t, token.text()));
        }
        return out.toString();
    }

    private static String formatToken(ZonedDateTime t, String token) {
        int year = t.getYear();
        return switch (token) {
            case "M" -> String.valueOf(t.getMonthValue());
            case "Mo" -> ordinal(t.getMonthValue());
            case "MM" -> pad(t.getMonthValue(), 2);
            case "MMM" -> t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
            case "MMMM" -> t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
            case "Q" -> String.valueOf((t.getMonthValue() + 2) / 3);
            case "Qo" -> ordinal((t.getMonthValue() + 2) / 3);
            case "D" -> String.valueOf(t.getDayOfMonth());
            case "Do" -> ordinal(t.getDayOfMonth());
            case "DD" -> pad(t.getDayOfMonth(), 2);
            case "DDD" -> String.valueOf(t.getDayOfYear());
            case "DDDo" -> ordinal(t.getDayOfYear());
            case "DDDD" -> pad(t.getDayOfYear(), 3);
            case "d", "e" -> String.valueOf(t.getDayOfWeek().getValue() % 7);
            case "do" -> ordinal(t.getDayOfWeek().getValue() % 7);
            case "dd" -> t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH).substring(0, 2);
            case "ddd" -> t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
            case "dddd" -> t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
            case "E" -> String.valueOf(t.getDayOfWeek().getValue());
            case "w" -> String.valueOf(t.get(US_WEEKS.weekOfWeekBasedYear()));
            case "wo" -> ordinal(t.get(US_WEEKS.weekOfWeekBasedYear()));
            case "ww" -> pad(t.get(US_WEEKS.weekOfWeekBasedYear()), 2);
            case "W" -> String.valueOf(t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case "Wo" -> ordinal(t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case "WW" -> pad(t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), 2);
            case "YY" -> pad(Math.floorMod(year, 100), 2);
            case "YYYY" -> year < 0 ? "-" + pad(-year, 4) : pad(year, 4);
            case "YYYYY" -> year < 0 ? "-" + pad(-year, 5) : pad(year, 5);
            case "YYYYYY" -> (year < 0 ? "-" : "+") + pad(Math.abs(year), 6);
            case "Y" -> year <= 9999 ? (year < 0 ? "-" + pad(-year, 4) : pad(year, 4)) : "+" + year;
            case "y", "yy", "yyy", "yyyy", "yo" -> String.valueOf(year);
            case "gg" -> pad(Math.floorMod(t.get(US_WEEKS.weekBasedYear()), 100), 2);
            case "gggg" -> pad(t.get(US_WEEKS.weekBasedYear()), 4);
            case "ggggg" -> pad(t.get(US_WEEKS.weekBasedYear()), 5);
            case "GG" -> pad(Math.floorMod(t.get(IsoFields.WEEK_BASED_YEAR), 100), 2);
            case "GGGG" -> pad(t.get(IsoFields.WEEK_BASED_YEAR), 4);
            case "GGGGG" -> pad(t.get(IsoFields.WEEK_BASED_YEAR), 5);
            case "N", "NN", "NNN" -> year > 0 ? "AD" : "BC";
            case "NNNN" -> year > 0 ? "Anno Domini" : "Before Christ";
            case "NNNNN" -> year > 0 ? "AD" : "BC";
            case "a" -> t.getHour() > 11 ? "pm" : "am";
            case "A" -> t.getHour() > 11 ? "PM" : "AM";
            case "H" -> String.valueOf(t.getHour());
            case "HH" -> pad(t.getHour(), 2);
            case "h" -> String.valueOf(hour12(t));
            case "hh" -> pad(hour12(t), 2);
            case "k" -> String.valueOf(t.getHour() == 0 ? 24 : t.getHour());
            case "kk" -> pad(t.getHour() == 0 ? 24 : t.getHour(), 2);
            case "hmm" -> hour12(t) + pad(t.getMinute(), 2);
            case "hmmss" -> hour12(t) + pad(t.getMinute(), 2) + pad(t.getSecond(), 2);
            case "Hmm" -> t.getHour() + pad(t.getMinute(), 2);
            case "Hmmss" -> t.getHour() + pad(t.getMinute(), 2) + pad(t.getSecond(), 2);
            case "m" -> String.valueOf(t.getMinute());
            case "mm" -> pad(t.getMinute(), 2);
            case "s" -> String.valueOf(t.getSecond());
            case "ss" -> pad(t.getSecond(), 2);
            case "Z" -> offset(t, true);
            case "ZZ" -> offset(t, false);
            case "z", "zz" -> zoneAbbreviation(t);
            case "X" -> String.valueOf(Math.floorDiv(t.toInstant().toEpochMilli(), 1000));
            case "x" -> String.valueOf(t.toInstant().toEpochMilli());
            default -> {
                if (token.startsWith("S")) {
                    int millis = t.getNano() / 1_000_000;
                    String digits = pad(millis, 3) + "000000";
                    yield digits.substring(0, token.length());
                }
                yield token;
            }
        };
    }

    private static int hour12(ZonedDateTime t) {
        int h = t.getHour() % 12;
        return h == 0 ? 12 : h;
    }

    private static String offset(ZonedDateTime t, boolean colon) {
        int total = t.getOffset().getTotalSeconds() / 60;
        String sign = total < 0 ? "-" : "+";
        total = Math.abs(total);
        return sign + pad(total / 60, 2) + (colon ? ":" : "") + pad(total % 60, 2);
    }

    private static String zoneAbbreviation(ZonedDateTime t) {
        ZoneId zone = t.getZone();
        if (zone instanceof ZoneOffset || zone.getId().equalsIgnoreCase("UTC") || zone.getId().equals("Etc/UTC")) {
            return t.getOffset().getTotalSeconds() == 0 ? "UTC" : offset(t, true);
        }
        return DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH).format(t);
    }

    static String ordinal(int n) {
        int mod100 = n % 100;
        String suffix = mod100 >= 11 && mod100 <= 13 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
    }

    static String pad(long value, int width) {
        String s = String.valueOf(Math.abs(value));
        StringBuilder sb = new StringBuilder();
        if (value < 0) {
            sb.append('-');
        }
        for (int i = s.length(); i < width; i++) {
            sb.append('0');
        }
        return sb.append(s).toString();
    }
}
