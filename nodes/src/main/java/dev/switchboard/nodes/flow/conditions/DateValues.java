package dev.switchboard.nodes.flow.conditions;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoField;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads dates the way n8n's condition nodes do. Two flavours:
 * <ul>
 * <li>{@link #parse}: what the filter conditions accept (Luxon's ISO, HTTP, RFC 2822 and SQL forms, then
 * whatever {@code Date.parse} reads). Without an offset a date is in the workflow's zone.</li>
 * <li>{@link #parseJsDate}: JavaScript's {@code new Date(text)}, as the version-1 nodes use it: an ISO
 * date alone is UTC midnight, an ISO date-time without offset and every other form is in the zone.</li>
 * </ul>
 * Both give an instant, or null when the text is not a date.
 */
public final class DateValues {

    private static final String OFFSET = "(?:(Z)|([+-]\\d\\d)(?::?(\\d\\d))?)";
    private static final String TIME = "(\\d\\d)(?::?(\\d\\d)(?::?(\\d\\d)(?:[.,](\\d{1,30}))?)?)?";
    private static final String TIME_EXT = "(?:T" + TIME + OFFSET + "?(?:\\[([^\\]]+)])?)?";
    private static final Pattern ISO_YMD = Pattern.compile("([+-]\\d{6}|\\d{4})(?:-?(\\d\\d)(?:-?(\\d\\d))?)?" + TIME_EXT);
    private static final Pattern ISO_WEEK = Pattern.compile("(\\d{4})-?W(\\d\\d)(?:-?(\\d))?" + TIME_EXT);
    private static final Pattern ISO_ORDINAL = Pattern.compile("(\\d{4})-?(\\d{3})" + TIME_EXT);
    private static final Pattern ISO_TIME = Pattern.compile("T?" + TIME + OFFSET + "?");
    private static final Pattern SQL = Pattern.compile(
            "(?:(\\d{4})-(\\d\\d)-(\\d\\d))?(?:(?:^| )(\\d\\d):(\\d\\d)(?::(\\d\\d)(?:[.,](\\d{1,9}))?)?)?"
                    + " ?(?:" + OFFSET + "|([A-Za-z_]+(?:/[A-Za-z_+-]+)+|UTC))?");
    private static final Pattern JS_ISO = Pattern.compile(
            "([+-]\\d{6}|\\d{4})(?:-(\\d\\d)(?:-(\\d\\d))?)?(?:T(\\d\\d):(\\d\\d)(?::(\\d\\d)(?:\\.(\\d{1,9}))?)?)?(Z|[+-]\\d\\d:\\d\\d)?");
    private static final Pattern TOKEN = Pattern.compile(
            "(\\d{1,2}):(\\d\\d)(?::(\\d\\d)(?:[.,](\\d+))?)?|([+-])(\\d\\d):?(\\d\\d)|(\\d+)|([A-Za-z]+)");
    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5),
            Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("oct", 10),
            Map.entry("nov", 11), Map.entry("dec", 12));
    private static final Map<String, Integer> ZONES = Map.ofEntries(
            Map.entry("gmt", 0), Map.entry("ut", 0), Map.entry("utc", 0), Map.entry("z", 0),
            Map.entry("est", -5), Map.entry("edt", -4), Map.entry("cst", -6), Map.entry("cdt", -5),
            Map.entry("mst", -7), Map.entry("mdt", -6), Map.entry("pst", -8), Map.entry("pdt", -7));

    private DateValues() {
    }

    /** A date as n8n's filter conditions read it; null when the text is not a date. */
    public static Instant parse(String text, ZoneId zone, Instant now) {
        String s = text.strip();
        if (s.isEmpty()) {
            return null;
        }
        try {
            Instant iso = iso(s, zone, now);
            if (iso != null) {
                return iso;
            }
            Instant sql = sql(s, zone, now);
            if (sql != null) {
                return sql;
            }
            return textual(s, zone);
        } catch (DateTimeException | ArithmeticException | IllegalArgumentException e) {
            return null;
        }
    }

    /** JavaScript's {@code new Date(text)}; null for an invalid date. */
    public static Instant parseJsDate(String text, ZoneId zone) {
        String s = text.strip();
        if (s.isEmpty()) {
            return null;
        }
        try {
            Matcher m = JS_ISO.matcher(s);
            if (m.matches()) {
                LocalDate date = LocalDate.of(year(m.group(1)), num(m.group(2), 1), num(m.group(3), 1));
                if (m.group(4) == null) {
                    return date.atStartOfDay(ZoneOffset.UTC).toInstant();
                }
                LocalDateTime dt = date.atTime(time(m.group(4), m.group(5), m.group(6), m.group(7)));
                String off = m.group(8);
                if (off == null) {
                    return dt.atZone(zone).toInstant();
                }
                return dt.atOffset(off.equals("Z") ? ZoneOffset.UTC : ZoneOffset.of(off)).toInstant();
            }
            Instant sql = sql(s, zone, null);
            if (sql != null) {
                return sql;
            }
            return textual(s, zone);
        } catch (DateTimeException | ArithmeticException | IllegalArgumentException e) {
            return null;
        }
    }

    private static Instant iso(String s, ZoneId zone, Instant now) {
        Matcher m = ISO_YMD.matcher(s);
        if (m.matches()) {
            LocalDate date = LocalDate.of(year(m.group(1)), num(m.group(2), 1), num(m.group(3), 1));
            return atTime(date, m, 4, zone);
        }
        m = ISO_WEEK.matcher(s);
        if (m.matches()) {
            LocalDate date = LocalDate.of(Integer.parseInt(m.group(1)), 1, 4)
                    .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, Long.parseLong(m.group(2)))
                    .with(ChronoField.DAY_OF_WEEK, num(m.group(3), 1));
            return atTime(date, m, 4, zone);
        }
        m = ISO_ORDINAL.matcher(s);
        if (m.matches()) {
            LocalDate date = LocalDate.ofYearDay(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            return atTime(date, m, 3, zone);
        }
        m = ISO_TIME.matcher(s);
        if (m.matches() && (m.group(2) != null || s.startsWith("T"))) {
            LocalDate today = LocalDate.ofInstant(now == null ? Instant.now() : now, zone);
            LocalTime t = time(m.group(1), m.group(2), m.group(3), m.group(4));
            return zoned(today.atTime(t), m.group(5), m.group(6), m.group(7), null, zone);
        }
        return null;
    }

    private static Instant atTime(LocalDate date, Matcher m, int first, ZoneId zone) {
        if (m.group(first) == null) {
            return date.atStartOfDay(zone).toInstant();
        }
        LocalTime t = time(m.group(first), m.group(first + 1), m.group(first + 2), m.group(first + 3));
        return zoned(date.atTime(t), m.group(first + 4), m.group(first + 5), m.group(first + 6), m.group(first + 7),
                zone);
    }

    private static Instant zoned(LocalDateTime dt, String z, String hours, String minutes, String zoneName,
            ZoneId zone) {
        if (z != null) {
            return dt.toInstant(ZoneOffset.UTC);
        }
        if (hours != null) {
            int h = Integer.parseInt(hours);
            int mins = num(minutes, 0);
            return dt.toInstant(ZoneOffset.ofHoursMinutes(h, h < 0 || hours.startsWith("-") ? -mins : mins));
        }
        if (zoneName != null) {
            return dt.atZone(ZoneId.of(zoneName)).toInstant();
        }
        return dt.atZone(zone).toInstant();
    }

    private static Instant sql(String s, ZoneId zone, Instant now) {
        Matcher m = SQL.matcher(s);
        if (!m.matches() || m.group(1) == null && m.group(4) == null) {
            return null;
        }
        LocalDate date = m.group(1) != null
                ? LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)))
                : LocalDate.ofInstant(now == null ? Instant.now() : now, zone);
        LocalTime t = m.group(4) == null ? LocalTime.MIDNIGHT : time(m.group(4), m.group(5), m.group(6), m.group(7));
        String zoneName = m.group(11);
        return zoned(date.atTime(t), m.group(8), m.group(9), m.group(10),
                "UTC".equals(zoneName) ? "Z" : zoneName, zone);
    }

    /**
     * The forms JavaScript's {@code Date.parse} and the HTTP and RFC 2822 formats share: month names,
     * weekday names, slashed dates, times with AM/PM, GMT offsets and zone abbreviations.
     */
    private static Instant textual(String text, ZoneId zone) {
        String s = text.replaceAll("\\([^)]*\\)", " ");
        Matcher m = TOKEN.matcher(s);
        List<Integer> numbers = new ArrayList<>();
        List<Integer> numberLengths = new ArrayList<>();
        Integer month = null;
        LocalTime time = null;
        ZoneOffset offset = null;
        boolean pm = false;
        boolean am = false;
        int last = 0;
        while (m.find()) {
            String gap = s.substring(last, m.start());
            if (!gap.matches("[\\s,./-]*")) {
                return null;
            }
            last = m.end();
            if (m.group(1) != null) {
                if (time != null) {
                    return null;
                }
                time = time(m.group(1), m.group(2), m.group(3), m.group(4));
            } else if (m.group(5) != null) {
                if (time == null || offset != null && offset.getTotalSeconds() != 0) {
                    return null;
                }
                int h = Integer.parseInt(m.group(6));
                int mins = Integer.parseInt(m.group(7));
                int sign = m.group(5).equals("-") ? -1 : 1;
                offset = ZoneOffset.ofHoursMinutes(sign * h, sign * mins);
            } else if (m.group(8) != null) {
                numbers.add(Integer.parseInt(m.group(8)));
                numberLengths.add(m.group(8).length());
            } else {
                String word = m.group(9).toLowerCase(Locale.ROOT);
                Integer mon = word.length() >= 3 ? MONTHS.get(word.substring(0, 3)) : null;
                if (mon != null && month == null && fullOrShort(word)) {
                    month = mon;
                } else if (ZONES.containsKey(word)) {
                    offset = ZoneOffset.ofHours(ZONES.get(word));
                } else if (word.equals("am")) {
                    am = true;
                } else if (word.equals("pm")) {
                    pm = true;
                } else if (!isWeekday(word)) {
                    return null;
                }
            }
        }
        if (!s.substring(last).isBlank()) {
            return null;
        }
        int yearAt;
        int day;
        if (month != null) {
            if (numbers.size() != 2) {
                return null;
            }
            yearAt = numberLengths.get(0) >= 3 || numbers.get(0) > 31 ? 0 : 1;
            day = numbers.get(1 - yearAt);
        } else {
            if (numbers.size() != 3) {
                return null;
            }
            yearAt = numberLengths.get(0) >= 3 ? 0 : 2;
            month = numbers.get(1 - yearAt / 2);
            day = numbers.get(yearAt == 0 ? 2 : 1);
        }
        int year = numbers.get(yearAt);
        if (numberLengths.get(yearAt) <= 2) {
            year += year < 50 ? 2000 : 1900;
        }
        LocalTime t = time == null ? LocalTime.MIDNIGHT : time;
        if (pm || am) {
            int h = t.getHour();
            if (h > 12 || h == 0) {
                return null;
            }
            t = t.withHour(pm ? (h == 12 ? 12 : h + 12) : (h == 12 ? 0 : h));
        }
        LocalDateTime dt = LocalDate.of(year, month, day).atTime(t);
        return offset == null ? dt.atZone(zone).toInstant() : dt.toInstant(offset);
    }

    private static boolean fullOrShort(String word) {
        String[] full = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
            "october", "november", "december"};
        for (String f : full) {
            if (f.startsWith(word)) {
                return true;
            }
        }
        return word.equals("sept");
    }

    private static boolean isWeekday(String word) {
        for (String d : new String[] {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}) {
            if (word.length() >= 3 && d.startsWith(word)) {
                return true;
            }
        }
        return false;
    }

    private static int year(String text) {
        return Integer.parseInt(text.startsWith("+") ? text.substring(1) : text);
    }

    private static int num(String text, int fallback) {
        return text == null ? fallback : Integer.parseInt(text);
    }

    private static LocalTime time(String hours, String minutes, String seconds, String fraction) {
        int h = Integer.parseInt(hours);
        int mi = num(minutes, 0);
        int se = num(seconds, 0);
        int millis = 0;
        if (fraction != null) {
            String f = (fraction + "000").substring(0, 3);
            millis = Integer.parseInt(f);
        }
        return LocalTime.of(h, mi, se, millis * 1_000_000);
    }
}
