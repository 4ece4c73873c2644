package dev.switchboard.nodes.transform;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.switchboard.platform.json.JsValues;
import dev.switchboard.platform.json.Json;
import dev.switchboard.platform.node.Item;
import dev.switchboard.platform.node.NodeContext;
import dev.switchboard.platform.node.NodeException;

/**
 * Date &amp; Time version 2 (Luxon semantics): get the current date, add to or subtract from a date,
 * format, round, measure the time between two dates, or extract a part. Dates are read in the
 * workflow's zone: numbers are timestamps (seconds below 10^10, else milliseconds), text is ISO, SQL,
 * RFC 2822, HTTP or a free form; text without an offset is wall-clock time in that zone.
 */
final class DateTimeOperations {

    private final NodeContext context;
    private final String operation;
    private final boolean includeInputFields;

    DateTimeOperations(NodeContext context) {
        this.context = context;
        this.operation = context.string("operation", 0, "getCurrentDate");
        this.includeInputFields = Boolean.TRUE.equals(SetLegacyValues.map(context.parameter("options", 0))
                .get("includeInputFields"));
    }

    Item apply(Item item, int i) {
        Map<String, Object> json = includeInputFields ? item.jsonCopy() : new LinkedHashMap<>();
        ZoneId zone = context.zone();
        Map<String, Object> options = SetLegacyValues.map(context.parameter("options", i));
        switch (operation) {
            case "getCurrentDate" -> {
                String tz = text(options.get("timezone"));
                ZoneId target = zone;
                if (!tz.isEmpty()) {
                    try {
                        target = ZoneId.of(tz);
                    } catch (DateTimeException e) {
                        throw new NodeException("The timezone " + tz + " is not valid. Please check the timezone.", i);
                    }
                }
                ZonedDateTime now = context.now().atZone(target);
                if (!context.bool("includeTime", i, true)) {
                    now = DateTimeLuxonCalendar.startOf(now, "day");
                }
                json.put(output(i, "currentDate"), DateTimeLuxon.toIso(now));
            }
            case "addToDate", "subtractFromDate" -> {
                ZonedDateTime date = parse(context.parameter("magnitude", i), zone, null, i);
                double amount = context.number("duration", i, 0);
                String unit = context.string("timeUnit", i, "days");
                ZonedDateTime result = plus(date, unit, "subtractFromDate".equals(operation) ? -amount : amount, i);
                json.put(output(i, "newDate"), DateTimeLuxon.toIso(result));
            }
            case "formatDate" -> {
                Object value = context.parameter("date", i);
                String name = output(i, "formattedDate");
                if (value == null) {
                    json.put(name, null);
                    break;
                }
                boolean workflowZone = Boolean.TRUE.equals(options.get("timezone"));
                String fromFormat = text(options.get("fromFormat"));
                ZonedDateTime date = parse(value, workflowZone ? zone : null, fromFormat.isEmpty() ? null : fromFormat, i);
                String format = context.string("format", i, "MM/dd/yyyy");
                if ("custom".equals(format)) {
                    format = context.string("customFormat", i, "");
                }
                json.put(name, DateTimeLuxon.format(date, format));
            }
            case "roundDate" -> {
                ZonedDateTime date = parse(context.parameter("date", i), zone, null, i);
                String mode = context.string("mode", i, "roundDown");
                ZonedDateTime result;
                if ("roundUp".equals(mode)) {
                    String to = context.string("to", i, "month");
                    result = startOf(plus(date, to, 1, i), to, i);
                } else if ("roundDown".equals(mode)) {
                    result = startOf(date, context.string("toNearest", i, "month"), i);
                } else {
                    throw new NodeException("Parameter \"mode\": unknown mode \"" + mode + "\"; use roundDown or roundUp", i);
                }
                json.put(output(i, "roundedDate"), DateTimeLuxon.toIso(result));
            }
            case "getTimeBetweenDates" -> {
                ZonedDateTime start = parse(context.parameter("startDate", i), zone, null, i);
                ZonedDateTime end = parse(context.parameter("endDate", i), zone, null, i);
                Map<String, Double> diff = DateTimeLuxonCalendar.diff(end, start,
                        units(context.parameter("units", i, List.of("day"))));
                json.put(output(i, "timeDifference"), Boolean.TRUE.equals(options.get("isoString"))
                        ? DateTimeLuxonCalendar.durationIso(diff) : DateTimeLuxonCalendar.durationObject(diff));
            }
            case "extractDate" -> {
                ZonedDateTime date = parse(context.parameter("date", i), zone, null, i);
                Object part = part(date, context.string("part", i, "month"));
                if (part != null) {
                    json.put(output(i, "datePart"), part);
                }
            }
            default -> throw new NodeException("Parameter \"operation\": unknown operation \"" + operation + "\"", i);
        }
        return new Item(json, includeInputFields ? item.binary() : null, null).withPairedItem(i);
    }

    private String output(int i, String fallback) {
        return context.rawParameter("outputFieldName") == null ? fallback
                : context.string("outputFieldName", i, fallback);
    }

    /**
     * n8n's parseDate: {@code zone} null means "not the workflow's zone" (UTC, keeping nothing of
     * the server's zone). Throws n8n's "Invalid date format" when the text is not a date.
     */
    static ZonedDateTime parse(Object value, ZoneId zone, String fromFormat, int itemIndex) {
        ZoneId target = zone == null ? ZoneOffset.UTC : zone;
        if (value == null) {
            throw new NodeException("Invalid date type", itemIndex);
        }
        if (value instanceof Number || value instanceof String s && fromFormat == null && s.chars().anyMatch(Character::isDigit)
                && !Double.isNaN(JsValues.parseNumber(s))) {
            double ts = JsValues.toNumber(value);
            if (Double.isInfinite(ts) || Double.isNaN(ts)) {
                throw new NodeException("Invalid numeric timestamp", itemIndex);
            }
            long millis = Math.abs(ts) < 1e10 ? Math.round(ts * 1000) : (long) ts;
            return Instant.ofEpochMilli(millis).atZone(target);
        }
        if (!(value instanceof String text)) {
            throw new NodeException("Invalid date type", itemIndex);
        }
        String trimmed = text.trim();
        if (trimmed.isEmpty()) {
            throw new NodeException("Invalid date format", itemIndex);
        }
        if (fromFormat != null) {
            ZonedDateTime parsed = DateTimeLuxonParser.parse(trimmed, fromFormat, target);
            if (parsed == null) {
                throw new NodeException("Invalid date format", itemIndex);
            }
            return parsed;
        }
        DateTimeInput.Parsed parsed = DateTimeInput.iso(trimmed, true);
        if (parsed == null) {
            parsed = DateTimeInput.rfc2822(trimmed);
        }
        if (parsed == null) {
            parsed = DateTimeInput.http(trimmed);
        }
        if (parsed == null) {
            parsed = DateTimeFreeForm.parse(trimmed);
        }
        if (parsed == null) {
            throw new NodeException("Invalid date format", itemIndex);
        }
        return parsed.in(target);
    }

    private static ZonedDateTime plus(ZonedDateTime date, String unit, double amount, int i) {
        try {
            return DateTimeLuxonCalendar.plus(date, unit, amount);
        } catch (IllegalArgumentException e) {
            throw new NodeException("Invalid unit " + unit, i);
        }
    }

    private static ZonedDateTime startOf(ZonedDateTime date, String unit, int i) {
        try {
            return DateTimeLuxonCalendar.startOf(date, unit);
        } catch (IllegalArgumentException e) {
            throw new NodeException("Invalid unit " + unit, i);
        }
    }

    private static List<String> units(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(v -> out.add(JsValues.string(v)));
        } else if (value != null && !JsValues.string(value).isBlank()) {
            for (String s : JsValues.string(value).split(",")) {
                out.add(s.trim());
            }
        }
        return out;
    }

    /** Luxon's {@code get(part)}, with "week" as the ISO week number; null for an unknown part. */
    static Object part(ZonedDateTime date, String part) {
        Integer value = switch (part) {
            case "year" -> date.getYear();
            case "quarter" -> (date.getMonthValue() + 2) / 3;
            case "month" -> date.getMonthValue();
            case "week", "weekNumber" -> date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            case "weekYear" -> date.get(IsoFields.WEEK_BASED_YEAR);
            case "weekday" -> date.getDayOfWeek().getValue();
            case "ordinal" -> date.getDayOfYear();
            case "day" -> date.getDayOfMonth();
            case "hour" -> date.getHour();
            case "minute" -> date.getMinute();
            case "second" -> date.getSecond();
            case "millisecond" -> date.getNano() / 1_000_000;
            default -> null;
        };
        return value == null ? null : Json.number(value);
    }

    private static String text(Object value) {
        return value == null ? "" : JsValues.string(value);
    }
}
