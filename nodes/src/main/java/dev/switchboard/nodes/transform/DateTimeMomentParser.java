package dev.switchboard.nodes.transform;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.switchboard.nodes.transform.DateTimeMoment.Token;

/**
 * Reading a date with a moment.js format for Date &amp; Time version 1: leniently (tokens found
 * anywhere in what is left) or strictly (every character accounted for), as moment does, then
 * building the date from the fields found. The tokens come from {@link DateTimeMoment#tokens}.
 */
final class DateTimeMomentParser {

    private DateTimeMomentParser() {
    }

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
        for (Token token : DateTimeMoment.tokens(format)) {
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
