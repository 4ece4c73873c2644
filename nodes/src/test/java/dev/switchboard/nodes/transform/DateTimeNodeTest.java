package dev.switchboard.nodes.transform;

import static dev.switchboard.nodes.NodeTestKit.obj;
import static dev.switchboard.nodes.NodeTestKit.objs;
import static dev.switchboard.nodes.transform.FieldNodeRuns.error;
import static dev.switchboard.nodes.transform.FieldNodeRuns.items;
import static dev.switchboard.nodes.transform.FieldNodeRuns.out;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.switchboard.nodes.transform.FieldNodeRuns.Spec;
import dev.switchboard.platform.json.Json;
import dev.switchboard.platform.node.PairedItem;
import dev.switchboard.platform.run.RunResult;
import dev.switchboard.platform.run.RunStatus;

class DateTimeNodeTest {

    private static final String DATE_TIME = "n8n-nodes-base.dateTime";

    private static Object v1(String parameters) {
        return run(Spec.of(DATE_TIME, 1, parameters)).get(0).get("data");
    }

    private static List<Map<String, Object>> run(Spec spec) {
        RunResult r = spec.run("[{}]");
        assertThat(r.status()).as(String.valueOf(error(r))).isEqualTo(RunStatus.SUCCEEDED);
        return out(r);
    }

    private static String failure(Spec spec) {
        RunResult r = spec.run("[{}]");
        assertThat(r.status()).isEqualTo(RunStatus.FAILED);
        return error(r);
    }

    private static Object v2(String parameters, String field) {
        return run(Spec.of(DATE_TIME, 2, parameters)).get(0).get(field);
    }

    private static String json(Object value) {
        return Json.write(value);
    }

    // ---- version 1: format

    @Test
    void version1ReadsTimestampsInSecondsOrMillisecondsAndFormatsMonthDayYearByDefault() {
        assertThat(v1("{\"value\":\"1663801200\"}")).isEqualTo("09/21/2022");
        assertThat(v1("{\"value\":\"={{ 1663801200000 }}\"}")).isEqualTo("09/21/2022");
        assertThat(v1("{\"value\":\"={{ 1663801200.5 }}\",\"toFormat\":\"x\"}")).isEqualTo("1663801200500");
    }

    @Test
    void version1WritesMomentTokens() {
        String format = "YYYY-MM-DD HH:mm:ss.SSS dddd Do MMM [Q]Q [week] W, h A, X, x, Z";
        assertThat(v1("{\"value\":\"2022-08-01T13:05:09.123Z\",\"toFormat\":\"" + format + "\"}"))
                .isEqualTo("2022-08-01 13:05:09.123 Monday 1st Aug Q3 week 31, 1 PM, 1659359109, 1659359109123, +00:00");
        assertThat(v1("{\"value\":\"2022-08-01T13:05:09Z\",\"toFormat\":\"LL\"}")).isEqualTo("August 1, 2022");
    }

    @Test
    void version1ReadsTheValueWithAMomentFromFormat() {
        assertThat(v1("{\"value\":\"2022-01-12\",\"toFormat\":\"MM-DD-YYYY\",\"options\":{\"fromFormat\":\"YYYY-DD-MM\"}}"))
                .isEqualTo("12-01-2022");
        assertThat(v1("{\"value\":\"3:30 pm on 5.6.2021\",\"toFormat\":\"YYYY-MM-DD HH:mm\",\"options\":{\"fromFormat\":\"h:mm a D.M.YYYY\"}}"))
                .isEqualTo("2021-06-05 15:30");
    }

    @Test
    void version1WritesInvalidDateWhenTheFromFormatFindsNothing() {
        assertThat(v1("{\"value\":\"abc\",\"options\":{\"fromFormat\":\"YYYY\"}}")).isEqualTo("Invalid date");
    }

    @Test
    void version1ConvertsBetweenTheFromAndToTimeZones() {
        assertThat(v1("{\"value\":\"2022-08-01 10:00\",\"toFormat\":\"YYYY-MM-DD HH:mm Z\","
                + "\"options\":{\"fromTimezone\":\"Europe/Berlin\",\"toTimezone\":\"America/New_York\"}}"))
                .isEqualTo("2022-08-01 04:00 -04:00");
    }

    @Test
    void version1UsesTheWorkflowZoneForTheZoneNotGiven() {
        Spec spec = Spec.of(DATE_TIME, 1, "{\"value\":\"08/01/2022\",\"toFormat\":\"YYYY/MM/DD HH:mm\","
                + "\"options\":{\"fromTimezone\":\"US/Hawaii\"}}").workflowTimezone("America/New_York");
        assertThat(run(spec).get(0).get("data")).isEqualTo("2022/07/31 20:00");
    }

    @Test
    void version1RejectsTextItCannotRecognize() {
        assertThat(failure(Spec.of(DATE_TIME, 1, "{\"value\":\"not a date\"}")))
                .contains("The date input format could not be recognized. Please set the \"From Format\" field");
        assertThat(failure(Spec.of(DATE_TIME, 1, "{\"value\":\"2022-08-01\",\"options\":{\"toTimezone\":\"Mars/Base\"}}")))
                .contains("unknown time zone \"Mars/Base\"");
    }

    @Test
    void version1SkipsItemsWithoutAValue() {
        assertThat(run(Spec.of(DATE_TIME, 1, "{\"value\":\"={{ $json.missing }}\"}"))).isEmpty();
    }

    @Test
    void version1WritesThePropertyNameAsOneKeyAndKeepsTheInput() {
        RunResult r = Spec.of(DATE_TIME, 1, "{\"value\":\"2022-08-01\",\"dataPropertyName\":\"a.b\",\"toFormat\":\"YYYY\"}")
                .run("[{\"keep\":1}]");
        assertThat(out(r)).isEqualTo(objs("[{\"keep\":1,\"a.b\":\"2022\"}]"));
        assertThat(items(r).get(0).pairedItem()).containsExactly(PairedItem.of(0));
    }

    // ---- version 1: calculate

    @Test
    void version1CalculatesOnTheCalendarAndWritesIsoUtc() {
        assertThat(v1("{\"action\":\"calculate\",\"value\":\"08/01/2022\",\"duration\":10}")).isEqualTo("2022-08-11T00:00:00.000Z");
        assertThat(v1("{\"action\":\"calculate\",\"value\":\"2022-01-31\",\"duration\":1,\"timeUnit\":\"months\"}"))
                .isEqualTo("2022-02-28T00:00:00.000Z");
        assertThat(v1("{\"action\":\"calculate\",\"value\":\"08/01/2022\",\"operation\":\"subtract\",\"duration\":2,\"timeUnit\":\"quarters\"}"))
                .isEqualTo("2022-02-01T00:00:00.000Z");
        assertThat(v1("{\"action\":\"calculate\",\"value\":\"2022-08-01T10:00:00Z\",\"duration\":90,\"timeUnit\":\"minutes\"}"))
                .isEqualTo("2022-08-01T11:30:00.000Z");
        assertThat(v1("{\"action\":\"calculate\",\"value\":\"2022-08-01T10:00:00Z\",\"duration\":1.5,\"timeUnit\":\"days\"}"))
                .isEqualTo("2022-08-03T10:00:00.000Z");
    }

    @Test
    void version1CalculateReadsTheFromFormatStrictly() {
        assertThat(v1("{\"action\":\"calculate\",\"value\":\"2022-08-01\",\"duration\":1,\"options\":{\"fromFormat\":\"YYYY-MM-DD\"}}"))
                .isEqualTo("2022-08-02T00:00:00.000Z");
        assertThat(failure(Spec.of(DATE_TIME, 1,
                "{\"action\":\"calculate\",\"value\":\"2022-8-1\",\"options\":{\"fromFormat\":\"YYYY-MM-DD\"}}")))
                .contains("Date input cannot be parsed. Please recheck the value and the \"From Format\" field.");
    }

    @Test
    void version1CalculateRejectsUnrecognizedInput() {
        assertThat(failure(Spec.of(DATE_TIME, 1, "{\"action\":\"calculate\",\"value\":\"garbage\"}")))
                .contains("Unrecognized date input. Please specify a format in the \"From Format\" field.");
    }

    // ---- version 2

    @Test
    void formatDateUsesPresetsOrACustomLuxonFormat() {
        assertThat(v2("{\"operation\":\"formatDate\",\"date\":\"2023-04-11T14:30:00\"}", "formattedDate")).isEqualTo("04/11/2023");
        assertThat(v2("{\"operation\":\"formatDate\",\"date\":\"2023-04-11T14:30:00\",\"format\":\"MMMM dd yyyy\"}", "formattedDate"))
                .isEqualTo("April 11 2023");
        assertThat(v2("{\"operation\":\"formatDate\",\"date\":\"2023-04-11T14:30:05.250Z\",\"format\":\"custom\","
                + "\"customFormat\":\"yyyy-MM-dd'T'HH:mm:ss.SSS 'on' EEEE, h a, q, X, x\",\"outputFieldName\":\"out\"}", "out"))
                .isEqualTo("2023-04-11T14:30:05.250 on Tuesday, 2 PM, 2, 1681223405, 1681223405250");
    }

    @Test
    void formatDateShowsTimestampsInUtcUnlessTheWorkflowZoneIsChosen() {
        String params = "{\"operation\":\"formatDate\",\"date\":\"={{ 1682918315906 }}\",\"format\":\"custom\",\"customFormat\":\"yyyy-MM-dd HH:mm\"";
        assertThat(run(Spec.of(DATE_TIME, 2, params + "}").workflowTimezone("America/New_York")).get(0).get("formattedDate"))
                .isEqualTo("2023-05-01 05:18");
        assertThat(run(Spec.of(DATE_TIME, 2, params + ",\"options\":{\"timezone\":true}}").workflowTimezone("America/New_York"))
                .get(0).get("formattedDate")).isEqualTo("2023-05-01 01:18");
        assertThat(v2("{\"operation\":\"formatDate\",\"date\":\"1682918315.906\",\"format\":\"x\"}", "formattedDate"))
                .isEqualTo("1682918315906");
    }

    @Test
    void formatDateReadsAFromFormatAndKeepsNull() {
        assertThat(v2("{\"operation\":\"formatDate\",\"date\":\"11.04.2023 14:30\",\"format\":\"yyyy-MM-dd\","
                + "\"options\":{\"fromFormat\":\"dd.MM.yyyy HH:mm\"}}", "formattedDate")).isEqualTo("2023-04-11");
        assertThat(run(Spec.of(DATE_TIME, 2, "{\"operation\":\"formatDate\",\"date\":\"={{ null }}\"}")))
                .isEqualTo(objs("[{\"formattedDate\":null}]"));
    }

    @Test
    void addAndSubtractWorkOnTheWallClockOfTheWorkflowZone() {
        assertThat(v2("{\"operation\":\"addToDate\",\"magnitude\":\"2023-01-31T10:00:00Z\",\"duration\":1,\"timeUnit\":\"months\"}",
                "newDate")).isEqualTo("2023-02-28T10:00:00.000Z");
        assertThat(v2("{\"operation\":\"subtractFromDate\",\"magnitude\":\"2023-01-31T10:00:00Z\",\"duration\":90,"
                + "\"timeUnit\":\"minutes\",\"outputFieldName\":\"earlier\"}", "earlier")).isEqualTo("2023-01-31T08:30:00.000Z");
        Spec berlin = Spec.of(DATE_TIME, 2, "{\"operation\":\"addToDate\",\"magnitude\":\"2023-03-25 12:00\",\"duration\":1}")
                .workflowTimezone("Europe/Berlin");
        assertThat(run(berlin).get(0).get("newDate")).isEqualTo("2023-03-26T12:00:00.000+02:00");
    }

    @Test
    void roundDateRoundsDownToAUnitOrUpToTheNextMonth() {
        String date = "\"operation\":\"roundDate\",\"date\":\"2023-04-13T15:45:10Z\"";
        assertThat(v2("{" + date + "}", "roundedDate")).isEqualTo("2023-04-01T00:00:00.000Z");
        assertThat(v2("{" + date + ",\"toNearest\":\"week\"}", "roundedDate")).isEqualTo("2023-04-10T00:00:00.000Z");
        assertThat(v2("{" + date + ",\"toNearest\":\"hour\"}", "roundedDate")).isEqualTo("2023-04-13T15:00:00.000Z");
        assertThat(v2("{" + date + ",\"mode\":\"roundUp\"}", "roundedDate")).isEqualTo("2023-05-01T00:00:00.000Z");
    }

    @Test
    void getTimeBetweenDatesMeasuresInTheChosenUnits() {
        String dates = "\"operation\":\"getTimeBetweenDates\",\"startDate\":\"2023-01-01\",\"endDate\":\"2023-03-15T12:00:00\"";
        assertThat(json(v2("{" + dates + "}", "timeDifference"))).isEqualTo("{\"days\":73.5}");
        assertThat(v2("{" + dates + ",\"units\":[\"hour\",\"month\",\"day\"]}", "timeDifference"))
                .isEqualTo(obj("{\"months\":2,\"days\":14,\"hours\":12}"));
        assertThat(v2("{" + dates + ",\"units\":[\"month\",\"day\",\"hour\"],\"options\":{\"isoString\":true}}", "timeDifference"))
                .isEqualTo("P2M14DT12H");
        assertThat(v2("{\"operation\":\"getTimeBetweenDates\",\"startDate\":\"2023-01-02\",\"endDate\":\"2023-01-01\"}",
                "timeDifference")).isEqualTo(obj("{\"days\":-1}"));
    }

    @Test
    void extractDateReadsAPartInTheWorkflowZone() {
        String parts = "{\"operation\":\"extractDate\",\"date\":\"%s\",\"part\":\"%s\"}";
        Spec naive = Spec.of(DATE_TIME, 2, parts.formatted("2023-04-11T14:30:20", "hour")).workflowTimezone("America/New_York");
        assertThat(run(naive).get(0).get("datePart")).isEqualTo(14L);
        Spec offset = Spec.of(DATE_TIME, 2, parts.formatted("2023-04-11T14:30:00+05:00", "hour")).workflowTimezone("America/New_York");
        assertThat(run(offset).get(0).get("datePart")).isEqualTo(5L);
        assertThat(v2(parts.formatted("April 11, 2023 2:30 PM", "hour"), "datePart")).isEqualTo(14L);
        assertThat(v2(parts.formatted("2023-04-11T14:30:20", "year"), "datePart")).isEqualTo(2023L);
        assertThat(v2(parts.formatted("2023-04-11T14:30:20", "month"), "datePart")).isEqualTo(4L);
        assertThat(v2(parts.formatted("2023-04-11T14:30:20", "week"), "datePart")).isEqualTo(15L);
        assertThat(v2(parts.formatted("2023-04-11T14:30:20", "day"), "datePart")).isEqualTo(11L);
        assertThat(v2(parts.formatted("2023-04-11T14:30:20", "minute"), "datePart")).isEqualTo(30L);
        assertThat(v2(parts.formatted("2023-04-11T14:30:20", "second"), "datePart")).isEqualTo(20L);
    }

    @Test
    void getCurrentDateGivesNowOrMidnightInAZone() {
        String now = (String) v2("{}", "currentDate");
        assertThat(now).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat((String) v2("{\"includeTime\":false}", "currentDate")).endsWith("T00:00:00.000Z");
        assertThat((String) v2("{\"includeTime\":false,\"options\":{\"timezone\":\"Asia/Kolkata\"}}", "currentDate"))
                .endsWith("T00:00:00.000+05:30");
        assertThat(failure(Spec.of(DATE_TIME, 2, "{\"options\":{\"timezone\":\"Nowhere/City\"}}")))
                .contains("The timezone Nowhere/City is not valid. Please check the timezone.");
    }

    @Test
    void includeInputFieldsKeepsTheInputBesideTheResult() {
        RunResult r = Spec.of(DATE_TIME, 2, "{\"operation\":\"extractDate\",\"date\":\"2023-04-11\",\"part\":\"day\","
                + "\"options\":{\"includeInputFields\":true}}").run("[{\"keep\":1}]");
        assertThat(out(r)).isEqualTo(objs("[{\"keep\":1,\"datePart\":11}]"));
    }

    @Test
    void version2RejectsTextThatIsNotADate() {
        assertThat(failure(Spec.of(DATE_TIME, 2, "{\"operation\":\"extractDate\",\"date\":\"not-a-date\"}")))
                .contains("Invalid date format");
        RunResult r = Spec.of(DATE_TIME, 2, "{\"operation\":\"roundDate\",\"date\":\"not-a-date\"}").continueOnFail().run("[{}]");
        assertThat(out(r)).isEqualTo(objs("[{\"error\":\"Invalid date format\"}]"));
    }
}
