package dev.switchboard.nodes.transform;

import java.util.List;
import java.util.Map;

import dev.switchboard.nodes.support.ItemLoop;
import dev.switchboard.platform.node.Item;
import dev.switchboard.platform.node.NodeCategory;
import dev.switchboard.platform.node.NodeContext;
import dev.switchboard.platform.node.NodeDescriptor;
import dev.switchboard.platform.node.NodeResult;
import dev.switchboard.platform.node.NodeType;
import dev.switchboard.platform.node.ParameterSpec;
import dev.switchboard.platform.node.ParameterType;

/**
 * Date &amp; Time: version 1 formats or shifts a date with moment.js semantics
 * ({@link DateTimeLegacy}); version 2 gets, shifts, formats, rounds, compares and dissects dates
 * with Luxon semantics in the workflow's time zone ({@link DateTimeOperations}).
 */
public final class DateTimeNode implements NodeType {

    private static final Double V1 = 1.0;
    private static final Double V2 = 2.0;

    private static final NodeDescriptor DESCRIPTOR = NodeDescriptor.builder("dateTime", "Date & Time", NodeCategory.TRANSFORM)
            .versions(V1, V2)
            .description("Formats, shifts, rounds and compares dates and times.")
            .parameters(
                    ParameterSpec.options("action", "Action", "format", "format", "calculate")
                            .help("Format a date, or add or subtract time from it.").inVersions(V1),
                    ParameterSpec.of("value", "Value", ParameterType.STRING, "")
                            .help("The date: a timestamp (seconds or milliseconds) or a date text.").inVersions(V1),
                    ParameterSpec.of("dataPropertyName", "Property Name", ParameterType.STRING, "data")
                            .help("The field to write the result to.").inVersions(V1),
                    ParameterSpec.of("custom", "Custom Format", ParameterType.BOOLEAN, false)
                            .help("Whether to type the format instead of picking one.").showWhen("action", "format").inVersions(V1),
                    ParameterSpec.of("toFormat", "To Format", ParameterType.STRING, "MM/DD/YYYY")
                            .help("A moment.js format: YYYY, MM, DD, HH, mm, ss, X (Unix seconds), x (Unix milliseconds), [literal].")
                            .showWhen("action", "format").inVersions(V1),
                    ParameterSpec.options("operation", "Operation", "add", "add", "subtract")
                            .showWhen("action", "calculate").inVersions(V1),
                    ParameterSpec.of("duration", "Duration", ParameterType.NUMBER, 0)
                            .help("How many time units to add or subtract.").inVersions(V1),
                    ParameterSpec.options("timeUnit", "Time Unit", "days", "quarters", "years", "months", "weeks", "days",
                            "hours", "minutes", "seconds", "milliseconds").inVersions(V1),
                    ParameterSpec.of("options", "Options", ParameterType.COLLECTION, Map.of())
                            .help("fromFormat (a moment.js format to read the value with); for format also fromTimezone "
                                    + "and toTimezone (IANA names; the workflow's zone stands in for the one not given).")
                            .inVersions(V1),
                    ParameterSpec.options("operation", "Operation", "getCurrentDate", "addToDate", "extractDate",
                            "formatDate", "getCurrentDate", "getTimeBetweenDates", "roundDate", "subtractFromDate")
                            .inVersions(V2),
                    ParameterSpec.of("includeTime", "Include Current Time", ParameterType.BOOLEAN, true)
                            .help("When off, the time is set to midnight.").showWhen("operation", "getCurrentDate").inVersions(V2),
                    ParameterSpec.of("magnitude", "Date", ParameterType.STRING, "")
                            .help("The date to add to or subtract from.").showWhen("operation", "addToDate", "subtractFromDate")
                            .inVersions(V2),
                    ParameterSpec.options("timeUnit", "Time Unit", "days", "years", "quarters", "months", "weeks", "days",
                            "hours", "minutes", "seconds", "milliseconds")
                            .showWhen("operation", "addToDate", "subtractFromDate").inVersions(V2),
                    ParameterSpec.of("duration", "Duration", ParameterType.NUMBER, 0)
                            .showWhen("operation", "addToDate", "subtractFromDate").inVersions(V2),
                    ParameterSpec.of("date", "Date", ParameterType.STRING, "")
                            .help("The date: a timestamp, an ISO text or another common date text.")
                            .showWhen("operation", "formatDate", "roundDate", "extractDate").inVersions(V2),
                    ParameterSpec.options("format", "Format", "MM/dd/yyyy", "custom", "MM/dd/yyyy", "yyyy/MM/dd",
                            "MMMM dd yyyy", "MM-dd-yyyy", "yyyy-MM-dd", "X", "x")
                            .showWhen("operation", "formatDate").inVersions(V2),
                    ParameterSpec.of("customFormat", "Custom Format", ParameterType.STRING, "")
                            .help("A Luxon format: yyyy, MM, dd, HH, mm, ss, 'literal'.").showWhen("format", "custom")
                            .inVersions(V2),
                    ParameterSpec.options("mode", "Mode", "roundDown", "roundDown", "roundUp")
                            .showWhen("operation", "roundDate").inVersions(V2),
                    ParameterSpec.options("toNearest", "To Nearest", "month", "year", "month", "week", "day", "hour",
                            "minute", "second").showWhen("mode", "roundDown").inVersions(V2),
                    ParameterSpec.options("to", "To", "month", "month").help("Round up to the end of the month.")
                            .showWhen("mode", "roundUp").inVersions(V2),
                    ParameterSpec.of("startDate", "Start Date", ParameterType.STRING, "")
                            .showWhen("operation", "getTimeBetweenDates").inVersions(V2),
                    ParameterSpec.of("endDate", "End Date", ParameterType.STRING, "")
                            .showWhen("operation", "getTimeBetweenDates").inVersions(V2),
                    new ParameterSpec("units", "Units", ParameterType.MULTI_OPTIONS, false, List.of("day"),
                            List.of("year", "month", "week", "day", "hour", "minute", "second", "millisecond"), true, false,
                            "The units to express the difference in.", Map.of("operation", List.of("getTimeBetweenDates")),
                            List.of(V2)),
                    ParameterSpec.options("part", "Part", "month", "year", "month", "week", "day", "hour", "minute", "second")
                            .showWhen("operation", "extractDate").inVersions(V2),
                    ParameterSpec.of("outputFieldName", "Output Field Name", ParameterType.STRING, null)
                            .help("The field to write the result to (currentDate, newDate, formattedDate, roundedDate, "
                                    + "timeDifference or datePart unless given).").inVersions(V2),
                    ParameterSpec.of("options", "Options", ParameterType.COLLECTION, Map.of())
                            .help("includeInputFields; timezone (getCurrentDate: a zone name; formatDate: whether to use "
                                    + "the workflow's zone, else UTC); fromFormat (formatDate, Luxon tokens); isoString "
                                    + "(getTimeBetweenDates).")
                            .inVersions(V2))
            .build();

    @Override
    public NodeDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public NodeResult execute(NodeContext context) {
        DateTimeOperations v2 = context.typeVersion() >= 2 ? new DateTimeOperations(context) : null;
        return NodeResult.of(ItemLoop.mapEachNamingItem(context, (item, i) -> {
            Item result = v2 != null ? v2.apply(item, i) : DateTimeLegacy.apply(context, item, i);
            return result == null ? List.of() : List.of(result);
        }));
    }

    /** It computes its output from its input and parameters, and touches nothing outside the run. */
    @Override
    public boolean onlyComputes(double version, java.util.Map<String, Object> parameters) {
        return true;
    }
}
