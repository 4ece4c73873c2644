package dev.switchboard.nodes.transform;

import static dev.switchboard.nodes.transform.ListRuns.fail;
import static dev.switchboard.nodes.transform.ListRuns.json;
import static dev.switchboard.nodes.transform.ListRuns.objs;
import static dev.switchboard.nodes.transform.ListRuns.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.switchboard.platform.run.RunResult;

class SummarizeNodeTest {

    private static final String SALES = """
            [{"region": "north", "rep": "ann", "amount": 10, "note": "x"},
             {"region": "south", "rep": "bob", "amount": 5, "note": ""},
             {"region": "north", "rep": "ann", "amount": 2.5, "note": null},
             {"region": "north", "rep": "cy", "amount": "n/a"},
             {"region": 0, "rep": "dee", "amount": 1, "note": "y"}]""";

    private static Map<String, Object> summarizeAll(String values) {
        return summarize(1.1, "{\"fieldsToSummarize\": {\"values\": [" + values + "]}}").get(0);
    }

    private static List<Map<String, Object>> summarize(double version, String parameters) {
        return json(run("summarize", version, parameters, SALES));
    }

    @Test
    void countsNonEmptyValuesByDefaultAndAllWithIncludeEmpty() {
        assertThat(summarizeAll("{\"field\": \"note\"}")).isEqualTo(Map.of("count_note", 2L));
        assertThat(summarizeAll("{\"field\": \"note\", \"includeEmpty\": true}")).isEqualTo(Map.of("count_note", 5L));
    }

    @Test
    void countUniqueCountsDistinctValues() {
        assertThat(summarizeAll("{\"aggregation\": \"countUnique\", \"field\": \"rep\"}"))
                .isEqualTo(Map.of("unique_count_rep", 4L));
        assertThat(summarizeAll("{\"aggregation\": \"countUnique\", \"field\": \"note\", \"includeEmpty\": true}"))
                .isEqualTo(Map.of("unique_count_note", 5L));
    }

    @Test
    void sumAndAverageUseOnlyNumbers() {
        assertThat(summarizeAll("{\"aggregation\": \"sum\", \"field\": \"amount\"}, {\"aggregation\": \"average\","
                + " \"field\": \"amount\"}")).isEqualTo(Map.of("sum_amount", 18.5, "average_amount", 4.625));
        assertThat(summarizeAll("{\"aggregation\": \"average\", \"field\": \"rep\"}")).containsEntry("average_rep", null);
    }

    @Test
    void minAndMaxCompareAsJavaScriptDoes() {
        assertThat(summarizeAll("{\"aggregation\": \"min\", \"field\": \"rep\"}, {\"aggregation\": \"max\", \"field\": \"rep\"}"))
                .isEqualTo(Map.of("min_rep", "ann", "max_rep", "dee"));
        assertThat(summarizeAll("{\"aggregation\": \"max\", \"field\": \"note\"}")).isEqualTo(Map.of("max_note", "y"));
        assertThat(summarizeAll("{\"aggregation\": \"min\", \"field\": \"absent\"}")).containsEntry("min_absent", null);
    }

    @Test
    void appendListsValuesSkippingEmptyOnesUnlessIncluded() {
        assertThat(summarizeAll("{\"aggregation\": \"append\", \"field\": \"note\"}"))
                .isEqualTo(Map.of("appended_note", List.of("x", "y")));
        assertThat(summarizeAll("{\"aggregation\": \"append\", \"field\": \"note\", \"includeEmpty\": true}").get("appended_note"))
                .isEqualTo(objs("[{\"v\": [\"x\", \"\", null, null, \"y\"]}]").get(0).get("v"));
    }

    @Test
    void concatenateJoinsWithTheChosenSeparator() {
        assertThat(summarizeAll("{\"aggregation\": \"concatenate\", \"field\": \"rep\"}"))
                .isEqualTo(Map.of("concatenated_rep", "ann,bob,ann,cy,dee"));
        assertThat(summarizeAll("{\"aggregation\": \"concatenate\", \"field\": \"amount\", \"separateBy\": \" \"}"))
                .isEqualTo(Map.of("concatenated_amount", "10 5 2.5 n/a 1"));
        assertThat(summarizeAll("{\"aggregation\": \"concatenate\", \"field\": \"note\", \"separateBy\": \"other\","
                + " \"customSeparator\": \" | \", \"includeEmpty\": true}"))
                .isEqualTo(Map.of("concatenated_note", "x |  | null | undefined | y"));
    }

    @Test
    void splitsMakeOneItemPerValueVersion1AsTextVersion11WithTheirTypes() {
        String params = "{\"fieldsToSummarize\": {\"values\": [{\"aggregation\": \"sum\", \"field\": \"amount\"}]},"
                + " \"fieldsToSplitBy\": \"region\"}";
        assertThat(summarize(1, params)).isEqualTo(objs("[{\"region\": \"north\", \"sum_amount\": 12.5},"
                + " {\"region\": \"south\", \"sum_amount\": 5}, {\"region\": \"0\", \"sum_amount\": 1}]"));
        RunResult typed = run("summarize", 1.1, params, SALES);
        assertThat(json(typed)).isEqualTo(objs("[{\"region\": \"north\", \"sum_amount\": 12.5},"
                + " {\"region\": \"south\", \"sum_amount\": 5}, {\"region\": 0, \"sum_amount\": 1}]"));
        assertThat(ListRuns.lineage(typed)).containsExactly(List.of(0, 2, 3), List.of(1), List.of(4));
    }

    @Test
    void severalSplitFieldsNestInTheOrderGiven() {
        assertThat(summarize(1.1, "{\"fieldsToSummarize\": {\"values\": [{\"field\": \"amount\"}]},"
                + " \"fieldsToSplitBy\": \"region, rep\"}")).isEqualTo(objs("[{\"region\": \"north\", \"rep\": \"ann\","
                + " \"count_amount\": 2}, {\"region\": \"north\", \"rep\": \"cy\", \"count_amount\": 1},"
                + " {\"region\": \"south\", \"rep\": \"bob\", \"count_amount\": 1},"
                + " {\"region\": 0, \"rep\": \"dee\", \"count_amount\": 1}]"));
    }

    @Test
    void singleItemOutputNestsTheSplitsWithIndexLikeKeysFirst() {
        List<Map<String, Object>> out = summarize(1.1, "{\"fieldsToSummarize\": {\"values\": [{\"field\": \"rep\"}]},"
                + " \"fieldsToSplitBy\": \"region\", \"options\": {\"outputFormat\": \"singleItem\"}}");
        assertThat(out).isEqualTo(objs("[{\"0\": {\"count_rep\": 1}, \"north\": {\"count_rep\": 3},"
                + " \"south\": {\"count_rep\": 1}}]"));
        assertThat(out.get(0).keySet()).containsExactly("0", "north", "south");
    }

    @Test
    void skipEmptySplitFieldsIgnoresItemsWithoutAGroupValue() {
        String input = "[{\"g\": \"a\", \"v\": 1}, {\"g\": \"\", \"v\": 2}, {\"v\": 3}, {\"g\": 0, \"v\": 4}]";
        String params = "{\"fieldsToSummarize\": {\"values\": [{\"aggregation\": \"sum\", \"field\": \"v\"}]},"
                + " \"fieldsToSplitBy\": \"g\", \"options\": {\"skipEmptySplitFields\": true}}";
        assertThat(json(run("summarize", 1.1, params, input)))
                .isEqualTo(objs("[{\"g\": \"a\", \"sum_v\": 1}, {\"g\": 0, \"sum_v\": 4}]"));
        assertThat(json(run("summarize", 1.1, params.replace("true", "false"), input)))
                .isEqualTo(objs("[{\"g\": \"a\", \"sum_v\": 1}, {\"g\": \"\", \"sum_v\": 2}, {\"sum_v\": 3},"
                        + " {\"g\": 0, \"sum_v\": 4}]"));
    }

    @Test
    void aFieldNoItemHasFailsInVersion1UnlessToldToContinue() {
        String params = "{\"fieldsToSummarize\": {\"values\": [{\"field\": \"absent\"}]}}";
        assertThat(fail("summarize", 1, params, SALES)).contains("'absent' does not exist in any items");
        assertThat(json(run("summarize", 1, "{\"fieldsToSummarize\": {\"values\": [{\"field\": \"absent\"}]},"
                + " \"options\": {\"continueIfFieldNotFound\": true}}", SALES))).isEqualTo(objs("[{\"count_absent\": 0}]"));
        RunResult v11 = run("summarize", 1.1, params, SALES);
        assertThat(json(v11)).isEqualTo(objs("[{\"count_absent\": 0}]"));
        assertThat(ListRuns.logs(v11)).anyMatch(l -> l.contains("'absent' does not exist in any items"));
    }

    @Test
    void dotPathsReachNestedFieldsAndNamesBecomeSafeKeys() {
        String input = "[{\"p.q\": \"literal\", \"p\": {\"q\": \"nested\"}}, {\"p\": {\"q\": \"other\"}}]";
        assertThat(json(run("summarize", 1.1, "{\"fieldsToSummarize\": {\"values\": [{\"aggregation\": \"append\","
                + " \"field\": \"p.q\"}]}}", input))).isEqualTo(objs("[{\"appended_p_q\": [\"literal\", \"other\"]}]"));
        assertThat(json(run("summarize", 1.1, "{\"fieldsToSummarize\": {\"values\": [{\"aggregation\": \"append\","
                + " \"field\": \"p.q\"}]}, \"options\": {\"disableDotNotation\": true}}", input)))
                .isEqualTo(objs("[{\"appended_p_q\": [\"literal\"]}]"));
    }

    @Test
    void atLeastOneAggregationNeedsAField() {
        assertThat(fail("summarize", 1.1, "{\"fieldsToSummarize\": {\"values\": [{\"aggregation\": \"sum\"}]}}", SALES))
                .contains("fieldsToSummarize");
    }
}
