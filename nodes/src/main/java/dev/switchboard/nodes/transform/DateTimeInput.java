package dev.switchboard.nodes.transform;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads dates written as text the ways JavaScript, moment and Luxon read them: ISO 8601 (with a
 * {@code T} or a space), RFC 2822 and HTTP dates, and JavaScript's {@code new Date(text)}, whose free
 * forms ("08/01/2022", "April 11, 2023 2:30 PM") {@link DateTimeFreeForm} reads. A parsed date keeps
 * its wall-clock fields and its offset when it has one; without one the caller decides the zone.
 * Also the month names and zone words both readers share.
 */
final class DateTimeInput {

    /**
     * A date read from text.
     *
     * @param local    the wall-clock fields
     * @param offset   the offset written in the text, or null when it had none
     * @param dateOnly whether the text had no time of day
     */
    record Parsed(LocalDateTime local, ZoneOffset offset, boolean dateOnly) {

        /** The instant, reading a date without offset as wall-clock time in {@code naiveZone}. */
        ZonedDateTime in(ZoneId naiveZone) {
            return offset != null ? local.atOffset(offset).atZoneSameInstant(naiveZone) : local.atZone(naiveZone);
        }

        Instant instant(ZoneId naiveZone) {
            return in(naiveZone).toInstant();
        }
    }

    static final String[] MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december"};

    /** The zone names RFC 2822 and JavaScript's free forms accept, as offsets in minutes. */
    static final Map<String, Integer> ZONE_WORDS = Map.ofEntries(
            Map.entry("ut", 0), Map.entry("utc", 0), Map.entry("gmt", 0), Map.entry("z", 0),
            Map.entry("est", -300), Map.entry("edt", -240), Map.entry("cst", -360), Map.entry("cdt", -300),
            Map.entry("mst", -420), Map.entry("mdt", -360), Map.entry("pst", -480), Map.entry("pdt", -420));

    private static final Pattern ISO = Pattern.compile(
            "\\s*([+-]\\d{6}|\\d{4})(?:-(\\d\\d)(?:-(\\d\\d))?|(\\d\\d)(\\d\\d)|-W(\\d\\d)(?:-(\\d))?|-(\\d\\d\\d)|)"
                    + "(?:([Tt ])(\\d\\d)(?::?(\\d\\d)(?::?(\\d\\d)(?:[.,](\\d+))?)?)?"
                    + "\\s*(Z|z|[+-]\\d\\d(?::?\\d\\d)?)?)?\\s*");
    private static final Pattern ES_ISO = Pattern.compile(
            "([+-]\\d{6}|\\d{4})(?:-(\\d\\d)(?:-(\\d\\d))?)?(?:T(\\d\\d):(\\d\\d)(?::(\\d\\d)(?:\\.(\\d+))?)?(Z|[+-]\\d\\d:\\d\\d)?)?");
    private static final Pattern RFC2822 = Pattern.compile(
            "(?:(?:mon|tue|wed|thu|fri|sat|sun),?\\s+)?(\\d{1,2})\\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\\s+(\\d{2,4})\\s+"
                    + "(\\d\\d):(\\d\\d)(?::(\\d\\d))?\\s+(ut|gmt|[ecmp][sd]t|z|[+-]\\d{4})",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HTTP = Pattern.compile(
            "(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\\s+(\\d{1,2})[ -](jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[ -](\\d{2,4})\\s+"
                    + "(\\d\\d):(\\d\\d):(\\d\\d)\\s+gmt|(?:mon|tue|wed|thu|fri|sat|sun)\\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\\s+"
                    + "(\\d{1,2})\\s+(\\d\\d):(\\d\\d):(\\d\\d)\\s+(\\d{4})",
            Pattern.CASE_INSENSITIVE);

    private DateTimeInput() {
    }

    /**
     * ISO 8601 as moment and Luxon read it: calendar, week and ordinal dates, compact or extended,
     * with an optional time after {@code T} (or a space when {@code allowSpace}) and offset. Null
     * when the text is not ISO.
     */
    static Parsed iso(String text, boolean allowSpace) {
        Matcher m = ISO.matcher(text);
        if (!m.matches()) {
            return null;
        }
        if (" ".equals(m.group(9)) && !allowSpace) {
            return null;
        }
        try {
            int year = Integer.parseInt(m.group(1).replace("+", ""));
            LocalDate date;
            if (m.group(6) != null) {
                int week = Integer.parseInt(m.group(6));
                int dow = m.group(7) == null ? 1 : Integer.parseInt(m.group(7));
                date = LocalDate.of(year, 6, 1).with(IsoFields.WEEK_BASED_YEAR, year)
                        .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week).with(java.time.temporal.ChronoField.DAY_OF_WEEK, dow);
            } else if (m.group(8) != null) {
                date = LocalDate.ofYearDay(year, Integer.parseInt(m.group(8)));
            } else if (m.group(4) != null) {
                date = LocalDate.of(year, Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)));
            } else {
                int month = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
                int day = m.group(3) == null ? 1 : Integer.parseInt(m.group(3));
                date = LocalDate.of(year, month, day);
            }
            if (m.group(10) == null) {
                return new Parsed(date.atStartOfDay(), null, true);
            }
            int hour = Integer.parseInt(m.group(10));
            int minute = m.group(11) == null ? 0 : Integer.parseInt(m.group(11));
            int second = m.group(12) == null ? 0 : Integer.parseInt(m.group(12));
            int nanos = m.group(13) == null ? 0 : fractionNanos(m.group(13));
            LocalDateTime local = hour == 24 && minute == 0 && second == 0 && nanos == 0
                    ? date.plusDays(1).atStartOfDay() : date.atTime(hour, minute, second, nanos);
            return new Parsed(local, offset(m.group(14)), false);
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    /** RFC 2822 ("Tue, 01 Nov 2016 13:23:12 +0630"); null when the text is not one. */
    static Parsed rfc2822(String text) {
        Matcher m = RFC2822.matcher(text.replaceAll("\\([^)]*\\)", " ").trim().replaceAll("\\s+", " "));
        if (!m.matches()) {
            return null;
        }
        try {
            int year = Integer.parseInt(m.group(3));
            if (m.group(3).length() == 2) {
                year += year < 50 ? 2000 : 1900;
            }
            LocalDateTime local = LocalDateTime.of(year, monthIndex(m.group(2)) + 1, Integer.parseInt(m.group(1)),
                    Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                    m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
            String zone = m.group(7).toLowerCase(Locale.ROOT);
            int minutes = ZONE_WORDS.containsKey(zone) ? ZONE_WORDS.get(zone) : offsetMinutes(zone);
            return new Parsed(local, ZoneOffset.ofTotalSeconds(minutes * 60), false);
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    /** HTTP dates (RFC 1123, RFC 850 and asctime), always UTC; null when the text is not one. */
    static Parsed http(String text) {
        Matcher m = HTTP.matcher(text.trim());
        if (!m.matches()) {
            return null;
        }
        try {
            if (m.group(1) != null) {
                int year = Integer.parseInt(m.group(3));
                if (m.group(3).length() == 2) {
                    year += year < 50 ? 2000 : 1900;
                }
                return new Parsed(LocalDateTime.of(year, monthIndex(m.group(2)) + 1, Integer.parseInt(m.group(1)),
                        Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6))),
                        ZoneOffset.UTC, false);
            }
            return new Parsed(LocalDateTime.of(Integer.parseInt(m.group(12)), monthIndex(m.group(7)) + 1,
                    Integer.parseInt(m.group(8)), Integer.parseInt(m.group(9)), Integer.parseInt(m.group(10)),
                    Integer.parseInt(m.group(11))), ZoneOffset.UTC, false);
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    /**
     * JavaScript's {@code new Date(text)}: the ECMAScript ISO form first (a date alone is UTC, a
     * date-time without offset local), then the free forms, local unless they name a zone. Null
     * when JavaScript would make an invalid date.
     */
    static Instant jsDate(String text, ZoneId local) {
        Parsed p = esIso(text.trim());
        if (p != null) {
            return p.instant(p.dateOnly() ? ZoneOffset.UTC : local);
        }
        p = DateTimeFreeForm.parse(text);
        return p == null ? null : p.instant(local);
    }

    private static Parsed esIso(String text) {
        Matcher m = ES_ISO.matcher(text);
        if (!m.matches()) {
            return null;
        }
        try {
            int year = Integer.parseInt(m.group(1).replace("+", ""));
            LocalDate date = LocalDate.of(year, m.group(2) == null ? 1 : Integer.parseInt(m.group(2)),
                    m.group(3) == null ? 1 : Integer.parseInt(m.group(3)));
            if (m.group(4) == null) {
                return new Parsed(date.atStartOfDay(), null, true);
            }
            int hour = Integer.parseInt(m.group(4));
            int minute = Integer.parseInt(m.group(5));
            int second = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
            int nanos = m.group(7) == null ? 0 : fractionNanos(m.group(7)) / 1_000_000 * 1_000_000;
            LocalDateTime local = hour == 24 && minute == 0 && second == 0 && nanos == 0
                    ? date.plusDays(1).atStartOfDay() : date.atTime(hour, minute, second, nanos);
            return new Parsed(local, offset(m.group(8)), false);
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    /** The month (0 to 11) whose name starts with the first three letters of {@code word}, or -1. */
    static int monthIndex(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        if (w.length() < 3) {
            return -1;
        }
        for (int k = 0; k < MONTHS.length; k++) {
            if (MONTHS[k].startsWith(w.substring(0, 3))) {
                return k;
            }
        }
        return -1;
    }

    /** An offset as written: Z, +05, +0500 or +05:00; null for none. */
    static ZoneOffset offset(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim();
        if (t.equalsIgnoreCase("z")) {
            return ZoneOffset.UTC;
        }
        return ZoneOffset.ofTotalSeconds(offsetMinutes(t) * 60);
    }

    private static int offsetMinutes(String t) {
        int sign = t.charAt(0) == '-' ? -1 : 1;
        String digits = t.substring(1).replace(":", "");
        int hours = Integer.parseInt(digits.substring(0, 2));
        int minutes = digits.length() >= 4 ? Integer.parseInt(digits.substring(2, 4)) : 0;
        return sign * (hours * 60 + minutes);
    }

    private static int fractionNanos(String digits) {
        String d = (digits + "000000000").substring(0, 9);
        return Integer.parseInt(d);
    }
}
