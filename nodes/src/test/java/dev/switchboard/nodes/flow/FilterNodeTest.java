package dev.switchboard.nodes.flow;

import static dev.switchboard.nodes.flow.ConditionRuns.field;
import static dev.switchboard.nodes.flow.ConditionRuns.items;
import static dev.switchboard.nodes.flow.ConditionRuns.lineage;
import static dev.switchboard.nodes.flow.ConditionRuns.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import dev.switchboard.platform.run.RunResult;

/** The Filter node keeps the items that meet its conditions; these tests also cover every filter operator. */
class FilterNodeTest {

    static final String STRICT = """
            {"caseSensitive": true, "leftValue": "", "typeValidation": "strict", "version": 2}""";
    static final String LOOSE = """
            {"caseSensitive": true, "leftValue": "", "typeValidation": "loose", "version": 2}""";
    static final String IGNORE_CASE = """
            {"caseSensitive": false, "leftValue": "", "typeValidation": "strict", "version": 2}""";

    /** The parameters of a filter with one condition on {@code $json.v}. */
    static String oneCondition(String options, String type, String operation, String rightValue) {
        return """
                {"conditions": {"options": %s, "conditions": [{"leftValue": "={{ $json.v }}", "rightValue": %s,
                 "operator": {"type": "%s", "operation": "%s"}}], "combinator": "and"}}"""
                .formatted(options, rightValue, type, operation);
    }

    /** The ids of the items a one-condition filter keeps, for items {id, v} with the given values. */
    static List<Object> kept(String options, String type, String operation, String rightValue, String values) {
        return field(run("filter", 2.2, oneCondition(options, type, operation, rightValue), items(values)), 0, "id");
    }

    static List<Object> keptIn(ZoneId zone, String type, String operation, String rightValue, String values) {
        RunResult result = run("filter", 2.2, oneCondition(STRICT, type, operation, rightValue), items(values), null,
                zone);
        return field(result, 0, "id");
    }

    @Nested
    class StringOperators {

        static final String NAMES = "[\"Sam\", \"samuel\", \"\", null, \"Victor\"]";

        @Test
        void existsIsTrueForAnyValueButNull() {
            assertThat(kept(STRICT, "string", "exists", "\"\"", NAMES)).containsExactly(0L, 1L, 2L, 4L);
            assertThat(kept(STRICT, "string", "notExists", "\"\"", NAMES)).containsExactly(3L);
        }

        @Test
        void emptyMeansTheEmptyTextOrNothing() {
            assertThat(kept(STRICT, "string", "empty", "\"\"", NAMES)).containsExactly(2L, 3L);
            assertThat(kept(STRICT, "string", "notEmpty", "\"\"", NAMES)).containsExactly(0L, 1L, 4L);
        }

        @Test
        void equalsComparesTheWholeText() {
            assertThat(kept(STRICT, "string", "equals", "\"Sam\"", NAMES)).containsExactly(0L);
            assertThat(kept(STRICT, "string", "notEquals", "\"Sam\"", NAMES)).containsExactly(1L, 2L, 3L, 4L);
        }

        @Test
        void containsLooksForThePartAnywhere() {
            assertThat(kept(STRICT, "string", "contains", "\"am\"", NAMES)).containsExactly(0L, 1L);
            assertThat(kept(STRICT, "string", "notContains", "\"am\"", NAMES)).containsExactly(2L, 3L, 4L);
        }

        @Test
        void startsWithAndEndsWithLookAtTheEdges() {
            assertThat(kept(STRICT, "string", "startsWith", "\"sam\"", NAMES)).containsExactly(1L);
            assertThat(kept(STRICT, "string", "notStartsWith", "\"sam\"", NAMES)).containsExactly(0L, 2L, 3L, 4L);
            assertThat(kept(STRICT, "string", "endsWith", "\"or\"", NAMES)).containsExactly(4L);
            assertThat(kept(STRICT, "string", "notEndsWith", "\"or\"", NAMES)).containsExactly(0L, 1L, 2L, 3L);
        }

        @Test
        void regexTakesABarePatternOrALiteralWithFlags() {
            assertThat(kept(STRICT, "string", "regex", "\"^S\"", NAMES)).containsExactly(0L);
            assertThat(kept(STRICT, "string", "regex", "\"/^s/i\"", NAMES)).containsExactly(0L, 1L);
            assertThat(kept(STRICT, "string", "notRegex", "\"/^s/i\"", NAMES)).containsExactly(2L, 3L, 4L);
        }

        @Test
        void regexDollarIsTheEndOfTheTextAsInJavaScript() {
            assertThat(kept(STRICT, "string", "regex", "\"/^value$/g\"", "[\"value\", \"value\\n\", \"values\"]"))
                    .containsExactly(0L);
        }

        @Test
        void anInvalidRegexFailsTheNodeNamingTheCondition() {
            RunResult result = ConditionRuns.fail("filter", 2.2, oneCondition(STRICT, "string", "regex", "\"(a\""),
                    items("[\"a\"]"));
            assertThat(result.error().message()).startsWith("invalid regular expression /(a/")
                    .endsWith("[condition 0, item 0]");
        }

        @Test
        void ignoringCaseLowersBothSidesButNotTheRegex() {
            assertThat(kept(IGNORE_CASE, "string", "equals", "\"SAM\"", NAMES)).containsExactly(0L);
            assertThat(kept(IGNORE_CASE, "string", "startsWith", "\"SAM\"", NAMES)).containsExactly(0L, 1L);
            assertThat(kept(IGNORE_CASE, "string", "regex", "\"^S\"", NAMES)).isEmpty();
            assertThat(kept(IGNORE_CASE, "string", "regex", "\"^s\"", NAMES)).containsExactly(0L, 1L);
        }
    }

    @Nested
    class NumberOperators {

        static final String NUMBERS = "[1, 2, 3, 2.5, null]";

        @Test
        void equalsAndNotEqualsCompareValuesNotNotation() {
            assertThat(kept(STRICT, "number", "equals", "2", NUMBERS)).containsExactly(1L);
            assertThat(kept(STRICT, "number", "equals", "2.5", NUMBERS)).containsExactly(3L);
            assertThat(kept(STRICT, "number", "notEquals", "2", NUMBERS)).containsExactly(0L, 2L, 3L, 4L);
        }

        @Test
        void greaterAndLessThan() {
            assertThat(kept(STRICT, "number", "gt", "2", NUMBERS)).containsExactly(2L, 3L);
            assertThat(kept(STRICT, "number", "lt", "2", NUMBERS)).containsExactly(0L, 4L);
            assertThat(kept(STRICT, "number", "gte", "2", NUMBERS)).containsExactly(1L, 2L, 3L);
            assertThat(kept(STRICT, "number", "lte", "2", NUMBERS)).containsExactly(0L, 1L, 4L);
        }

        @Test
        void existsAndEmptyLookForAValue() {
            assertThat(kept(STRICT, "number", "exists", "\"\"", NUMBERS)).containsExactly(0L, 1L, 2L, 3L);
            assertThat(kept(STRICT, "number", "notExists", "\"\"", NUMBERS)).containsExactly(4L);
            assertThat(kept(STRICT, "number", "empty", "\"\"", NUMBERS)).containsExactly(4L);
            assertThat(kept(STRICT, "number", "notEmpty", "\"\"", NUMBERS)).containsExactly(0L, 1L, 2L, 3L);
        }

        @Test
        void looseValidationReadsNumbersFromText() {
            assertThat(kept(LOOSE, "number", "equals", "\"2\"", "[\"2\", \" 2 \", 2, \"2.0\", \"0x2\", true]"))
                    .containsExactly(0L, 1L, 2L, 3L, 4L);
            assertThat(kept(LOOSE, "number", "equals", "1", "[true, false, \"1e0\"]")).containsExactly(0L, 2L);
        }
    }

    @Nested
    class DateTimeOperators {

        static final String DATES = "[\"2024-01-01T10:00:00Z\", \"2024-01-02T10:00:00Z\", \"2024-01-03T10:00:00Z\"]";

        @Test
        void comparesInstants() {
            String right = "\"2024-01-02T10:00:00Z\"";
            assertThat(kept(STRICT, "dateTime", "equals", right, DATES)).containsExactly(1L);
            assertThat(kept(STRICT, "dateTime", "notEquals", right, DATES)).containsExactly(0L, 2L);
            assertThat(kept(STRICT, "dateTime", "after", right, DATES)).containsExactly(2L);
            assertThat(kept(STRICT, "dateTime", "before", right, DATES)).containsExactly(0L);
            assertThat(kept(STRICT, "dateTime", "afterOrEquals", right, DATES)).containsExactly(1L, 2L);
            assertThat(kept(STRICT, "dateTime", "beforeOrEquals", right, DATES)).containsExactly(0L, 1L);
        }

        @Test
        void offsetsAreTakenIntoAccount() {
            assertThat(kept(STRICT, "dateTime", "equals", "\"2024-01-02T11:00:00+01:00\"", DATES)).containsExactly(1L);
        }

        @Test
        void textWithoutOffsetIsInTheWorkflowZone() {
            String values = "[\"2024-01-01T23:30:00Z\"]";
            assertThat(keptIn(ZoneId.of("UTC"), "dateTime", "before", "\"2024-01-02\"", values)).containsExactly(0L);
            assertThat(keptIn(ZoneId.of("Europe/Berlin"), "dateTime", "before", "\"2024-01-02\"", values)).isEmpty();
            assertThat(keptIn(ZoneId.of("Europe/Berlin"), "dateTime", "equals", "\"2024-01-02T00:30:00\"", values))
                    .containsExactly(0L);
        }

        @Test
        void readsSqlHttpAndEverydayFormats() {
            String right = "\"2024-01-02T10:00:00Z\"";
            String values = "[\"2024-01-02 10:00:00\", \"Tue, 02 Jan 2024 10:00:00 GMT\", \"Tue, 02 Jan 2024 11:00:00 +0100\","
                    + " \"Jan 2, 2024 10:00:00\", \"2024/01/02 10:00\", \"01/02/2024 10:00\", \"2024-W01-2T10:00\","
                    + " \"2024-002T10:00:00Z\", \"20240102T100000Z\"]";
            assertThat(kept(STRICT, "dateTime", "equals", right, values))
                    .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
        }

        @Test
        void emptyAndExistsLookForAValue() {
            String values = "[\"2024-01-01\", null]";
            assertThat(kept(STRICT, "dateTime", "empty", "\"\"", values)).containsExactly(1L);
            assertThat(kept(STRICT, "dateTime", "notEmpty", "\"\"", values)).containsExactly(0L);
            assertThat(kept(STRICT, "dateTime", "exists", "\"\"", values)).containsExactly(0L);
            assertThat(kept(STRICT, "dateTime", "notExists", "\"\"", values)).containsExactly(1L);
        }

        @Test
        void textThatIsNoDateFailsEvenWhenConverting() {
            RunResult result = ConditionRuns.fail("filter", 2.2,
                    oneCondition(LOOSE, "dateTime", "after", "\"2024-01-01\""), items("[\"soon\"]"));
            assertThat(result.error().message())
                    .isEqualTo("Conversion error: the string 'soon' can't be converted to a dateTime [condition 0, item 0]");
        }
    }

    @Nested
    class BooleanOperators {

        static final String FLAGS = "[true, false, null]";

        @Test
        void trueAndFalse() {
            assertThat(kept(STRICT, "boolean", "true", "\"\"", FLAGS)).containsExactly(0L);
            assertThat(kept(STRICT, "boolean", "false", "\"\"", FLAGS)).containsExactly(1L, 2L);
        }

        @Test
        void equalsAndNotEquals() {
            assertThat(kept(STRICT, "boolean", "equals", "false", FLAGS)).containsExactly(1L);
            assertThat(kept(STRICT, "boolean", "notEquals", "false", FLAGS)).containsExactly(0L, 2L);
        }

        @Test
        void existsAndEmpty() {
            assertThat(kept(STRICT, "boolean", "exists", "\"\"", FLAGS)).containsExactly(0L, 1L);
            assertThat(kept(STRICT, "boolean", "notExists", "\"\"", FLAGS)).containsExactly(2L);
            assertThat(kept(STRICT, "boolean", "empty", "\"\"", FLAGS)).containsExactly(2L);
            assertThat(kept(STRICT, "boolean", "notEmpty", "\"\"", FLAGS)).containsExactly(0L, 1L);
        }

        @Test
        void convertingFromVersionTwoReadsFalseAndZeroAsFalse() {
            String values = "[\"false\", \"0\", 0, \"TRUE\", 1, \"yes\", \"\"]";
            String v2 = LOOSE;
            String v1 = LOOSE.replace("\"version\": 2", "\"version\": 1");
            assertThat(kept(v2, "boolean", "true", "\"\"", values)).containsExactly(3L, 4L, 5L);
            assertThat(kept(v1, "boolean", "true", "\"\"", values)).containsExactly(0L, 1L, 3L, 4L, 5L);
        }
    }

    @Nested
    class ArrayOperators {

        static final String LISTS = "[[], [\"a\"], [\"A\", \"b\"], [1, 2, 3], null]";

        @Test
        void emptyAndNotEmpty() {
            assertThat(kept(STRICT, "array", "empty", "\"\"", LISTS)).containsExactly(0L, 4L);
            assertThat(kept(STRICT, "array", "notEmpty", "\"\"", LISTS)).containsExactly(1L, 2L, 3L);
        }

        @Test
        void containsFindsAnElementByValue() {
            assertThat(kept(STRICT, "array", "contains", "\"a\"", LISTS)).containsExactly(1L);
            assertThat(kept(STRICT, "array", "contains", "2", LISTS)).containsExactly(3L);
            assertThat(kept(STRICT, "array", "notContains", "\"a\"", LISTS)).containsExactly(0L, 2L, 3L, 4L);
        }

        @Test
        void containsIgnoresCaseWhenAsked() {
            assertThat(kept(IGNORE_CASE, "array", "contains", "\"a\"", LISTS)).containsExactly(1L, 2L);
            assertThat(kept(IGNORE_CASE, "array", "notContains", "\"a\"", LISTS)).containsExactly(0L, 3L, 4L);
        }

        @Test
        void lengthComparisons() {
            assertThat(kept(STRICT, "array", "lengthEquals", "2", LISTS)).containsExactly(2L);
            assertThat(kept(STRICT, "array", "lengthNotEquals", "2", LISTS)).containsExactly(0L, 1L, 3L, 4L);
            assertThat(kept(STRICT, "array", "lengthGt", "1", LISTS)).containsExactly(2L, 3L);
            assertThat(kept(STRICT, "array", "lengthLt", "1", LISTS)).containsExactly(0L, 4L);
            assertThat(kept(STRICT, "array", "lengthGte", "2", LISTS)).containsExactly(2L, 3L);
            assertThat(kept(STRICT, "array", "lengthLte", "1", LISTS)).containsExactly(0L, 1L, 4L);
        }

        @Test
        void convertingReadsJsonText() {
            assertThat(kept(LOOSE, "array", "lengthEquals", "2", "[\"[1, 2]\", \"['x', 'y']\", \"[3]\"]"))
                    .containsExactly(0L, 1L);
        }
    }

    @Nested
    class ObjectOperators {

        static final String OBJECTS = "[{}, {\"a\": 1}, null]";

        @Test
        void existsAndEmpty() {
            assertThat(kept(STRICT, "object", "exists", "\"\"", OBJECTS)).containsExactly(0L, 1L);
            assertThat(kept(STRICT, "object", "notExists", "\"\"", OBJECTS)).containsExactly(2L);
            assertThat(kept(STRICT, "object", "empty", "\"\"", OBJECTS)).containsExactly(0L, 2L);
            assertThat(kept(STRICT, "object", "notEmpty", "\"\"", OBJECTS)).containsExactly(1L);
        }

        @Test
        void convertingReadsJsonTextAndStrictRejectsIt() {
            assertThat(kept(LOOSE, "object", "notEmpty", "\"\"", "[\"{\\\"a\\\": 1}\", \"{b: 2}\"]"))
                    .containsExactly(0L, 1L);
            RunResult result = ConditionRuns.fail("filter", 2.2, oneCondition(STRICT, "object", "notEmpty", "\"\""),
                    items("[\"{}\"]"));
            assertThat(result.error().message())
                    .isEqualTo("Wrong type: '{}' is a string but was expecting an object [condition 0, item 0]");
        }
    }

    @Nested
    class TypeValidation {

        @Test
        void strictValidationNamesTheValueTheTypesTheConditionAndTheItem() {
            RunResult result = ConditionRuns.fail("filter", 2.2, oneCondition(STRICT, "number", "gt", "1"),
                    items("[3, \"5\"]"));
            assertThat(result.error().message())
                    .isEqualTo("Wrong type: '5' is a string but was expecting a number [condition 0, item 1]");
            assertThat(result.error().itemIndex()).isEqualTo(1);
            assertThat(result.error().description()).contains("Convert types where required").contains(".toNumber()");
        }

        @Test
        void theSecondValueIsCheckedToo() {
            RunResult result = ConditionRuns.fail("filter", 2.2, oneCondition(STRICT, "number", "gt", "\"x\""),
                    items("[3]"));
            assertThat(result.error().message())
                    .isEqualTo("Wrong type: 'x' is a string but was expecting a number [condition 0, item 0]");
        }

        @Test
        void bothValuesOfTheSameWrongTypeAreReportedTogether() {
            RunResult result = ConditionRuns.fail("filter", 2.2, oneCondition(STRICT, "number", "gt", "\"1\""),
                    items("[\"3\"]"));
            assertThat(result.error().message())
                    .isEqualTo("Comparison type expects a number but both fields are a string [condition 0, item 0]");
        }

        @Test
        void looseValidationFailsOnlyWhenNoConversionExists() {
            RunResult result = ConditionRuns.fail("filter", 2.2, oneCondition(LOOSE, "number", "gt", "1"),
                    items("[\"abc\"]"));
            assertThat(result.error().message())
                    .isEqualTo("Conversion error: the string 'abc' can't be converted to a number [condition 0, item 0]");
        }

        @Test
        void looseValidationTurnsValuesIntoText() {
            assertThat(kept(LOOSE, "string", "equals", "\"5\"", "[5, \"5\", true]")).containsExactly(0L, 1L);
            assertThat(kept(LOOSE, "string", "contains", "\"\\\"a\\\"\"", "[[\"a\"], {\"a\": 1}]")).containsExactly(0L, 1L);
        }

        @Test
        void conditionsWithoutAValidationSettingConvert() {
            String options = "{\"caseSensitive\": true}";
            assertThat(kept(options, "number", "equals", "\"1\"", "[1, 2]")).containsExactly(0L);
        }

        @Test
        void theNodesConvertSettingOverridesStrictConditions() {
            String strictLeft = oneCondition(STRICT, "number", "equals", "\"1\"");
            String v21 = strictLeft.substring(0, strictLeft.length() - 1) + ", \"looseTypeValidation\": true}";
            assertThat(field(run("filter", 2.1, v21, items("[\"1\", 2]")), 0, "id")).containsExactly(0L);
            String v2 = strictLeft.substring(0, strictLeft.length() - 1) + ", \"options\": {\"looseTypeValidation\": true}}";
            assertThat(field(run("filter", 2.0, v2, items("[\"1\", 2]")), 0, "id")).containsExactly(0L);
        }

        @Test
        void operationsOnTheFirstValueIgnoreTheSecond() {
            assertThat(kept(STRICT, "number", "exists", "\"not a number\"", "[1, null]")).containsExactly(0L);
        }

        @Test
        void aFailingItemIsDroppedWhenTheNodeContinuesOnFailure() {
            RunResult result = run("filter", 2.2, oneCondition(STRICT, "number", "gt", "1"), items("[3, \"5\", 4]"),
                    "continueRegularOutput", ZoneId.of("UTC"));
            assertThat(field(result, 0, "id")).containsExactly(0L, 2L);
        }
    }

    @Nested
    class Combinators {

        static String twoConditions(String first, long firstValue, String combinator, String second,
                long secondValue) {
            return """
                    {"conditions": {"options": %s, "conditions": [
                      {"leftValue": "={{ $json.v }}", "rightValue": %d, "operator": {"type": "number", "operation": "%s"}},
                      {"leftValue": "={{ $json.v }}", "rightValue": %d, "operator": {"type": "number", "operation": "%s"}}],
                     "combinator": "%s"}}""".formatted(STRICT, firstValue, first, secondValue, second, combinator);
        }

        @Test
        void andKeepsItemsThatMeetEveryCondition() {
            RunResult result = run("filter", 2.2, twoConditions("gte", 2, "and", "lte", 4), items("[1, 2, 3, 4, 5]"));
            assertThat(field(result, 0, "v")).containsExactly(2L, 3L, 4L);
        }

        @Test
        void orKeepsItemsThatMeetAnyCondition() {
            RunResult result = run("filter", 2.2, twoConditions("lt", 2, "or", "gt", 4), items("[1, 2, 3, 4, 5]"));
            assertThat(field(result, 0, "v")).containsExactly(1L, 5L);
        }

        @Test
        void andStopsAtTheFirstFailedConditionSoLaterOnesAreNotChecked() {
            String params = """
                    {"conditions": {"options": %s, "conditions": [
                      {"leftValue": "={{ $json.v }}", "rightValue": 2, "operator": {"type": "number", "operation": "gt"}},
                      {"leftValue": "={{ $json.v }}", "rightValue": "x", "operator": {"type": "string", "operation": "equals"}}],
                     "combinator": "and"}}""".formatted(STRICT);
            RunResult result = run("filter", 2.2, params, items("[1]"));
            assertThat(field(result, 0, "v")).isEmpty();
        }

        @Test
        void anEmptyConditionSetKeepsEverything() {
            RunResult result = run("filter", 2.2, "{}", items("[1, 2]"));
            assertThat(field(result, 0, "v")).containsExactly(1L, 2L);
        }

        @Test
        void keptItemsPointBackToTheirInputItems() {
            RunResult result = run("filter", 2.2, oneCondition(STRICT, "number", "gt", "1"), items("[1, 2, 3]"));
            assertThat(lineage(result, 0)).containsExactly(1, 2);
        }
    }

    @Nested
    class VersionOne {

        static final String PEOPLE = """
                [{"id": 1, "name": "Adam", "subscribed": false, "updatedAt": "2011-10-05T14:48:00.000Z", "notes": null},
                 {"id": 2, "name": "Victor", "subscribed": true, "updatedAt": "2020-10-05T14:48:00.000Z", "notes": "some notes"},
                 {"id": 3, "name": "Sam", "subscribed": true, "updatedAt": "2021-10-05T14:48:00.000Z", "notes": "other notes"}]""";

        @Test
        void andRequiresEveryConditionWithN8nsDefaultsForLeftOutFields() {
            String params = """
                    {"conditions": {"number": [{"value1": "={{ $json.id }}", "value2": 10},
                      {"value1": "={{ $json.id }}", "operation": "larger", "value2": 1}],
                     "string": [{"value1": "={{ $json.notes }}", "operation": "contains", "value2": "notes"}]}}""";
            assertThat(field(run("filter", 1, params, PEOPLE), 0, "id")).containsExactly(2L, 3L);
        }

        @Test
        void orNeedsOneConditionAndAMissingValue2IsFalse() {
            String params = """
                    {"conditions": {"boolean": [{"value1": "={{ $json.subscribed }}"}],
                     "dateTime": [{"value1": "={{ $json.updatedAt }}", "operation": "after", "value2": "2021-01-01T00:00:00Z"}]},
                     "combineConditions": "OR"}""";
            assertThat(field(run("filter", 1, params, PEOPLE), 0, "id")).containsExactly(1L, 3L);
        }

        @Test
        void anInvalidDateFailsNamingTheCondition() {
            String params = """
                    {"conditions": {"dateTime": [{"value1": "={{ $json.name }}", "value2": "2021-01-01"}]}}""";
            RunResult result = ConditionRuns.fail("filter", 1, params, PEOPLE);
            assertThat(result.error().message())
                    .isEqualTo("Parameter \"conditions.dateTime[0].value1\": The value \"Adam\" is not a valid DateTime. [item 0]");
        }
    }
}
