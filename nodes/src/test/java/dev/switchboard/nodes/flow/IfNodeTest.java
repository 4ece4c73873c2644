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

/** The If node sends each item to output 0 ("true") or output 1 ("false"). */
class IfNodeTest {

    static final String NAMES = """
            [{"name": "Elon Musk"}, {"name": "Arnold Schwarzenegger"}]""";

    /** The names on the true and the false output of a version-1 If with one string condition. */
    static List<List<Object>> stringCondition(String operation, String value2) {
        String params = """
                {"conditions": {"string": [{"value1": "={{ $json.name }}", "operation": "%s"%s}]}}"""
                .formatted(operation, value2 == null ? "" : ", \"value2\": \"" + value2 + "\"");
        RunResult result = run("if", 1, params, NAMES);
        return List.of(field(result, 0, "name"), field(result, 1, "name"));
    }

    /** The values on the true output of a version-1 If with one number condition. */
    static List<Object> numberCondition(String operation, String value2) {
        String params = """
                {"conditions": {"number": [{"value1": "={{ $json.v }}", "operation": "%s"%s}]}}"""
                .formatted(operation, value2 == null ? "" : ", \"value2\": " + value2);
        return field(run("if", 1, params, items("[1, 2, 3, null]")), 0, "v");
    }

    @Nested
    class VersionOne {

        @Test
        void stringOperations() {
            assertThat(stringCondition("contains", "Elon")).containsExactly(List.of("Elon Musk"), List.of("Arnold Schwarzenegger"));
            assertThat(stringCondition("notContains", "Elon")).containsExactly(List.of("Arnold Schwarzenegger"), List.of("Elon Musk"));
            assertThat(stringCondition("startsWith", "Elon").get(0)).containsExactly("Elon Musk");
            assertThat(stringCondition("notStartsWith", "Elon").get(0)).containsExactly("Arnold Schwarzenegger");
            assertThat(stringCondition("endsWith", "Musk").get(0)).containsExactly("Elon Musk");
            assertThat(stringCondition("notEndsWith", "Musk").get(0)).containsExactly("Arnold Schwarzenegger");
            assertThat(stringCondition("equal", "Elon Musk").get(0)).containsExactly("Elon Musk");
            assertThat(stringCondition("notEqual", "Elon Musk").get(0)).containsExactly("Arnold Schwarzenegger");
            assertThat(stringCondition("regex", "([E])").get(0)).containsExactly("Elon Musk");
            assertThat(stringCondition("notRegex", "([E])").get(0)).containsExactly("Arnold Schwarzenegger");
            assertThat(stringCondition("regex", "/^arnold/i").get(0)).containsExactly("Arnold Schwarzenegger");
            assertThat(stringCondition("isEmpty", null).get(1)).containsExactly("Elon Musk", "Arnold Schwarzenegger");
            assertThat(stringCondition("isNotEmpty", null).get(0)).containsExactly("Elon Musk", "Arnold Schwarzenegger");
        }

        @Test
        void stringEqualIsDefaultAndCaseSensitive() {
            String params = """
                    {"conditions": {"string": [{"value1": "={{ $json.name }}", "value2": "elon musk"}]}}""";
            assertThat(field(run("if", 1, params, NAMES), 1, "name")).containsExactly("Elon Musk", "Arnold Schwarzenegger");
        }

        @Test
        void numberOperationsCompareAsJavaScriptDoes() {
            assertThat(numberCondition("smaller", "2")).containsExactly(1L, null);
            assertThat(numberCondition("smallerEqual", "2")).containsExactly(1L, 2L, null);
            assertThat(numberCondition("equal", "2")).containsExactly(2L);
            assertThat(numberCondition("notEqual", "2")).containsExactly(1L, 3L, null);
            assertThat(numberCondition("larger", "2")).containsExactly(3L);
            assertThat(numberCondition("largerEqual", "2")).containsExactly(2L, 3L);
            assertThat(numberCondition("isEmpty", null)).containsExactly((Object) null);
            assertThat(numberCondition("isNotEmpty", null)).containsExactly(1L, 2L, 3L);
        }

        @Test
        void theDefaultNumberOperationIsSmaller() {
            String params = """
                    {"conditions": {"number": [{"value1": "={{ $json.v }}", "value2": 2}]}}""";
            assertThat(field(run("if", 1, params, items("[1, 2]")), 0, "v")).containsExactly(1L);
        }

        @Test
        void valuesAreNotConvertedSoTextNeverEqualsANumber() {
            String params = """
                    {"conditions": {"number": [{"value1": "={{ $json.v }}", "operation": "equal", "value2": 5}]}}""";
            RunResult result = run("if", 1, params, items("[5, \"5\"]"));
            assertThat(field(result, 0, "id")).containsExactly(0L);
            assertThat(field(result, 1, "id")).containsExactly(1L);
        }

        @Test
        void booleanEqualAndNotEqual() {
            String params = """
                    {"conditions": {"boolean": [{"value1": "={{ $json.v }}", "operation": "%s", "value2": true}]}}""";
            assertThat(field(run("if", 1, params.formatted("equal"), items("[true, false]")), 0, "v")).containsExactly(true);
            assertThat(field(run("if", 1, params.formatted("notEqual"), items("[true, false]")), 0, "v")).containsExactly(false);
        }

        @Test
        void dateTimeAfterAndBeforeCompareInstants() {
            String items = """
                    [{"one": "2023-01-01T00:00:00.000-05:00", "two": "2023-01-02T00:00:00.000-05:00"},
                     {"one": "2023-01-02T00:00:00.000-05:00", "two": "2023-01-01T00:00:00.000-05:00"}]""";
            String params = """
                    {"conditions": {"dateTime": [{"value1": "={{ $json.one }}", "operation": "%s", "value2": "={{ $json.two }}"}]}}""";
            RunResult after = run("if", 1, params.formatted("after"), items);
            assertThat(lineage(after, 0)).containsExactly(1);
            assertThat(lineage(after, 1)).containsExactly(0);
            assertThat(lineage(run("if", 1, params.formatted("before"), items), 0)).containsExactly(0);
        }

        @Test
        void aDateAloneIsUtcMidnightButADateTimeWithoutOffsetIsInTheWorkflowZone() {
            String params = """
                    {"conditions": {"dateTime": [{"value1": "={{ $json.v }}", "operation": "before", "value2": "2024-01-01"}]}}""";
            String values = items("[\"2023-12-31T23:30:00\"]");
            ZoneId berlin = ZoneId.of("Europe/Berlin");
            assertThat(field(run("if", 1, params, values, null, berlin), 0, "id")).containsExactly(0L);
            ZoneId newYork = ZoneId.of("America/New_York");
            assertThat(field(run("if", 1, params, values, null, newYork), 1, "id")).containsExactly(0L);
        }

        @Test
        void anInvalidDateFailsTheNode() {
            String params = """
                    {"conditions": {"dateTime": [{"value1": "={{ $json.v }}", "value2": "2024-01-01"}]}}""";
            RunResult result = ConditionRuns.fail("if", 1, params, items("[\"not a date\"]"));
            assertThat(result.error().message()).isEqualTo(
                    "Parameter \"conditions.dateTime[0].value1\": The value \"not a date\" is not a valid DateTime. [item 0]");
        }

        @Test
        void allRequiresEveryConditionAcrossDataTypes() {
            String params = """
                    {"conditions": {"number": [{"value1": "={{ $json.v }}", "operation": "larger", "value2": 1}],
                     "string": [{"value1": "={{ $json.v }}", "operation": "notEqual", "value2": "x"}]}}""";
            RunResult result = run("if", 1, params, items("[1, 2, 3]"));
            assertThat(field(result, 0, "v")).containsExactly(2L, 3L);
            assertThat(field(result, 1, "v")).containsExactly(1L);
        }

        @Test
        void anyNeedsOneCondition() {
            String params = """
                    {"conditions": {"number": [{"value1": "={{ $json.v }}", "operation": "equal", "value2": 1},
                      {"value1": "={{ $json.v }}", "operation": "equal", "value2": 3}]},
                     "combineOperation": "any"}""";
            RunResult result = run("if", 1, params, items("[1, 2, 3]"));
            assertThat(field(result, 0, "v")).containsExactly(1L, 3L);
            assertThat(field(result, 1, "v")).containsExactly(2L);
        }

        @Test
        void anUnknownOperationFailsNamingTheCondition() {
            String params = """
                    {"conditions": {"number": [{"value1": 1, "operation": "roughly", "value2": 1}]}}""";
            RunResult result = ConditionRuns.fail("if", 1, params, items("[1]"));
            assertThat(result.error().message())
                    .isEqualTo("Parameter \"conditions.number[0]\": unknown operation \"roughly\" [item 0]");
        }
    }

    @Nested
    class VersionTwo {

        static String condition(String options, String type, String operation, String right) {
            return """
                    {"conditions": {"options": %s, "conditions": [{"leftValue": "={{ $json.v }}", "rightValue": %s,
                     "operator": {"type": "%s", "operation": "%s"}}], "combinator": "and"}%%s}"""
                    .formatted(options, right, type, operation);
        }

        @Test
        void routesItemsToTrueAndFalseWithTheirLineage() {
            String params = condition(FilterNodeTest.STRICT, "number", "gt", "2").formatted("");
            RunResult result = run("if", 2.2, params, items("[1, 3, 2, 4]"));
            assertThat(field(result, 0, "v")).containsExactly(3L, 4L);
            assertThat(lineage(result, 0)).containsExactly(1, 3);
            assertThat(field(result, 1, "v")).containsExactly(1L, 2L);
            assertThat(lineage(result, 1)).containsExactly(0, 2);
        }

        @Test
        void strictValidationFailsTheNode() {
            String params = condition(FilterNodeTest.STRICT, "number", "gt", "2").formatted("");
            RunResult result = ConditionRuns.fail("if", 2, params, items("[\"3\"]"));
            assertThat(result.error().message())
                    .isEqualTo("Wrong type: '3' is a string but was expecting a number [condition 0, item 0]");
        }

        @Test
        void aFailingItemGoesToFalseWhenTheNodeContinuesOnFailure() {
            String params = condition(FilterNodeTest.STRICT, "number", "gt", "2").formatted("");
            RunResult result = run("if", 2, params, items("[3, \"5\"]"), "continueRegularOutput", ZoneId.of("UTC"));
            assertThat(field(result, 0, "id")).containsExactly(0L);
            assertThat(field(result, 1, "id")).containsExactly(1L);
        }

        @Test
        void looseTypeValidationIsAnOptionInTwoAndATopLevelSettingFromTwoPointOne() {
            String strict = condition(FilterNodeTest.STRICT, "number", "gt", "2");
            String v2 = strict.formatted(", \"options\": {\"looseTypeValidation\": true}");
            assertThat(field(run("if", 2, v2, items("[\"3\"]")), 0, "v")).containsExactly("3");
            String v21 = strict.formatted(", \"looseTypeValidation\": true");
            assertThat(field(run("if", 2.1, v21, items("[\"3\"]")), 0, "v")).containsExactly("3");
        }

        @Test
        void versionTwoPointTwoReadsTheTextFalseAsFalse() {
            String noVersion = "{\"caseSensitive\": true, \"typeValidation\": \"loose\"}";
            String params = condition(noVersion, "boolean", "true", "\"\"").formatted("");
            assertThat(field(run("if", 2.2, params, items("[\"false\", \"true\"]")), 0, "v")).containsExactly("true");
            assertThat(field(run("if", 2.1, params, items("[\"false\", \"true\"]")), 0, "v"))
                    .containsExactly("false", "true");
        }

        @Test
        void ignoreCaseOptionAppliesWhenTheConditionsDoNotSayIt() {
            String noCase = "{\"typeValidation\": \"strict\"}";
            String caseSensitive = condition(noCase, "string", "equals", "\"ABC\"")
                    .formatted(", \"options\": {\"ignoreCase\": false}");
            assertThat(field(run("if", 2, caseSensitive, items("[\"abc\", \"ABC\"]")), 0, "v")).containsExactly("ABC");
            String ignoring = condition(noCase, "string", "equals", "\"ABC\"").formatted(", \"options\": {\"ignoreCase\": true}");
            assertThat(field(run("if", 2, ignoring, items("[\"abc\", \"ABC\"]")), 0, "v")).containsExactly("abc", "ABC");
        }

        @Test
        void withoutConditionsEveryItemIsTrue() {
            RunResult result = run("if", 2.2, "{}", items("[1, 2]"));
            assertThat(field(result, 0, "v")).containsExactly(1L, 2L);
            assertThat(field(result, 1, "v")).isEmpty();
        }

        @Test
        void orCombinatorNeedsOneCondition() {
            String params = """
                    {"conditions": {"options": %s, "conditions": [
                      {"leftValue": "={{ $json.v }}", "rightValue": "a", "operator": {"type": "string", "operation": "equals"}},
                      {"leftValue": "={{ $json.v }}", "rightValue": "c", "operator": {"type": "string", "operation": "equals"}}],
                     "combinator": "or"}}""".formatted(FilterNodeTest.STRICT);
            RunResult result = run("if", 2.2, params, items("[\"a\", \"b\", \"c\"]"));
            assertThat(field(result, 0, "v")).containsExactly("a", "c");
            assertThat(field(result, 1, "v")).containsExactly("b");
        }
    }
}
