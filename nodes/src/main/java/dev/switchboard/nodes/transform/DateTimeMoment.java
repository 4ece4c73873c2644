package dev.switchboard.nodes.transform;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
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
 * {@code [literal]}), used by Date &amp; Time version 1: formatting a date in its zone, and reading a
 * date with a format, leniently (tokens found anywhere in what is left) or strictly (every character
 * accounted for), as moment does. English names.
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

    // ---- parsing

    /**
     * What a format read from a text: the fields found (null when absent), an offset or an absolute
     * instant when the format carried one, and whether moment would call the result valid.
     */
    static final class Fields {
        Integer year;
        Integer month;
        Integer day;
        Integer dayOfYear;
        Integer hour;
        Integer minute;
        Integer second;
        Integer millis;
        Boolean pm;
        Integer offsetMinutes;
        Instant instant;
        boolean anyParsed;
        boolean invalid;
        int leftOver;
        boolean unusedToken;

        boolean valid(boolean strict) {
            if (invalid || !anyParsed && instant == null) {
                return false;
            }
            return !strict || leftOver == 0 && !unusedToken;
        }
    }

    /** Reads {@code text} with a moment format, leniently or strictly. */
    static Fields parse(String text, String format, boolean strict) {
        Fields f = new Fields();
        String rest = text;
        int consumed = 0;
        for (Token token : tokens(format)) {
            Pattern regex = token.literal() ? Pattern.compile(Pattern.quote(token.text())) : parseRegex(token.text(), strict);
            if (regex == null) {
                continue;
            }
            Matcher m = regex.matcher(rest);
            String found = null;
            if (m.find() && !m.group().isEmpty()) {
                found = m.group();
                if (strict && m.start() > 0) {
                    found = null;
                } else {
                    rest = rest.substring(m.end());
                    consumed += found.length();
                }
            }
            if (token.literal()) {
                if (strict && found == null) {
                    f.unusedToken = true;
                }
                continue;
            }
            if (found == null) {
                f.unusedToken = true;
                continue;
            }
            f.anyParsed = true;
            assign(f, token.text(), found);
        }
        f.leftOver = text.length() - consumed;
        return f;
    }

    private static Pattern parseRegex(String token, boolean strict) {
        String r = switch (token) {
            case "YYYY" -> strict ? "\\d{4}" : "\\d{1,4}";
            case "YY" -> strict ? "\\d\\d" : "\\d\\d?";
            case "Y" -> "[+-]?\\d+";
            case "YYYYY", "YYYYYY" -> strict ? "[+-]?\\d{6}" : "[+-]?\\d{1,6}";
            case "y", "yy", "yyy", "yyyy", "gggg", "GGGG", "gg", "GG" -> "\\d{1,4}";
            case "M", "D", "H", "h", "k", "m", "s", "w", "W", "d", "e", "E" -> "\\d\\d?";
            case "MM", "DD", "HH", "hh", "kk", "mm", "ss", "ww", "WW" -> strict ? "\\d\\d" : "\\d\\d?";
            case "DDD" -> "\\d{1,3}";
            case "DDDD" -> strict ? "\\d{3}" : "\\d{1,3}";
            case "Do" -> strict ? "\\d{1,2}(?:st|nd|rd|th)" : "\\d{1,2}";
            case "Mo", "Qo", "wo", "Wo", "do", "DDDo" -> "\\d{1,3}(?:st|nd|rd|th)?";
            case "MMM", "MMMM" -> "(?i)(?:january|february|march|april|may|june|july|august|september|october|november"
                    + "|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\\.?";
            case "dd", "ddd", "dddd" -> "(?i)(?:sunday|monday|tuesday|wednesday|thursday|friday|saturday|sun|mon|tue|wed"
                    + "|thu|fri|sat|su|mo|tu|we|th|fr|sa)";
            case "Q" -> "\\d";
            case "a", "A" -> "(?i)[ap]\\.?m?\\.?";
            case "hmm", "Hmm" -> strict ? "\\d{3,4}" : "\\d\\d\\d\\d?";
            case "hmmss", "Hmmss" -> strict ? "\\d{5,6}" : "\\d\\d\\d\\d\\d\\d?";
            case "S" -> "\\d";
            case "SS" -> strict ? "\\d\\d" : "\\d\\d?";
            case "SSS" -> strict ? "\\d{3}" : "\\d{1,3}";
            case "Z", "ZZ" -> "(?i)Z|[+-]\\d\\d(?::?\\d\\d)?";
            case "X" -> "[+-]?\\d+(\\.\\d{1,3})?";
            case "x" -> "[+-]?\\d+";
            case "z", "zz" -> "(?i)[a-z]{2,5}";
            default -> token.startsWith("S") ? "\\d+" : token.startsWith("N") ? "(?i)AD|BC|Anno Domini|Before Christ" : null;
        };
        return r == null ? null : Pattern.compile(r);
    }

    private static void assign(Fields f, String token, String value) {
        switch (token) {
            case "YYYY" -> f.year = value.length() == 2 ? twoDigitYear(Integer.parseInt(value)) : Integer.parseInt(value);
            case "YY" -> f.year = twoDigitYear(Integer.parseInt(value));
            case "Y", "YYYYY", "YYYYYY", "y", "yy", "yyy", "yyyy" -> f.year = Integer.parseInt(value.replace("+", ""));
            case "M", "MM" -> f.month = Integer.parseInt(value) - 1;
            case "Mo" -> f.month = Integer.parseInt(value.replaceAll("\\D", "")) - 1;
            case "MMM", "MMMM" -> f.month = DateTimeInput.monthIndex(value);
            case "Q" -> f.month = (Integer.parseInt(value) - 1) * 3;
            case "D", "DD" -> f.day = Integer.parseInt(value);
            case "Do" -> f.day = Integer.parseInt(value.replaceAll("\\D", ""));
            case "DDD", "DDDD" -> f.dayOfYear = Integer.parseInt(value);
            case "H", "HH", "h", "hh" -> f.hour = Integer.parseInt(value);
            case "k", "kk" -> f.hour = Integer.parseInt(value) % 24;
            case "hmm", "Hmm", "hmmss", "Hmmss" -> {
                int head = value.length() % 2 == 1 ? 1 : 2;
                f.hour = Integer.parseInt(value.substring(0, head));
                f.minute = Integer.parseInt(value.substring(head, head + 2));
                if (value.length() > head + 2) {
                    f.second = Integer.parseInt(value.substring(head + 2));
                }
            }
            case "m", "mm" -> f.minute = Integer.parseInt(value);
            case "s", "ss" -> f.second = Integer.parseInt(value);
            case "a", "A" -> f.pm = Character.toLowerCase(value.charAt(0)) == 'p';
            case "Z", "ZZ" -> {
                ZoneOffset o = DateTimeInput.offset(value);
                f.offsetMinutes = o.getTotalSeconds() / 60;
            }
            case "X" -> f.instant = Instant.ofEpochMilli(Math.round(Double.parseDouble(value) * 1000));
            case "x" -> f.instant = Instant.ofEpochMilli(Long.parseLong(value));
            default -> {
                if (token.startsWith("S")) {
                    f.millis = (int) (Double.parseDouble("0." + value) * 1000);
                }
            }
        }
    }

    static int twoDigitYear(int value) {
        return value + (value > 68 ? 1900 : 2000);
    }

    /**
     * The date the fields describe, as moment builds it: fields missing before the first one given
     * come from {@code now}, later ones start at their minimum; wall-clock time in {@code zone} unless
     * the text carried an offset. Null when moment would call the date invalid.
     */
    static ZonedDateTime resolve(Fields f, ZoneId zone, Instant now) {
        if (f.instant != null) {
            return f.instant.atZone(zone);
        }
        ZonedDateTime current = now.atZone(f.offsetMinutes != null ? ZoneOffset.UTC : zone);
        int year;
        int month;
        int day;
        if (f.dayOfYear != null) {
            year = f.year != null ? f.year : current.getYear();
            try {
                LocalDate d = LocalDate.ofYearDay(year, f.dayOfYear);
                month = d.getMonthValue() - 1;
                day = d.getDayOfMonth();
            } catch (DateTimeException e) {
                return null;
            }
        } else {
            Integer[] parts = {f.year, f.month, f.day};
            int[] defaults = {current.getYear(), current.getMonthValue() - 1, current.getDayOfMonth()};
            int k = 0;
            while (k < 3 && parts[k] == null) {
                parts[k] = defaults[k];
                k++;
            }
            for (; k < 3; k++) {
                if (parts[k] == null) {
                    parts[k] = k == 2 ? 1 : 0;
                }
            }
            year = parts[0];
            month = parts[1];
            day = parts[2];
        }
        int hour = f.hour == null ? 0 : f.hour;
        if (f.pm != null) {
            if (f.pm && hour < 12) {
                hour += 12;
            } else if (!f.pm && hour == 12) {
                hour = 0;
            }
        }
        int minute = f.minute == null ? 0 : f.minute;
        int second = f.second == null ? 0 : f.second;
        int millis = f.millis == null ? 0 : f.millis;
        if (month < 0 || month > 11 || minute > 59 || second > 59 || millis > 999
                || hour > 24 || hour == 24 && (minute > 0 || second > 0 || millis > 0)) {
            return null;
        }
        try {
            LocalDate date = LocalDate.of(year, month + 1, day);
            LocalDateTime local = hour == 24 ? date.plusDays(1).atStartOfDay()
                    : date.atTime(hour, minute, second, millis * 1_000_000);
            if (f.offsetMinutes != null) {
                return local.atOffset(ZoneOffset.ofTotalSeconds(f.offsetMinutes * 60)).atZoneSameInstant(zone);
            }
            return local.atZone(zone);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
