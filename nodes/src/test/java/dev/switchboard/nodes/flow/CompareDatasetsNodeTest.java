package dev.switchboard.nodes.flow;

import static dev.switchboard.nodes.NodeTestKit.obj;
import static dev.switchboard.nodes.NodeTestKit.objs;
import static dev.switchboard.nodes.flow.FlowTestSupport.error;
import static dev.switchboard.nodes.flow.FlowTestSupport.out;
import static dev.switchboard.nodes.flow.FlowTestSupport.runWithInputs;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.switchboard.platform.node.Item;
import dev.switchboard.platform.node.PairedItem;
import dev.switchboard.platform.run.RunResult;
import dev.switchboard.platform.run.RunStatus;

class CompareDatasetsNodeTest {

    private static final String COMPARE = "n8n-nodes-base.compareDatasets";
    private static final String BY_ID = "\"mergeByFields\":{\"values\":[{\"field1\":\"id\",\"field2\":\"id\"}]}";
    private static final String A = "[{id: 1, v: 'same'}, {id: 2, v: 'old', x: 1}, {id: 3, v: 'only a'}]";
    private static final String B = "[{id: 1, v: 'same'}, {id: 2, v: 'new', y: 2}, {id: 4, v: 'only b'}]";

    private static RunResult compare(double version, String params, String a, String b) {
        RunResult r = runWithInputs(COMPARE, version, params, a, b);
        assertThat(r.status()).as(String.valueOf(r.error())).isEqualTo(RunStatus.SUCCEEDED);
        return r;
    }

    @Test
    void sortsItemsIntoFourOutputs() {
        RunResult r = compare(2.3, "{" + BY_ID + "}", A, B);
        assertThat(out(r, 0)).isEqualTo(objs("[{\"id\":3,\"v\":\"only a\"}]"));
        assertThat(out(r, 1)).isEqualTo(objs("[{\"id\":1,\"v\":\"same\"}]"));
        assertThat(out(r, 2)).isEqualTo(objs("""
                [{"keys":{"id":2},"same":{"id":2},"different":{"v":{"inputA":"old","inputB":"new"},
                  "x":{"inputA":1,"inputB":null},"y":{"inputA":null,"inputB":2}}}]"""));
        assertThat(out(r, 3)).isEqualTo(objs("[{\"id\":4,\"v\":\"only b\"}]"));
    }

    @Test
    void aDifferentItemRemembersBothOrigins() {
        RunResult r = compare(2.3, "{" + BY_ID + "}", A, B);
        Item different = r.output("Node", 2).get(0);
        assertThat(different.pairedItem()).containsExactly(new PairedItem(1, 0), new PairedItem(1, 1));
        assertThat(r.output("Node", 3).get(0).pairedItem()).containsExactly(new PairedItem(2, 1));
    }

    @Test
    void versionsOneAndTwoPreferInputBByDefault() {
        assertThat(out(compare(2, "{" + BY_ID + "}", A, B), 2)).isEqualTo(objs("[{\"id\":2,\"v\":\"new\",\"y\":2}]"));
        assertThat(out(compare(2, "{" + BY_ID + ",\"resolve\":\"preferInput1\"}", A, B), 2))
                .isEqualTo(objs("[{\"id\":2,\"v\":\"old\",\"x\":1}]"));
    }

    @Test
    void version1NamesTheVersionsInput1AndInput2AndTurnsFalsyValuesIntoNull() {
        RunResult r = compare(1, "{" + BY_ID + ",\"resolve\":\"includeBoth\"}", "[{id: 1, v: 0}]", "[{id: 1, v: 5}]");
        assertThat(out(r, 2)).isEqualTo(objs("""
                [{"keys":{"id":1},"same":{"id":1},"different":{"v":{"input1":null,"input2":5}}}]"""));
    }

    @Test
    void mixTakesThePreferredInputExceptTheNamedFields() {
        String params = "{" + BY_ID + ",\"resolve\":\"mix\",\"preferWhenMix\":\"input1\",\"exceptWhenMix\":\"y, z\"}";
        assertThat(out(compare(2.2, params, A, B), 2)).isEqualTo(objs("[{\"id\":2,\"v\":\"old\",\"x\":1,\"y\":2,\"z\":null}]"));
        String preferB = "{" + BY_ID + ",\"resolve\":\"mix\",\"preferWhenMix\":\"input2\",\"exceptWhenMix\":\"v\"}";
        assertThat(out(compare(2.2, preferB, A, B), 2)).isEqualTo(objs("[{\"id\":2,\"v\":\"old\",\"y\":2}]"));
    }

    @Test
    void skipFieldsAreLeftOutOfTheComparisonAndReportedApart() {
        String params = "{" + BY_ID + ",\"options\":{\"skipFields\":\"updated\"}}";
        RunResult r = compare(2.1, params, "[{id: 1, v: 1, updated: 'mon'}, {id: 2, v: 1, updated: 'mon'}]",
                "[{id: 1, v: 1, updated: 'tue'}, {id: 2, v: 2, updated: 'tue'}]");
        assertThat(out(r, 1)).isEqualTo(objs("[{\"id\":1,\"v\":1,\"updated\":\"mon\"}]"));
        assertThat(out(r, 2)).isEqualTo(objs("""
                [{"keys":{"id":2},"same":{"id":2},"different":{"v":{"inputA":1,"inputB":2}},
                  "skipped":{"updated":{"inputA":"mon","inputB":"tue"}}}]"""));
    }

    @Test
    void skipFieldsWithDotsReachIntoObjects() {
        String params = "{" + BY_ID + ",\"options\":{\"skipFields\":\"address.country\"}}";
        RunResult r = compare(2.1, params, "[{id: 1, address: {city: 'Rome', country: 'IT'}, n: 1}]",
                "[{id: 1, address: {city: 'Rome', country: 'it'}, n: 2}]");
        assertThat(out(r, 2)).isEqualTo(objs("""
                [{"keys":{"id":1},"same":{"id":1},
                  "different":{"address":{"inputA":{"city":"Rome"},"inputB":{"city":"Rome"}},"n":{"inputA":1,"inputB":2}},
                  "skipped":{"address":{"inputA":{"country":"IT"},"inputB":{"country":"it"}}}}]"""));
        RunResult same = compare(2.1, params, "[{id: 1, address: {city: 'Rome', country: 'IT'}}]",
                "[{id: 1, address: {city: 'Rome', country: 'it'}}]");
        assertThat(out(same, 1)).hasSize(1);
    }

    @Test
    void skipFieldsWithDotsNeedDotNotation() {
        String params = "{" + BY_ID + ",\"options\":{\"skipFields\":\"a.b\",\"disableDotNotation\":true}}";
        RunResult r = runWithInputs(COMPARE, 2.1, params, "[{id: 1}]", "[{id: 1}]");
        assertThat(error(r)).contains("skipFields").contains("a.b");
    }

    @Test
    void fuzzyCompareToleratesTypeDifferencesAndEmptyValues() {
        String params = "{" + BY_ID + ",\"fuzzyCompare\":true}";
        RunResult r = compare(2.1, params, "[{id: 1, n: 3, flag: true, list: [], gone: null}]",
                "[{id: '1', n: '3', flag: 'TRUE', list: null}]");
        assertThat(out(r, 1)).hasSize(1);
        assertThat(out(compare(2.1, "{" + BY_ID + "}", "[{id: 1, n: 3}]", "[{id: 1, n: '3'}]"), 2)).hasSize(1);
    }

    @Test
    void fuzzyCompareIsAnOptionInVersion1() {
        RunResult r = compare(1, "{" + BY_ID + ",\"options\":{\"fuzzyCompare\":true}}", "[{id: 1}]", "[{id: '1'}]");
        assertThat(out(r, 1)).hasSize(1);
    }

    @Test
    void fromVersion2Point1FuzzyCompareAlsoComparesKeysOnlyOneSideHas() {
        String params = "{" + BY_ID + ",\"fuzzyCompare\":true,\"resolve\":\"includeBoth\"}";
        String a = "[{id: 1, spam: [], x: 1}]";
        String b = "[{id: 1, x: 2}]";
        assertThat(out(compare(2, params, a, b), 2).get(0).get("different")).isEqualTo(obj("""
                {"spam":{"inputA":[],"inputB":null},"x":{"inputA":1,"inputB":2}}"""));
        assertThat(out(compare(2.1, params, a, b), 2).get(0).get("same")).isEqualTo(obj("{\"id\":1,\"spam\":[]}"));
    }

    @Test
    void multipleMatchesAllComparesWithEveryMatch() {
        String b = "[{id: 1, v: 'x'}, {id: 1, v: 'y'}]";
        assertThat(out(compare(2.3, "{" + BY_ID + "}", "[{id: 1, v: 'x'}]", b), 2)).isEmpty();
        RunResult all = compare(2.3, "{" + BY_ID + ",\"options\":{\"multipleMatches\":\"all\"}}", "[{id: 1, v: 'x'}]", b);
        assertThat(out(all, 1)).hasSize(1);
        assertThat(out(all, 2)).hasSize(1);
    }

    @Test
    void missingMatchFieldsFailBeforeVersion2Point2() {
        String params = "{\"mergeByFields\":{\"values\":[{\"field1\":\"idd\",\"field2\":\"idd\"}]}}";
        RunResult old = runWithInputs(COMPARE, 2.1, params, "[{id: 1}]", "[{id: 1}]");
        assertThat(error(old)).contains("\"idd\"").contains("Input A");
        RunResult now = compare(2.2, params, "[{id: 1}]", "[{id: 1}]");
        assertThat(out(now, 0)).hasSize(1);
        assertThat(out(now, 3)).hasSize(1);
    }

    @Test
    void itemsWithEmptyJsonTakeNoPart() {
        RunResult r = compare(2.3, "{" + BY_ID + "}", "[{}, {id: 1}]", "[{id: 1}, {}]");
        assertThat(out(r, 0)).isEmpty();
        assertThat(out(r, 1)).isEqualTo(objs("[{\"id\":1}]"));
        assertThat(out(r, 3)).isEmpty();
    }

    @Test
    void anInputThatNeverArrivesIsEmpty() {
        RunResult r = compare(2.3, "{" + BY_ID + "}", "[{id: 1}]", null);
        assertThat(out(r, 0)).isEqualTo(objs("[{\"id\":1}]"));
    }

    @Test
    void dotNotationMatchesNestedFieldsAndCanBeTurnedOff() {
        String params = "{\"mergeByFields\":{\"values\":[{\"field1\":\"id.code\",\"field2\":\"id.code\"}]}";
        String a = "[{id: {code: 1}, v: 1}, {'id.code': 'AAA'}]";
        String b = "[{id: {code: 1}, v: 1}, {'id.code': 'AAA'}]";
        assertThat(out(compare(1, params + "}", a, b), 1)).hasSize(2);
        RunResult off = compare(1, params + ",\"options\":{\"disableDotNotation\":true}}", a, b);
        assertThat(out(off, 1)).isEqualTo(objs("[{\"id.code\":\"AAA\"}]"));
        assertThat(out(off, 0)).hasSize(1);
    }

    @Test
    void declaresFourOutputs() {
        assertThat(new CompareDatasetsNode().outputCount(2.3, Map.of())).isEqualTo(4);
        assertThat(new CompareDatasetsNode().descriptor().outputs()).extracting(p -> p.label())
                .isEqualTo(List.of("In A only", "Same", "Different", "In B only"));
    }
}
