package dev.switchboard.nodes.flow;

import static dev.switchboard.nodes.flow.ConditionRuns.field;
import static dev.switchboard.nodes.flow.ConditionRuns.items;
import static dev.switchboard.nodes.flow.ConditionRuns.lineage;
import static dev.switchboard.nodes.flow.ConditionRuns.outputs;
import static dev.switchboard.nodes.flow.ConditionRuns.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import dev.switchboard.nodes.NodeTestKit;
import dev.switchboard.platform.json.Json;
import dev.switchboard.platform.run.RunResult;

/** The Switch node sends each item to one of several outputs. */
class SwitchNodeTest {

    static final String WORDS = items("[\"first\", \"second\", \"third\", \"fourth\"]");

    /** The v of the items on each output. */
    static List<List<Object>> routed(RunResult result) {
        return IntStream.range(0, outputs(result)).mapToObj(o -> field(result, o, "v")).toList();
    }

    /** A version-3 rule: $json.v equals the text. */
    static String equalsRule(String text) {
        return rule("equals", text);
    }

    /** A version-3 rule: $json.v contains the text. */
    static String containsRule(String text) {
        return rule("contains", text);
    }

    static String rule(String operation, String text) {
        return """
                {"conditions": {"options": {"caseSensitive": true, "leftValue": "", "typeValidation": "strict"},
                 "conditions": [{"leftValue": "={{ $json.v }}", "rightValue": "%s",
                  "operator": {"type": "string", "operation": "%s"}}], "combinator": "and"},
                 "renameOutput": true, "outputKey": "%s %s"}""".formatted(text, operation, operation, text);
    }

    static String rules(String options, String... rules) {
        return "{\"rules\": {\"values\": [" + String.join(",", rules) + "]}, \"options\": " + options + "}";
    }

    @Nested
    class VersionThreeRules {

        @Test
        void anItemGoesToTheFirstRuleItMeets() {
            RunResult result = run("switch", 3, rules("{}", equalsRule("first"), containsRule("ir"), equalsRule("third")), WORDS);
            assertThat(routed(result)).containsExactly(List.of("first"), List.of("third"), List.of());
        }

        @Test
        void allMatchingOutputsSendsAnItemToEveryRuleItMeets() {
            RunResult result = run("switch", 3, rules("{\"allMatchingOutputs\": true}", equalsRule("first"), containsRule("ir"),
                    equalsRule("third")), WORDS);
            assertThat(routed(result)).containsExactly(List.of("first"), List.of("first", "third"), List.of("third"));
            assertThat(lineage(result, 1)).containsExactly(0, 2);
        }

        @Test
        void unmatchedItemsAreDroppedByDefault() {
            RunResult result = run("switch", 3.2, rules("{\"fallbackOutput\": \"none\"}", equalsRule("first")), WORDS);
            assertThat(routed(result)).containsExactly(List.of("first"));
        }

        @Test
        void theExtraFallbackOutputComesAfterTheRules() {
            RunResult result = run("switch", 3, rules("{\"fallbackOutput\": \"extra\", \"renameFallbackOutput\": \"Other\"}",
                    equalsRule("first"), equalsRule("second")), WORDS);
            assertThat(routed(result)).containsExactly(List.of("first"), List.of("second"), List.of("third", "fourth"));
        }

        @Test
        void aNumberedFallbackSharesThatRulesOutput() {
            RunResult result = run("switch", 3, rules("{\"fallbackOutput\": 0}", equalsRule("first"), equalsRule("second")), WORDS);
            assertThat(routed(result)).containsExactly(List.of("first", "third", "fourth"), List.of("second"));
        }

        @Test
        void aFallbackBeyondTheRulesFailsTheNode() {
            RunResult result = ConditionRuns.fail("switch", 3, rules("{\"fallbackOutput\": 2}", equalsRule("first"),
                    equalsRule("second")), WORDS);
            assertThat(result.error().message())
                    .isEqualTo("Parameter \"options.fallbackOutput\": output 2 does not exist; use 0 to 1 [item 2]");
        }

        @Test
        void ignoreCaseAppliesWhenTheRulesDoNotSayIt() {
            String rule = """
                    {"conditions": {"options": {"typeValidation": "strict"}, "conditions": [{"leftValue": "={{ $json.v }}",
                     "rightValue": "FIRST", "operator": {"type": "string", "operation": "equals"}}], "combinator": "and"}}""";
            RunResult result = run("switch", 3, rules("{\"ignoreCase\": true}", rule), WORDS);
            assertThat(routed(result)).containsExactly(List.of("first"));
        }

        @Test
        void typeErrorsFailTheNodeUnlessTypesAreConverted() {
            String rule = """
                    {"conditions": {"options": {"caseSensitive": true, "typeValidation": "strict"}, "conditions": [
                     {"leftValue": "={{ $json.v }}", "rightValue": 2, "operator": {"type": "number", "operation": "equals"}}],
                     "combinator": "and"}}""";
            String values = items("[\"2\", 3]");
            RunResult failed = ConditionRuns.fail("switch", 3.1, rules("{}", rule), values);
            assertThat(failed.error().message())
                    .isEqualTo("Wrong type: '2' is a string but was expecting a number [condition 0, item 0]");
            String loose = "{\"rules\": {\"values\": [" + rule + "]}, \"looseTypeValidation\": true}";
            assertThat(routed(run("switch", 3.1, loose, values))).containsExactly(List.of("2"));
            String looseOption = rules("{\"looseTypeValidation\": true}", rule);
            assertThat(routed(run("switch", 3, looseOption, values))).containsExactly(List.of("2"));
        }

        @Test
        void aFailingItemGoesToOutputZeroAsAnErrorWhenTheNodeContinues() {
            String rule = """
                    {"conditions": {"options": {"caseSensitive": true, "typeValidation": "strict"}, "conditions": [
                     {"leftValue": "={{ $json.v }}", "rightValue": 2, "operator": {"type": "number", "operation": "equals"}}],
                     "combinator": "and"}}""";
            RunResult result = run("switch", 3, rules("{}", rule, equalsRule("x")), items("[2, \"2\"]"),
                    "continueRegularOutput", ZoneId.of("UTC"));
            assertThat(field(result, 0, "v")).containsExactly(2L, null);
            assertThat(field(result, 0, "error")).containsExactly(null,
                    "Wrong type: '2' is a string but was expecting a number [condition 0, item 1]");
            assertThat(lineage(result, 0)).containsExactly(0, 1);
        }

        @Test
        void withoutRulesTheDefaultRuleSendsEverythingToOutputZero() {
            RunResult result = run("switch", 3.2, "{}", WORDS);
            assertThat(routed(result)).containsExactly(List.of("first", "second", "third", "fourth"));
        }

        @Test
        void anEmptyRuleListRoutesNothing() {
            RunResult result = run("switch", 3, "{\"rules\": {\"values\": []}}", WORDS);
            assertThat(routed(result)).containsExactly(List.of());
        }
    }

    @Nested
    class VersionThreeExpression {

        static final String BY_NAME = """
                {"mode": "expression", "numberOutputs": 3,
                 "output": "={{ Math.max(0, ['first', 'second', 'third'].indexOf($json.v)) }}"}""";

        @Test
        void theExpressionGivesTheOutputIndex() {
            RunResult result = run("switch", 3, BY_NAME, WORDS);
            assertThat(routed(result)).containsExactly(List.of("first", "fourth"), List.of("second"), List.of("third"));
        }

        @Test
        void numericTextIsAnIndexToo() {
            String params = "{\"mode\": \"expression\", \"numberOutputs\": 2, \"output\": \"={{ String($itemIndex % 2) }}\"}";
            assertThat(routed(run("switch", 3.2, params, WORDS)))
                    .containsExactly(List.of("first", "third"), List.of("second", "fourth"));
        }

        @Test
        void anIndexOutsideTheOutputsFailsNamingTheItem() {
            String params = "{\"mode\": \"expression\", \"numberOutputs\": 2, \"output\": \"={{ $itemIndex }}\"}";
            RunResult result = ConditionRuns.fail("switch", 3, params, WORDS);
            assertThat(result.error().message())
                    .isEqualTo("Parameter \"output\": output 2 does not exist; use 0 to 1 [item 2]");
            assertThat(result.error().itemIndex()).isEqualTo(2);
        }

        @Test
        void aMissingOrNonNumericIndexFails() {
            RunResult missing = ConditionRuns.fail("switch", 3, "{\"mode\": \"expression\"}", WORDS);
            assertThat(missing.error().message())
                    .isEqualTo("Parameter \"output\": no output index; give a number from 0 to 3 [item 0]");
            RunResult text = ConditionRuns.fail("switch", 3, "{\"mode\": \"expression\", \"output\": \"={{ $json.v }}\"}",
                    WORDS);
            assertThat(text.error().message()).isEqualTo(
                    "Parameter \"output\": the output index must be a whole number but is \"first\" [item 0]");
        }
    }

    @Nested
    class VersionTwo {

        @Test
        void rulesSendAnItemToTheOutputOfTheFirstMatchingRule() {
            String params = """
                    {"dataType": "string", "value1": "={{ $json.v }}", "rules": {"rules": [
                      {"value2": "first", "outputKey": "First"}, {"operation": "contains", "value2": "ir"},
                      {"value2": "third"}]}, "fallbackOutput": 2}""";
            RunResult result = run("switch", 2, params, WORDS);
            assertThat(routed(result)).containsExactly(List.of("first"), List.of("third"), List.of("second", "fourth"));
        }

        @Test
        void regexRulesTakeLiterals() {
            String params = """
                    {"dataType": "string", "value1": "={{ $json.v }}", "rules": {"rules": [
                      {"operation": "regex", "value2": "/^f/"}, {"operation": "notRegex", "value2": "/^s/"}]}}""";
            RunResult result = run("switch", 2, params, WORDS);
            assertThat(routed(result)).containsExactly(List.of("first", "fourth"), List.of("third"));
        }

        @Test
        void withoutFallbackUnmatchedItemsAreDropped() {
            String params = """
                    {"dataType": "string", "value1": "={{ $json.v }}", "rules": {"rules": [{"value2": "third"}]}}""";
            assertThat(routed(run("switch", 2, params, WORDS))).containsExactly(List.of("third"));
        }

        @Test
        void expressionModeHasOutputsAmountOutputs() {
            String params = """
                    {"mode": "expression", "outputsAmount": 3,
                     "output": "={{ Math.max(0, ['first', 'second', 'third'].indexOf($json.v)) }}"}""";
            RunResult result = run("switch", 2, params, WORDS);
            assertThat(routed(result)).containsExactly(List.of("first", "fourth"), List.of("second"), List.of("third"));
        }

        @Test
        void dateRulesCompareInstants() {
            String params = """
                    {"dataType": "dateTime", "value1": "={{ $json.v }}", "rules": {"rules": [
                      {"operation": "before", "value2": "2024-01-01T00:00:00Z"}, {"value2": "2024-06-01T00:00:00Z"}]}}""";
            RunResult result = run("switch", 2, params, items("[\"2023-05-01T00:00:00Z\", \"2024-07-01T00:00:00Z\","
                    + " \"2024-03-01T00:00:00Z\"]"));
            assertThat(routed(result)).containsExactly(List.of("2023-05-01T00:00:00Z"), List.of("2024-07-01T00:00:00Z"));
        }

        @Test
        void aFailingItemGoesToOutputZeroAsAnErrorWhenTheNodeContinues() {
            String params = """
                    {"dataType": "dateTime", "value1": "={{ $json.v }}", "rules": {"rules": [
                      {"operation": "before", "value2": "2024-01-01T00:00:00Z"}]}}""";
            RunResult result = run("switch", 2, params, items("[\"yesterday\"]"), "continueRegularOutput",
                    ZoneId.of("UTC"));
            assertThat(field(result, 0, "error"))
                    .containsExactly("Parameter \"value1\": The value \"yesterday\" is not a valid DateTime. [item 0]");
        }
    }

    @Nested
    class VersionOne {

        static final String NUMBERS = items("[0, 1, 2, 3]");

        @Test
        void rulesSendItemsToTheRulesOutputWithDefaultsForLeftOutFields() {
            String params = """
                    {"value1": "={{ $json.v }}", "rules": {"rules": [{"operation": "equal"},
                      {"operation": "equal", "value2": 1, "output": 1}, {"operation": "equal", "value2": 2, "output": 2}]},
                     "fallbackOutput": 3}""";
            assertThat(routed(run("switch", 1, params, NUMBERS)))
                    .containsExactly(List.of(0L), List.of(1L), List.of(2L), List.of(3L));
        }

        @Test
        void twoRulesMaySendToTheSameOutput() {
            String params = """
                    {"value1": "={{ $json.v }}", "rules": {"rules": [{"operation": "smaller", "value2": 1, "output": 3},
                      {"operation": "larger", "value2": 2, "output": 3}]}}""";
            assertThat(routed(run("switch", 1, params, NUMBERS)))
                    .containsExactly(List.of(), List.of(), List.of(), List.of(0L, 3L));
        }

        @Test
        void expressionModeSendsToTheGivenOutputOfFour() {
            String params = "{\"mode\": \"expression\", \"output\": \"={{ 3 - $json.v }}\"}";
            assertThat(routed(run("switch", 1, params, NUMBERS)))
                    .containsExactly(List.of(3L), List.of(2L), List.of(1L), List.of(0L));
        }

        @Test
        void anOutputBeyondThreeFails() {
            String params = "{\"mode\": \"expression\", \"output\": \"={{ $json.v + 1 }}\"}";
            RunResult result = ConditionRuns.fail("switch", 1, params, NUMBERS);
            assertThat(result.error().message())
                    .isEqualTo("Parameter \"output\": output 4 does not exist; use 0 to 3 [item 3]");
        }

        @Test
        void booleanRulesCompareStrictly() {
            String params = """
                    {"dataType": "boolean", "value1": "={{ $json.v }}", "rules": {"rules": [{"value2": true, "output": 1},
                      {"operation": "notEqual", "value2": true, "output": 2}]}}""";
            RunResult result = run("switch", 1, params, items("[true, false, \"true\"]"));
            assertThat(routed(result)).containsExactly(List.of(), List.of(true), List.of(false, "true"), List.of());
        }
    }

    @Nested
    class OutputCount {

        final SwitchNode node = new SwitchNode();

        Map<String, Object> params(String json) {
            return Json.parseObject(json);
        }

        @Test
        void versionOneAlwaysHasFourOutputs() {
            assertThat(node.outputCount(1, params("{\"mode\": \"expression\"}"))).isEqualTo(4);
        }

        @Test
        void versionTwoHasOneOutputPerRuleOrOutputsAmount() {
            assertThat(node.outputCount(2, params("{\"rules\": {\"rules\": [{}, {}, {}]}}"))).isEqualTo(3);
            assertThat(node.outputCount(2, params("{\"mode\": \"expression\", \"outputsAmount\": 6}"))).isEqualTo(6);
            assertThat(node.outputCount(2, params("{\"mode\": \"expression\"}"))).isEqualTo(4);
        }

        @Test
        void versionThreeCountsRulesAndTheExtraFallback() {
            assertThat(node.outputCount(3, params("{}"))).isEqualTo(1);
            assertThat(node.outputCount(3.2, params("{\"rules\": {\"values\": [{}, {}]}}"))).isEqualTo(2);
            assertThat(node.outputCount(3.1, params("{\"rules\": {\"values\": [{}, {}]}, \"options\": {\"fallbackOutput\": \"extra\"}}")))
                    .isEqualTo(3);
            assertThat(node.outputCount(3, params("{\"rules\": {\"values\": [{}, {}]}, \"options\": {\"fallbackOutput\": 1}}")))
                    .isEqualTo(2);
        }

        @Test
        void versionThreeExpressionModeHasNumberOutputs() {
            assertThat(node.outputCount(3, params("{\"mode\": \"expression\", \"numberOutputs\": 5}"))).isEqualTo(5);
            assertThat(node.outputCount(3, params("{\"mode\": \"expression\"}"))).isEqualTo(4);
        }

        @Test
        void theEngineSeesTheLoadedNodeUnderItsN8nName() {
            assertThat(NodeTestKit.TYPES.all()).extracting(t -> t.descriptor().type())
                    .contains("switchboard.switch", "switchboard.if", "switchboard.filter");
        }
    }
}
