package dev.switchboard.nodes.flow;

import static dev.switchboard.nodes.NodeTestKit.objs;
import static dev.switchboard.nodes.flow.FlowTestSupport.error;
import static dev.switchboard.nodes.flow.FlowTestSupport.out;
import static dev.switchboard.nodes.flow.FlowTestSupport.runWithInputs;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import dev.switchboard.platform.node.Item;
import dev.switchboard.platform.node.PairedItem;
import dev.switchboard.platform.run.RunResult;
import dev.switchboard.platform.run.RunStatus;

class MergeNodeTest {

    private static final String MERGE = "n8n-nodes-base.merge";
    private static final String A = "[{id: 1, data: 'a', name: 'Sam'}, {id: 2, data: 'b', name: 'Dan'}, {id: 3, data: 'c', name: 'Jon'}]";
    private static final String B = "[{id: 1, data: 'aa', country: 'PL'}, {id: 2, data: 'bb', country: 'FR'}, {id: 5, data: 'ee', country: 'ES'}]";

    private static List<Map<String, Object>> merge(double version, String params, String... inputs) {
        RunResult r = runWithInputs(MERGE, version, params, inputs);
        assertThat(r.status()).as(String.valueOf(r.error())).isEqualTo(RunStatus.SUCCEEDED);
        return out(r);
    }

    @Test
    void declaresTwoInputsUntilVersionThreeSaysHowMany() {
        MergeNode node = new MergeNode();
        assertThat(node.inputCount(2.1, Map.of("numberInputs", 4L))).isEqualTo(2);
        assertThat(node.inputCount(3.0, Map.of())).isEqualTo(2);
        assertThat(node.inputCount(3.2, Map.of("numberInputs", 4L))).isEqualTo(4);
        assertThat(node.inputCount(3.1, Map.of("numberInputs", "3"))).isEqualTo(3);
        assertThat(node.waitsForAllInputs()).isTrue();
    }

    @Nested
    class Version1 {

        @Test
        void appendOutputsInput1ThenInput2() {
            assertThat(merge(1, "{}", "[{a: 1}]", "[{b: 2}, {b: 3}]"))
                    .isEqualTo(objs("[{\"a\":1},{\"b\":2},{\"b\":3}]"));
        }

        @Test
        void mergeByIndexJoinsLeftByDefaultInnerAndOuterOnRequest() {
            String in1 = "[{x: 1, k: 'one'}, {x: 2}]";
            String in2 = "[{k: 'uno', y: 1}, {y: 2}, {y: 3}]";
            assertThat(merge(1, "{\"mode\":\"mergeByIndex\"}", in1, in2))
                    .isEqualTo(objs("[{\"x\":1,\"k\":\"uno\",\"y\":1},{\"x\":2,\"y\":2}]"));
            assertThat(merge(1, "{\"mode\":\"mergeByIndex\",\"join\":\"inner\"}", in1, in2)).hasSize(2);
            assertThat(merge(1, "{\"mode\":\"mergeByIndex\",\"join\":\"outer\"}", in1, in2))
                    .isEqualTo(objs("[{\"x\":1,\"k\":\"uno\",\"y\":1},{\"x\":2,\"y\":2},{\"y\":3}]"));
        }

        @Test
        void mergeByIndexWithAnEmptyInputFollowsTheJoin() {
            assertThat(merge(1, "{\"mode\":\"mergeByIndex\",\"join\":\"outer\"}", "[]", "[{y: 1}]"))
                    .isEqualTo(objs("[{\"y\":1}]"));
            assertThat(merge(1, "{\"mode\":\"mergeByIndex\",\"join\":\"left\"}", "[{x: 1}]", "[]"))
                    .isEqualTo(objs("[{\"x\":1}]"));
        }

        @Test
        void mergeByKeyCopiesTheMatchingItemsFieldsOntoInput1() {
            String params = "{\"mode\":\"mergeByKey\",\"propertyName1\":\"id\",\"propertyName2\":\"key\"}";
            List<Map<String, Object>> out = merge(1, params, "[{id: 1, a: 'x', b: null}, {id: 9}]",
                    "[{key: '1', a: 'y', b: 'new', c: true}]");
            assertThat(out).isEqualTo(objs("[{\"id\":1,\"a\":\"y\",\"b\":\"new\",\"c\":true},{\"id\":9}]"));
        }

        @Test
        void mergeByKeyOverwritesOnlyBlankOrMissingValuesWhenAsked() {
            String in1 = "[{id: 1, a: 'keep', b: '', c: null}]";
            String in2 = "[{id: 1, a: 'new', b: 'new', c: 'new', d: 'new'}]";
            assertThat(merge(1, "{\"mode\":\"mergeByKey\",\"propertyName1\":\"id\",\"propertyName2\":\"id\","
                    + "\"overwrite\":\"blank\"}", in1, in2))
                    .isEqualTo(objs("[{\"id\":1,\"a\":\"keep\",\"b\":\"new\",\"c\":\"new\",\"d\":\"new\"}]"));
            assertThat(merge(1, "{\"mode\":\"mergeByKey\",\"propertyName1\":\"id\",\"propertyName2\":\"id\","
                    + "\"overwrite\":\"undefined\"}", in1, in2))
                    .isEqualTo(objs("[{\"id\":1,\"a\":\"keep\",\"b\":\"\",\"c\":null,\"d\":\"new\"}]"));
        }

        @Test
        void keepAndRemoveKeyMatchesFilterInput1() {
            String in1 = "[{id: 1}, {id: 2}, {other: 3}]";
            String in2 = "[{id: 2}]";
            assertThat(merge(1, "{\"mode\":\"keepKeyMatches\",\"propertyName1\":\"id\",\"propertyName2\":\"id\"}", in1, in2))
                    .isEqualTo(objs("[{\"id\":2}]"));
            assertThat(merge(1, "{\"mode\":\"removeKeyMatches\",\"propertyName1\":\"id\",\"propertyName2\":\"id\"}", in1, in2))
                    .isEqualTo(objs("[{\"id\":1},{\"other\":3}]"));
        }

        @Test
        void multiplexPairsEveryItemWithEveryItem() {
            assertThat(merge(1, "{\"mode\":\"multiplex\"}", "[{a: 1}, {a: 2}]", "[{b: 1}, {a: 9, b: 2}]"))
                    .isEqualTo(objs("[{\"a\":1,\"b\":1},{\"a\":9,\"b\":2},{\"a\":2,\"b\":1},{\"a\":9,\"b\":2}]"));
        }

        @Test
        void passThroughAndWait() {
            assertThat(merge(1, "{\"mode\":\"passThrough\",\"output\":\"input2\"}", "[{a: 1}]", "[{b: 1}]"))
                    .isEqualTo(objs("[{\"b\":1}]"));
            assertThat(merge(1, "{\"mode\":\"passThrough\"}", "[{a: 1}]", "[{b: 1}]")).isEqualTo(objs("[{\"a\":1}]"));
            assertThat(merge(1, "{\"mode\":\"wait\"}", "[{a: 1}, {a: 2}]", "[{b: 1}]")).isEqualTo(objs("[{}]"));
        }
    }

    @Nested
    class Version2 {

        private static final String BY_ID = "\"mode\":\"combine\",\"mergeByFields\":{\"values\":[{\"field1\":\"id\",\"field2\":\"id\"}]}";

        @Test
        void appendIsTheDefaultAndGivesEveryItemItsLineage() {
            RunResult r = runWithInputs(MERGE, 2, "{}", "[{a: 1}, {a: 2}]", "[{b: 1}]");
            List<Item> items = r.output("Node");
            assertThat(items).extracting(Item::json).isEqualTo(objs("[{\"a\":1},{\"a\":2},{\"b\":1}]"));
            assertThat(items.get(2).pairedItem()).containsExactly(new PairedItem(0, 1));
        }

        @Test
        void keepMatchesMergesMatchingItemsInput2Winning() {
            assertThat(merge(2, "{" + BY_ID + "}", A, B)).isEqualTo(objs("""
                    [{"id":1,"data":"aa","name":"Sam","country":"PL"},{"id":2,"data":"bb","name":"Dan","country":"FR"}]"""));
        }

        @Test
        void keepMatchesCanOutputOneInputsItemsOnly() {
            assertThat(merge(2, "{" + BY_ID + ",\"outputDataFrom\":\"input1\"}", A, B))
                    .extracting(m -> m.get("data")).containsExactly("a", "b");
            assertThat(merge(2, "{" + BY_ID + ",\"outputDataFrom\":\"input2\"}", A, B))
                    .extracting(m -> m.get("data")).containsExactly("aa", "bb");
        }

        @Test
        void keepNonMatchesMarksTheSourceWhenBothInputsAreOutput() {
            assertThat(merge(2, "{" + BY_ID + ",\"joinMode\":\"keepNonMatches\"}", A, B)).isEqualTo(objs("""
                    [{"id":3,"data":"c","name":"Jon","_source":"input1"},{"id":5,"data":"ee","country":"ES","_source":"input2"}]"""));
            assertThat(merge(2, "{" + BY_ID + ",\"joinMode\":\"keepNonMatches\",\"outputDataFrom\":\"input2\"}", A, B))
                    .extracting(m -> m.get("id")).containsExactly(5L);
        }

        @Test
        void keepEverythingAndEnrichAreOuterLeftAndRightJoins() {
            assertThat(merge(2, "{" + BY_ID + ",\"joinMode\":\"keepEverything\"}", A, B))
                    .extracting(m -> m.get("data")).containsExactly("aa", "bb", "c", "ee");
            assertThat(merge(2, "{" + BY_ID + ",\"joinMode\":\"enrichInput1\"}", A, B))
                    .extracting(m -> m.get("data")).containsExactly("aa", "bb", "c");
            // enriching input 2 keeps input 1's value on clashes
            assertThat(merge(2, "{" + BY_ID + ",\"joinMode\":\"enrichInput2\"}", A, B))
                    .extracting(m -> m.get("data")).containsExactly("a", "b", "ee");
        }

        @Test
        void clashHandlingAddsInputNumbersOrPrefersInput1() {
            String suffix = "{" + BY_ID + ",\"options\":{\"clashHandling\":{\"values\":{\"resolveClash\":\"addSuffix\"}}}}";
            assertThat(merge(2, suffix, "[{id: 1, data: 'a'}]", "[{id: 1, data: 'b'}]"))
                    .isEqualTo(objs("[{\"id_1\":1,\"data_1\":\"a\",\"id_2\":1,\"data_2\":\"b\"}]"));
            String prefer1 = "{" + BY_ID + ",\"options\":{\"clashHandling\":{\"values\":{\"resolveClash\":\"preferInput1\"}}}}";
            assertThat(merge(2, prefer1, "[{id: 1, data: 'a'}]", "[{id: 1, data: 'b', x: 1}]"))
                    .isEqualTo(objs("[{\"id\":1,\"data\":\"a\",\"x\":1}]"));
        }

        @Test
        void deepMergeCombinesNestedObjectsShallowMergeReplacesThem() {
            String in1 = "[{id: 1, nested: {a: 1, b: 1}}]";
            String in2 = "[{id: 1, nested: {b: 2}}]";
            assertThat(merge(2, "{" + BY_ID + "}", in1, in2))
                    .isEqualTo(objs("[{\"id\":1,\"nested\":{\"a\":1,\"b\":2}}]"));
            String shallow = "{" + BY_ID + ",\"options\":{\"clashHandling\":{\"values\":{\"resolveClash\":\"preferInput2\","
                    + "\"mergeMode\":\"shallowMerge\"}}}}";
            assertThat(merge(2, shallow, in1, in2)).isEqualTo(objs("[{\"id\":1,\"nested\":{\"b\":2}}]"));
        }

        @Test
        void minimizeEmptyFieldsKeepsAValueOverAnEmptyOne() {
            String params = "{" + BY_ID + ",\"options\":{\"clashHandling\":{\"values\":{\"resolveClash\":\"preferInput2\","
                    + "\"overrideEmpty\":true}}}}";
            assertThat(merge(2, params, "[{id: 1, a: 'x', b: 'y'}]", "[{id: 1, a: '', b: null, c: ''}]"))
                    .isEqualTo(objs("[{\"id\":1,\"a\":\"x\",\"b\":\"y\",\"c\":\"\"}]"));
        }

        @Test
        void fuzzyCompareMatchesANumberWithItsText() {
            assertThat(merge(2, "{" + BY_ID + "}", "[{id: 1}]", "[{id: '1', x: 1}]")).isEmpty();
            assertThat(merge(2, "{" + BY_ID + ",\"options\":{\"fuzzyCompare\":true}}", "[{id: 1}]", "[{id: '1', x: 1}]"))
                    .isEqualTo(objs("[{\"id\":\"1\",\"x\":1}]"));
        }

        @Test
        void dotNotationReachesNestedFieldsUnlessDisabled() {
            String params = "\"mode\":\"combine\",\"mergeByFields\":{\"values\":[{\"field1\":\"a.b\",\"field2\":\"a.b\"}]}";
            String in1 = "[{a: {b: 1}, x: 1}, {'a.b': 2, x: 2}]";
            String in2 = "[{a: {b: 1}, y: 1}, {'a.b': 2, y: 2}]";
            assertThat(merge(2.1, "{" + params + "}", in1, in2)).extracting(m -> m.get("y")).containsExactly(1L, 2L);
            assertThat(merge(2.1, "{" + params + ",\"options\":{\"disableDotNotation\":true}}", in1, in2))
                    .extracting(m -> m.get("y")).containsExactly(2L);
        }

        @Test
        void multipleMatchesFirstKeepsOnlyTheFirstMatch() {
            String in2 = "[{id: 1, v: 'first'}, {id: 1, v: 'second'}]";
            assertThat(merge(2, "{" + BY_ID + "}", "[{id: 1}]", in2)).extracting(m -> m.get("v"))
                    .containsExactly("first", "second");
            assertThat(merge(2, "{" + BY_ID + ",\"options\":{\"multipleMatches\":\"first\"}}", "[{id: 1}]", in2))
                    .extracting(m -> m.get("v")).containsExactly("first");
        }

        @Test
        void matchingByMissingFieldsFailsInVersion2AndNotIn2Point1() {
            String params = "{\"mode\":\"combine\",\"mergeByFields\":{\"values\":[{\"field1\":\"idd\",\"field2\":\"id\"}]}}";
            RunResult v2 = runWithInputs(MERGE, 2, params, "[{id: 1}]", "[{id: 1}]");
            assertThat(v2.status()).isEqualTo(RunStatus.FAILED);
            assertThat(error(v2)).contains("\"idd\"").contains("Input 1");
            assertThat(merge(2.1, params, "[{id: 1}]", "[{id: 1}]")).isEmpty();
        }

        @Test
        void fieldsToMatchMustBeFilledIn() {
            RunResult r = runWithInputs(MERGE, 2.1, "{\"mode\":\"combine\"}", "[{id: 1}]", "[{id: 1}]");
            assertThat(error(r)).contains("mergeByFields").contains("at least one pair");
            RunResult half = runWithInputs(MERGE, 2.1,
                    "{\"mode\":\"combine\",\"mergeByFields\":{\"values\":[{\"field1\":\"id\",\"field2\":\"\"}]}}",
                    "[{id: 1}]", "[{id: 1}]");
            assertThat(error(half)).contains("pair 1");
        }

        @Test
        void anEmptyInputDecidesTheOutputByJoinMode() {
            assertThat(merge(2.1, "{" + BY_ID + "}", A, null)).isEmpty();
            assertThat(merge(2.1, "{" + BY_ID + ",\"joinMode\":\"keepEverything\"}", A, null)).hasSize(3);
            assertThat(merge(2.1, "{" + BY_ID + ",\"joinMode\":\"enrichInput2\"}", A, null)).isEmpty();
        }

        @Test
        void mergeByPositionPairsItemsByIndex() {
            String params = "{\"mode\":\"combine\",\"combinationMode\":\"mergeByPosition\"}";
            assertThat(merge(2, params, "[{a: 1, c: 1}, {a: 2}]", "[{b: 1, c: 2}, {b: 2}, {b: 3}]"))
                    .isEqualTo(objs("[{\"a\":1,\"c\":2,\"b\":1},{\"a\":2,\"b\":2}]"));
            String unpaired = "{\"mode\":\"combine\",\"combinationMode\":\"mergeByPosition\",\"options\":{\"includeUnpaired\":true}}";
            assertThat(merge(2, unpaired, "[{a: 1}]", "[{b: 1}, {b: 2}]"))
                    .isEqualTo(objs("[{\"a\":1,\"b\":1},{\"b\":2}]"));
        }

        @Test
        void multiplexCombinesEveryPairWithClashHandling() {
            String params = "{\"mode\":\"combine\",\"combinationMode\":\"multiplex\",\"options\":{\"clashHandling\":"
                    + "{\"values\":{\"resolveClash\":\"preferInput1\"}}}}";
            assertThat(merge(2, params, "[{v: 1}, {v: 2}]", "[{v: 'x', w: 1}]"))
                    .isEqualTo(objs("[{\"v\":1,\"w\":1},{\"v\":2,\"w\":1}]"));
        }

        @Test
        void chooseBranchOutputsOneInputOrASingleEmptyItem() {
            assertThat(merge(2, "{\"mode\":\"chooseBranch\"}", "[{a: 1}]", "[{b: 1}]")).isEqualTo(objs("[{\"a\":1}]"));
            assertThat(merge(2, "{\"mode\":\"chooseBranch\",\"output\":\"input2\"}", "[{a: 1}]", "[{b: 1}]"))
                    .isEqualTo(objs("[{\"b\":1}]"));
            RunResult empty = runWithInputs(MERGE, 2, "{\"mode\":\"chooseBranch\",\"output\":\"empty\"}",
                    "[{a: 1}, {a: 2}]", "[{b: 1}]");
            Item only = empty.output("Node").get(0);
            assertThat(only.json()).isEmpty();
            assertThat(only.pairedItem()).containsExactly(new PairedItem(0, 0), new PairedItem(1, 0),
                    new PairedItem(0, 1));
        }

        @Test
        void aMergedItemLeadsBackToTheItemsOfBothInputs() {
            RunResult r = FlowTestSupport.runWithInputsThen(MERGE, 2, "{" + BY_ID + "}",
                    "return {json: {fromA: $('In1').item.json.name, fromB: $('In2').item.json.country}};", A, B);
            assertThat(r.status()).as(String.valueOf(r.error())).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(dev.switchboard.nodes.NodeTestKit.json(r, "After"))
                    .isEqualTo(objs("[{\"fromA\":\"Sam\",\"fromB\":\"PL\"},{\"fromA\":\"Dan\",\"fromB\":\"FR\"}]"));
        }

        @Test
        void chooseBranchWaitsForBothInputs() {
            assertThat(merge(2, "{\"mode\":\"chooseBranch\"}", "[{a: 1}]", null)).isEmpty();
        }
    }

    @Nested
    class Version3 {

        @Test
        void appendTakesEveryConfiguredInput() {
            assertThat(merge(3, "{\"numberInputs\":3}", "[{a: 1}]", "[{b: 1}]", "[{c: 1}]"))
                    .isEqualTo(objs("[{\"a\":1},{\"b\":1},{\"c\":1}]"));
        }

        @Test
        void combineByFieldsUsesTheCommaSeparatedFieldList() {
            String params = "{\"mode\":\"combine\",\"fieldsToMatchString\":\"id\"}";
            assertThat(merge(3, params, A, B)).isEqualTo(objs("""
                    [{"id":1,"data":"aa","name":"Sam","country":"PL"},{"id":2,"data":"bb","name":"Dan","country":"FR"}]"""));
            String two = "{\"mode\":\"combine\",\"fieldsToMatchString\":\"id, data\"}";
            assertThat(merge(3.1, two, "[{id: 1, data: 'x'}, {id: 2, data: 'y'}]", "[{id: 1, data: 'x', z: 1}, {id: 2, data: 'q'}]"))
                    .isEqualTo(objs("[{\"id\":1,\"data\":\"x\",\"z\":1}]"));
        }

        @Test
        void combineByFieldsWithDifferentNamesUsesThePairs() {
            String params = "{\"mode\":\"combine\",\"advanced\":true,\"mergeByFields\":{\"values\":"
                    + "[{\"field1\":\"id\",\"field2\":\"ref\"}]},\"joinMode\":\"enrichInput1\"}";
            assertThat(merge(3.2, params, "[{id: 1}, {id: 2}]", "[{ref: 2, v: 'two'}]"))
                    .isEqualTo(objs("[{\"id\":2,\"ref\":2,\"v\":\"two\"},{\"id\":1}]"));
        }

        @Test
        void combineByFieldsNeedsFields() {
            RunResult r = runWithInputs(MERGE, 3, "{\"mode\":\"combine\"}", "[{id: 1}]", "[{id: 1}]");
            assertThat(error(r)).contains("fieldsToMatchString");
        }

        @Test
        void combineByPositionMergesEveryInputTheLastWinning() {
            String params = "{\"mode\":\"combine\",\"combineBy\":\"combineByPosition\",\"numberInputs\":3}";
            assertThat(merge(3, params, "[{v: 1, a: 1}, {v: 1}]", "[{v: 2, b: 2}]", "[{v: 3, c: 3}, {v: 3}]"))
                    .isEqualTo(objs("[{\"v\":3,\"a\":1,\"b\":2,\"c\":3}]"));
            String unpaired = "{\"mode\":\"combine\",\"combineBy\":\"combineByPosition\",\"numberInputs\":3,"
                    + "\"options\":{\"includeUnpaired\":true,\"clashHandling\":{\"values\":{\"resolveClash\":\"preferInput1\"}}}}";
            assertThat(merge(3, unpaired, "[{v: 1, a: 1}, {v: 1}]", "[{v: 2, b: 2}]", "[{v: 3, c: 3}, {v: 3}]"))
                    .isEqualTo(objs("[{\"v\":1,\"a\":1,\"b\":2,\"c\":3},{\"v\":1}]"));
        }

        @Test
        void combineByPositionWithInputNumbersKeepsTheLastInputsNamesToo() {
            String params = "{\"mode\":\"combine\",\"combineBy\":\"combineByPosition\",\"options\":{\"clashHandling\":"
                    + "{\"values\":{\"resolveClash\":\"addSuffix\"}}}}";
            assertThat(merge(3, params, "[{v: 1}]", "[{v: 2}]"))
                    .isEqualTo(objs("[{\"v_1\":1,\"v_2\":2,\"v\":2}]"));
        }

        @Test
        void combineAllIsACrossJoinOfTheFirstTwoInputs() {
            String params = "{\"mode\":\"combine\",\"combineBy\":\"combineAll\"}";
            assertThat(merge(3, params, "[{a: 1}, {a: 2}]", "[{b: 1}, {b: 2}]")).hasSize(4)
                    .contains(Map.of("a", 2L, "b", 1L));
        }

        @Test
        void chooseBranchUsesTheNamedInputAndRejectsOneThatDoesNotExist() {
            assertThat(merge(3, "{\"mode\":\"chooseBranch\",\"useDataOfInput\":2}", "[{a: 1}]", "[{b: 1}]"))
                    .isEqualTo(objs("[{\"b\":1}]"));
            assertThat(merge(3, "{\"mode\":\"chooseBranch\",\"output\":\"empty\"}", "[{a: 1}]", "[{b: 1}]"))
                    .isEqualTo(objs("[{}]"));
            RunResult r = runWithInputs(MERGE, 3, "{\"mode\":\"chooseBranch\",\"useDataOfInput\":3}", "[{a: 1}]",
                    "[{b: 1}]");
            assertThat(error(r)).contains("useDataOfInput").contains("input 3");
        }

        @Test
        void theSqlModeIsRefusedClearly() {
            RunResult r = runWithInputs(MERGE, 3, "{\"mode\":\"combineBySql\"}", "[{a: 1}]", "[{b: 1}]");
            assertThat(error(r)).contains("SQL");
        }
    }
}
