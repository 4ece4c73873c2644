package dev.switchboard.nodes.flow;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import dev.switchboard.platform.json.JsValues;
import dev.switchboard.platform.node.Item;
import dev.switchboard.platform.node.NodeCategory;
import dev.switchboard.platform.node.NodeContext;
import dev.switchboard.platform.node.NodeDescriptor;
import dev.switchboard.platform.node.NodeException;
import dev.switchboard.platform.node.NodeResult;
import dev.switchboard.platform.node.NodeType;
import dev.switchboard.platform.node.ParameterSpec;
import dev.switchboard.platform.node.ParameterType;

/**
 * Pauses the run: for a time interval, until a date and time, or until a webhook call (or form
 * submission) resumes it, optionally with a time limit. Its items pass through unchanged.
 */
public final class WaitNode implements NodeType {

    private static final NodeDescriptor DESCRIPTOR = NodeDescriptor.builder("wait", "Wait", NodeCategory.FLOW)
            .versions(1.0, 1.1)
            .description("Pauses the run for a while, until a date and time, or until a webhook call resumes it.")
            .parameters(
                    ParameterSpec.options("resume", "Resume", "timeInterval", "timeInterval", "specificTime", "webhook",
                            "form").help("After a time interval, at a date and time, or on a webhook call."),
                    ParameterSpec.of("amount", "Wait amount", ParameterType.NUMBER, 1L)
                            .help("How long to wait, in the unit below.").showWhen("resume", "timeInterval")
                            .inVersions(1.0),
                    ParameterSpec.of("amount", "Wait amount", ParameterType.NUMBER, 5L)
                            .help("How long to wait, in the unit below.").showWhen("resume", "timeInterval")
                            .inVersions(1.1),
                    ParameterSpec.options("unit", "Wait unit", "hours", "seconds", "minutes", "hours", "days")
                            .showWhen("resume", "timeInterval").inVersions(1.0),
                    ParameterSpec.options("unit", "Wait unit", "seconds", "seconds", "minutes", "hours", "days")
                            .showWhen("resume", "timeInterval").inVersions(1.1),
                    ParameterSpec.of("dateTime", "Date and time", ParameterType.DATE_TIME, "")
                            .help("When to continue; without an offset it is read in the workflow's time zone.")
                            .showWhen("resume", "specificTime"),
                    ParameterSpec.of("limitWaitTime", "Limit wait time", ParameterType.BOOLEAN, false)
                            .help("Resume anyway after a time limit when no call arrives.")
                            .showWhen("resume", "webhook", "form"),
                    ParameterSpec.options("limitType", "Limit type", "afterTimeInterval", "afterTimeInterval",
                            "atSpecifiedTime").showWhen("limitWaitTime", true),
                    ParameterSpec.of("resumeAmount", "Amount", ParameterType.NUMBER, 1L)
                            .showWhen("limitType", "afterTimeInterval"),
                    ParameterSpec.options("resumeUnit", "Unit", "hours", "seconds", "minutes", "hours", "days")
                            .showWhen("limitType", "afterTimeInterval"),
                    ParameterSpec.of("maxDateAndTime", "Max date and time", ParameterType.DATE_TIME, "")
                            .showWhen("limitType", "atSpecifiedTime"),
                    ParameterSpec.options("httpMethod", "HTTP method", "GET", "DELETE", "GET", "HEAD", "PATCH", "POST",
                            "PUT").showWhen("resume", "webhook"),
                    ParameterSpec.of("responseCode", "Response code", ParameterType.NUMBER, 200L)
                            .showWhen("resume", "webhook"))
            .build();

    @Override
    public NodeDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public NodeResult execute(NodeContext context) {
        List<Item> items = new ArrayList<>();
        List<Item> input = context.items();
        for (int i = 0; i < input.size(); i++) {
            items.add(input.get(i).withPairedItem(i));
        }
        String resume = context.string("resume", 0, "timeInterval");
        Instant now = context.now();
        return switch (resume) {
            case "timeInterval" -> {
                String unit = context.string("unit", 0, context.typeVersion() >= 1.1 ? "seconds" : "hours");
                double amount = context.number("amount", 0, context.typeVersion() >= 1.1 ? 5 : 1);
                long millis = millis(amount, unit, "amount", "unit");
                yield new NodeResult.Suspend(now.plusMillis(millis), "waiting " + JsValues.string(amount) + " " + unit,
                        List.of(items));
            }
            case "specificTime" -> {
                Instant at = parseDateTime(context.parameter("dateTime", 0), context.zone(), "dateTime");
                yield new NodeResult.Suspend(at, "waiting until " + at, List.of(items));
            }
            case "webhook", "form" -> {
                Instant limit = null;
                if (context.bool("limitWaitTime", 0, false)) {
                    if ("atSpecifiedTime".equals(context.string("limitType", 0, "afterTimeInterval"))) {
                        limit = parseDateTime(context.parameter("maxDateAndTime", 0), context.zone(), "maxDateAndTime");
                    } else {
                        limit = now.plusMillis(millis(context.number("resumeAmount", 0, 1),
                                context.string("resumeUnit", 0, "hours"), "resumeAmount", "resumeUnit"));
                    }
                }
                String what = resume.equals("form") ? "a form submission" : "a webhook call";
                yield new NodeResult.Suspend(limit, "waiting for " + what + (limit == null ? "" : " until " + limit),
                        List.of(items));
            }
            default -> throw new NodeException("Parameter \"resume\": unknown choice \"" + resume + "\"");
        };
    }

    private static long millis(double amount, String unit, String amountParameter, String unitParameter) {
        if (Double.isNaN(amount) || amount < 0) {
            throw new NodeException("Parameter \"" + amountParameter + "\": the wait amount must be 0 or more but is "
                    + JsValues.string(amount));
        }
        double seconds = switch (unit) {
            case "seconds" -> amount;
            case "minutes" -> amount * 60;
            case "hours" -> amount * 3600;
            case "days" -> amount * 86400;
            default -> throw new NodeException("Parameter \"" + unitParameter + "\": unknown unit \"" + unit
                    + "\" (use seconds, minutes, hours or days)");
        };
        return Math.round(seconds * 1000);
    }

    /** An ISO date or date-time (in the given zone when it has no offset), or epoch milliseconds. */
    static Instant parseDateTime(Object value, ZoneId zone, String parameter) {
        if (value instanceof Number n) {
            return Instant.ofEpochMilli(n.longValue());
        }
        String text = value == null ? "" : String.valueOf(value).trim();
        if (text.isEmpty()) {
            throw new NodeException("Parameter \"" + parameter + "\": choose the date and time to wait until");
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException ignored) {
            // try the forms without an offset
        }
        try {
            return ZonedDateTime.parse(text).toInstant();
        } catch (DateTimeParseException ignored) {
            // next
        }
        try {
            return LocalDateTime.parse(text.replace(' ', 'T')).atZone(zone).toInstant();
        } catch (DateTimeParseException ignored) {
            // next
        }
        try {
            return LocalDate.parse(text).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException ignored) {
            // next
        }
        try {
            return ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new NodeException("Parameter \"" + parameter + "\": \"" + text + "\" is not a valid date and time");
        }
    }
}
