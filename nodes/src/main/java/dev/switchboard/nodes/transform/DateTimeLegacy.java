package dev.switchboard.nodes.transform;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;

import dev.switchboard.platform.json.JsValues;
import dev.switchboard.platform.json.Json;
import dev.switchboard.platform.node.Item;
import dev.switchboard.platform.node.NodeContext;
import dev.switchboard.platform.node.NodeException;

/**
 * Date &amp; Time version 1 (moment.js semantics). "Format" reads a timestamp (seconds when it has
 * fewer than 12 digits, else milliseconds) or a date text, optionally with a moment "From Format",
 * converts between "From" and "To" time zones (the workflow's zone standing in for a missing one) and
 * writes it with a moment format. "Calculate" reads the date as JavaScript's {@code Date} does (or
 * strictly with the From Format), adds or subtracts a duration, and writes an ISO UTC timestamp.
 *
 * <p>Dates without a zone are read in the server's zone ({@link #serverZone}), as n8n read them in its
 * process's zone in this version; the workflow's zone applies only where the node converts between zones.
 */
final class DateTimeLegacy {

    /** The zone version 1 reads zone-less dates in: n8n used its process's zone, not the workflow's. */
    static ZoneId serverZone(NodeContext context) {
        return context.serverZone();
    }

    private DateTimeLegacy() {
    }

    /** The item with the result written, or null when the value is absent (n8n skips such items). */
    static Item apply(NodeContext context, Item item, int itemIndex) {
        String action = context.string("action", 0, "format");
        Map<String, Object> options = SetLegacyValues.map(context.parameter("options", itemIndex));
        String property = context.string("dataPropertyName", itemIndex, "data");
        Object result;
        if ("calculate".equals(action)) {
            result = calculate(context, itemIndex, options);
        } else if ("format".equals(action)) {
            Object value = context.parameter("value", itemIndex);
            if (value == null) {
                return null;
            }
            result = format(context, value, options, context.string("toFormat", itemIndex, "MM/DD/YYYY"));
        } else {
            throw new NodeException("Parameter \"action\": unknown action \"" + action + "\"; use format or calculate",
                    itemIndex);
        }
        Map<String, Object> json = item.jsonCopy();
        json.put(property, result);
        return new Item(json, item.binary(), null).withPairedItem(itemIndex);
    }

    private static String format(NodeContext context, Object value, Map<String, Object> options, String toFormat) {
        ZoneId server = serverZone(context);
        String fromFormat = text(options.get("fromFormat"));
        String fromZone = text(options.get("fromTimezone"));
        String toZone = text(options.get("toTimezone"));
        double number = JsValues.toNumber(value);
        boolean numeric = !Double.isNaN(number);
        if (numeric && number != Math.rint(number)) {
            number *= 1000;
        }
        boolean integral = numeric && number == Math.rint(number) && !Double.isInfinite(number);
        if (!options.containsKey("fromFormat") && !valid(value, numeric, number, server)) {
            throw new NodeException("The date input format could not be recognized. Please set the \"From Format\" field");
        }
        ZonedDateTime date;
        if (integral) {
            long n = (long) number;
            long millis = Json.toText(number).length() < 12 ? n * 1000 : n;
            date = Instant.ofEpochMilli(millis).atZone(server);
        } else {
            String textValue = numeric ? null : JsValues.string(value);
            if (!fromZone.isEmpty() || !toZone.isEmpty()) {
                ZoneId zone = fromZone.isEmpty() ? context.zone() : zone(fromZone, "options.fromTimezone");
                if (numeric) {
                    date = Instant.ofEpochMilli((long) number).atZone(zone);
                } else if (!fromFormat.isEmpty()) {
                    date = withFormat(textValue, fromFormat, zone, context.now());
                } else {
                    date = inZone(textValue, zone);
                }
            } else if (numeric) {
                date = Instant.ofEpochMilli((long) number).atZone(server);
            } else if (!fromFormat.isEmpty()) {
                date = withFormat(textValue, fromFormat, server, context.now());
            } else {
                date = local(textValue, server);
            }
        }
        if (date != null && (!fromZone.isEmpty() || !toZone.isEmpty())) {
            date = date.withZoneSameInstant(toZone.isEmpty() ? context.zone() : zone(toZone, "options.toTimezone"));
        }
        return date == null ? "Invalid date" : DateTimeMoment.format(date, toFormat);
    }

    private static boolean valid(Object value, boolean numeric, double number, ZoneId server) {
        if (numeric) {
            return !Double.isInfinite(number);
        }
        return local(JsValues.string(value), server) != null;
    }

    /** moment(text): ISO (wall time in the server zone unless offset), RFC 2822, else JavaScript's Date. */
    static ZonedDateTime local(String text, ZoneId server) {
        DateTimeInput.Parsed p = DateTimeInput.iso(text, true);
        if (p == null) {
            p = DateTimeInput.rfc2822(text);
        }
        if (p != null) {
            return p.in(server);
        }
        Instant instant = DateTimeInput.jsDate(text, server);
        return instant == null ? null : instant.atZone(server);
    }

    /** moment.tz(text, zone): ISO without offset is wall time in the zone; other forms read as UTC. */
    private static ZonedDateTime inZone(String text, ZoneId zone) {
        DateTimeInput.Parsed p = DateTimeInput.iso(text, true);
        if (p != null) {
            return p.in(zone);
        }
        p = DateTimeInput.rfc2822(text);
        if (p == null) {
            p = DateTimeFreeForm.parse(text);
        }
        if (p == null) {
            return null;
        }
        return p.offset() != null ? p.in(zone) : p.local().atOffset(ZoneOffset.UTC).atZoneSameInstant(zone);
    }

    private static ZonedDateTime withFormat(String text, String format, ZoneId zone, Instant now) {
        DateTimeMomentParser.Fields fields = DateTimeMomentParser.parse(text, format, false);
        return fields.valid(false) ? DateTimeMomentParser.resolve(fields, zone, now) : null;
    }

    private static String calculate(NodeContext context, int itemIndex, Map<String, Object> options) {
        Object value = context.parameter("value", itemIndex);
        String operation = context.string("operation", itemIndex, "add");
        double duration = context.number("duration", itemIndex, 0);
        String unit = context.string("timeUnit", itemIndex, "days");
        String fromFormat = text(options.get("fromFormat"));
        ZoneId server = serverZone(context);
        ZonedDateTime date;
        if (!fromFormat.isEmpty()) {
            DateTimeMomentParser.Fields fields = DateTimeMomentParser.parse(
                    value == null ? "" : JsValues.string(value), fromFormat, true);
            date = fields.valid(true) ? DateTimeMomentParser.resolve(fields, server, context.now()) : null;
            if (date == null) {
                throw new NodeException(
                        "Date input cannot be parsed. Please recheck the value and the \"From Format\" field.", itemIndex);
            }
        } else {
            Instant instant = newDate(value, server);
            if (instant == null) {
                throw new NodeException(
                        "Unrecognized date input. Please specify a format in the \"From Format\" field.", itemIndex);
            }
            date = instant.atZone(server);
        }
        date = add(date, "subtract".equals(operation) ? -duration : duration, unit);
        return isoString(date);
    }

    /** JavaScript's {@code new Date(value)}; null for an invalid date. */
    static Instant newDate(Object value, ZoneId server) {
        if (value == null) {
            return null;
        }
        if (value instanceof Number || value instanceof Boolean) {
            double ms = JsValues.toNumber(value);
            if (Double.isNaN(ms) || Math.abs(ms) > 8.64e15) {
                return null;
            }
            return Instant.ofEpochMilli((long) ms);
        }
        return DateTimeInput.jsDate(JsValues.string(value), server);
    }

    /** moment's {@code add(amount, unit)}: calendar units rounded and applied on the wall clock, the rest on the timeline. */
    static ZonedDateTime add(ZonedDateTime date, double amount, String unit) {
        String u = unit == null ? "" : unit;
        double months = 0;
        double days = 0;
        double millis = 0;
        switch (u) {
            case "years", "year", "y" -> months = amount * 12;
            case "quarters", "quarter", "Q" -> months = amount * 3;
            case "months", "month", "M" -> months = amount;
            case "weeks", "week", "w" -> days = amount * 7;
            case "days", "day", "d" -> days = amount;
            case "hours", "hour", "h" -> millis = amount * 3_600_000;
            case "minutes", "minute", "m" -> millis = amount * 60_000;
            case "seconds", "second", "s" -> millis = amount * 1000;
            case "milliseconds", "millisecond", "ms" -> millis = amount;
            default -> throw new NodeException("Parameter \"timeUnit\": unknown unit \"" + unit + "\"");
        }
        ZonedDateTime out = date;
        long m = absRound(months);
        if (m != 0) {
            out = out.plusMonths(m);
        }
        long d = absRound(days);
        if (d != 0) {
            out = out.plusDays(d);
        }
        if (millis != 0) {
            out = out.plusNanos((long) millis * 1_000_000);
        }
        return out;
    }

    private static long absRound(double v) {
        return v < 0 ? -Math.round(-v) : Math.round(v);
    }

    /** JavaScript's {@code toISOString()}: UTC with milliseconds. */
    static String isoString(ZonedDateTime date) {
        ZonedDateTime utc = date.withZoneSameInstant(ZoneOffset.UTC);
        int y = utc.getYear();
        String year = y >= 0 && y <= 9999 ? DateTimeMoment.pad(y, 4) : (y < 0 ? "-" : "+") + DateTimeMoment.pad(Math.abs(y), 6);
        return year + DateTimeMoment.format(utc, "-MM-DD[T]HH:mm:ss.SSS[Z]");
    }

    static ZoneId zone(String name, String parameter) {
        try {
            return ZoneId.of(name);
        } catch (java.time.DateTimeException e) {
            try {
                return ZoneId.of(name, ZoneId.SHORT_IDS);
            } catch (java.time.DateTimeException e2) {
                throw new NodeException("Parameter \"" + parameter + "\": unknown time zone \"" + name + "\"");
            }
        }
    }

    private static String text(Object value) {
        return value == null ? "" : JsValues.string(value);
    }
}
