package dev.switchboard.nodes.transform;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.switchboard.platform.json.Json;

/**
 * Luxon's behaviour for Date &amp; Time version 2: {@code toFormat} and {@code fromFormat} tokens
 * ({@code yyyy-MM-dd HH:mm}, {@code 'literal'}), {@code toISO}, calendar arithmetic
 * ({@code plus}, {@code startOf}) and {@code diff} into chosen units. English (en-US) names.
 */
final class DateTimeLuxon {

    /** Luxon's duration units, largest first. */
    static final List<String> UNITS = List.of("years", "quarters", "months", "weeks", "days", "hours", "minutes",
            "seconds", "milliseconds");
    private static final char NNBSP = '\u202F';

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

    // ---- parsing with a format

    /**
     * Luxon's {@code fromFormat}: the whole text must match the format (case-insensitively). Wall
     * time is read in {@code zone} unless the text carries an offset or zone, which the result then
     * keeps. Null when the text does not match.
     */
    static ZonedDateTime parse(String text, String format, ZoneId zone) {
        List<Token> tokens = tokens(format);
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
            if (c == ' ' || c == '\u00A0' || c == NNBSP) {
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

    // ---- arithmetic

    /** Luxon's {@code plus} of one unit: calendar units on the wall clock, time units on the timeline. */
    static ZonedDateTime plus(ZonedDateTime t, String unit, double amount) {
        String u = normalizeUnit(unit);
        long whole = (long) amount;
        double fraction = amount - whole;
        ZonedDateTime out = switch (u) {
            case "years" -> t.plusYears(whole);
            case "quarters" -> t.plusMonths(whole * 3);
            case "months" -> t.plusMonths(whole);
            case "weeks" -> t.plusWeeks(whole);
            case "days" -> t.plusDays(whole);
            default -> t;
        };
        double millis = switch (u) {
            case "years" -> fraction * 365 * 86_400_000d;
            case "quarters" -> fraction * 91 * 86_400_000d;
            case "months" -> fraction * 30 * 86_400_000d;
            case "weeks" -> fraction * 7 * 86_400_000d;
            case "days" -> fraction * 86_400_000d;
            case "hours" -> amount * 3_600_000d;
            case "minutes" -> amount * 60_000d;
            case "seconds" -> amount * 1000d;
            case "milliseconds" -> amount;
            default -> throw new IllegalArgumentException("unknown unit \"" + unit + "\"");
        };
        if (millis != 0) {
            out = out.plus(Math.round(millis), ChronoUnit.MILLIS);
        }
        return out;
    }

    /** Luxon's {@code startOf}: the beginning of the year, quarter, month, ISO week, day, hour, minute or second. */
    static ZonedDateTime startOf(ZonedDateTime t, String unit) {
        String u = normalizeUnit(unit);
        LocalDateTime l = t.toLocalDateTime();
        LocalDateTime start = switch (u) {
            case "years" -> l.toLocalDate().withDayOfYear(1).atStartOfDay();
            case "quarters" -> l.toLocalDate().withMonth((l.getMonthValue() - 1) / 3 * 3 + 1).withDayOfMonth(1).atStartOfDay();
            case "months" -> l.toLocalDate().withDayOfMonth(1).atStartOfDay();
            case "weeks" -> l.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay();
            case "days" -> l.toLocalDate().atStartOfDay();
            case "hours" -> l.truncatedTo(ChronoUnit.HOURS);
            case "minutes" -> l.truncatedTo(ChronoUnit.MINUTES);
            case "seconds" -> l.truncatedTo(ChronoUnit.SECONDS);
            case "milliseconds" -> l.truncatedTo(ChronoUnit.MILLIS);
            default -> throw new IllegalArgumentException("unknown unit \"" + unit + "\"");
        };
        return ZonedDateTime.ofLocal(start, t.getZone(), t.getOffset());
    }

    /** The plural unit name Luxon uses for {@code day}, {@code days} and the like; unchanged when unknown. */
    static String normalizeUnit(String unit) {
        String u = unit.toLowerCase(Locale.ROOT);
        return switch (u) {
            case "year", "years", "y" -> "years";
            case "quarter", "quarters" -> "quarters";
            case "month", "months" -> "months";
            case "week", "weeks" -> "weeks";
            case "day", "days", "d" -> "days";
            case "hour", "hours", "h" -> "hours";
            case "minute", "minutes" -> "minutes";
            case "second", "seconds", "s" -> "seconds";
            case "millisecond", "milliseconds", "ms" -> "milliseconds";
            default -> u;
        };
    }

    /**
     * Luxon's {@code end.diff(start, units)}: whole calendar units first, the rest in the time units
     * (the smallest one fractional), negative when end is before start. Keys in Luxon's order.
     */
    static Map<String, Double> diff(ZonedDateTime end, ZonedDateTime start, List<String> requested) {
        List<String> units = new ArrayList<>();
        for (String u : UNITS) {
            for (String r : requested) {
                if (normalizeUnit(r).equals(u) && !units.contains(u)) {
                    units.add(u);
                }
            }
        }
        if (units.isEmpty()) {
            units.add("milliseconds");
        }
        boolean negative = end.toInstant().isBefore(start.toInstant());
        ZonedDateTime earlier = negative ? end : start.withZoneSameInstant(end.getZone());
        ZonedDateTime later = negative ? start.withZoneSameInstant(end.getZone()) : end;
        Map<String, Double> results = new LinkedHashMap<>();
        ZonedDateTime cursor = earlier;
        ZonedDateTime highWater = null;
        String lowestOrder = null;
        for (String unit : List.of("years", "quarters", "months", "weeks", "days")) {
            if (!units.contains(unit)) {
                continue;
            }
            lowestOrder = unit;
            long value = switch (unit) {
                case "years" -> later.getYear() - cursor.getYear();
                case "quarters" -> (later.getYear() - cursor.getYear()) * 4L
                        + ((later.getMonthValue() - 1) / 3 - (cursor.getMonthValue() - 1) / 3);
                case "months" -> (later.getYear() - cursor.getYear()) * 12L + later.getMonthValue() - cursor.getMonthValue();
                case "weeks" -> {
                    long days = dayDiff(cursor, later);
                    yield (days - days % 7) / 7;
                }
                default -> dayDiff(cursor, later);
            };
            results.put(unit, (double) value);
            highWater = plusAll(earlier, results);
            if (highWater.isAfter(later)) {
                results.put(unit, results.get(unit) - 1);
                cursor = plusAll(earlier, results);
                if (cursor.isAfter(later)) {
                    highWater = cursor;
                    results.put(unit, results.get(unit) - 1);
                    cursor = plusAll(earlier, results);
                }
            } else {
                cursor = highWater;
            }
        }
        long remaining = later.toInstant().toEpochMilli() - cursor.toInstant().toEpochMilli();
        List<String> lower = units.stream().filter(u -> List.of("hours", "minutes", "seconds", "milliseconds").contains(u)).toList();
        if (lower.isEmpty()) {
            if (highWater != null && highWater.isBefore(later)) {
                highWater = plusAll(cursor, Map.of(lowestOrder, 1.0));
            }
            if (highWater != null && highWater != cursor) {
                long span = highWater.toInstant().toEpochMilli() - cursor.toInstant().toEpochMilli();
                if (span != 0) {
                    results.put(lowestOrder, results.get(lowestOrder) + (double) remaining / span);
                }
            }
        } else {
            double left = remaining;
            for (int i = 0; i < lower.size(); i++) {
                String u = lower.get(i);
                double size = switch (u) {
                    case "hours" -> 3_600_000d;
                    case "minutes" -> 60_000d;
                    case "seconds" -> 1000d;
                    default -> 1d;
                };
                if (i == lower.size() - 1) {
                    results.put(u, left / size);
                } else {
                    double whole = Math.floor(left / size);
                    results.put(u, whole);
                    left -= whole * size;
                }
            }
        }
        Map<String, Double> ordered = new LinkedHashMap<>();
        for (String u : UNITS) {
            if (results.containsKey(u)) {
                double v = results.get(u);
                ordered.put(u, negative ? (v == 0 ? 0 : -v) : v);
            }
        }
        return ordered;
    }

    private static long dayDiff(ZonedDateTime a, ZonedDateTime b) {
        return ChronoUnit.DAYS.between(a.toLocalDate(), b.toLocalDate());
    }

    private static ZonedDateTime plusAll(ZonedDateTime start, Map<String, Double> amounts) {
        long months = 0;
        long days = 0;
        for (var e : amounts.entrySet()) {
            long v = Math.round(e.getValue());
            switch (e.getKey()) {
                case "years" -> months += v * 12;
                case "quarters" -> months += v * 3;
                case "months" -> months += v;
                case "weeks" -> days += v * 7;
                case "days" -> days += v;
                default -> {
                    // only calendar units reach here
                }
            }
        }
        return start.plusMonths(months).plusDays(days);
    }

    /** A duration as Luxon's {@code toISO()} writes it ("P1M2DT3H", "PT0S"). */
    static String durationIso(Map<String, Double> d) {
        StringBuilder s = new StringBuilder("P");
        double years = d.getOrDefault("years", 0d);
        double months = d.getOrDefault("months", 0d) + d.getOrDefault("quarters", 0d) * 3;
        double weeks = d.getOrDefault("weeks", 0d);
        double days = d.getOrDefault("days", 0d);
        double hours = d.getOrDefault("hours", 0d);
        double minutes = d.getOrDefault("minutes", 0d);
        double seconds = d.getOrDefault("seconds", 0d);
        double millis = d.getOrDefault("milliseconds", 0d);
        if (years != 0) {
            s.append(num(years)).append('Y');
        }
        if (months != 0) {
            s.append(num(months)).append('M');
        }
        if (weeks != 0) {
            s.append(num(weeks)).append('W');
        }
        if (days != 0) {
            s.append(num(days)).append('D');
        }
        if (hours != 0 || minutes != 0 || seconds != 0 || millis != 0) {
            s.append('T');
        }
        if (hours != 0) {
            s.append(num(hours)).append('H');
        }
        if (minutes != 0) {
            s.append(num(minutes)).append('M');
        }
        if (seconds != 0 || millis != 0) {
            s.append(num(Math.round((seconds + millis / 1000) * 1000) / 1000d)).append('S');
        }
        if (s.length() == 1) {
            s.append("T0S");
        }
        return s.toString();
    }

    /** A duration object with JSON numbers (whole values as integers). */
    static Map<String, Object> durationObject(Map<String, Double> d) {
        Map<String, Object> out = new LinkedHashMap<>();
        d.forEach((k, v) -> out.put(k, Json.number(v)));
        return out;
    }

    private static String num(double v) {
        return Json.toText(Json.number(v));
    }
}
