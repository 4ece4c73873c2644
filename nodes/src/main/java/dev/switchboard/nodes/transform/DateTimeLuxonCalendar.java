package dev.switchboard.nodes.transform;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.switchboard.platform.json.Json;

/**
 * Luxon's calendar arithmetic for Date &amp; Time version 2: {@code plus} and {@code startOf} of a
 * unit, {@code diff} into chosen units, and the resulting durations written as ISO or as an object.
 */
final class DateTimeLuxonCalendar {

    /** Luxon's duration units, largest first. */
    static final List<String> UNITS = List.of("years", "quarters", "months", "weeks", "days", "hours", "minutes",
            "seconds", "milliseconds");

    private DateTimeLuxonCalendar() {
    }

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
