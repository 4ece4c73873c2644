package dev.switchboard.nodes.transform;

import static dev.switchboard.nodes.NodeTestKit.objs;
import static dev.switchboard.nodes.transform.FieldNodeRuns.error;
import static dev.switchboard.nodes.transform.FieldNodeRuns.items;
import static dev.switchboard.nodes.transform.FieldNodeRuns.out;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.switchboard.nodes.transform.FieldNodeRuns.Spec;
import dev.switchboard.platform.node.PairedItem;
import dev.switchboard.platform.run.RunResult;
import dev.switchboard.platform.run.RunStatus;

class RenameKeysNodeTest {

    private static final String RENAME = "n8n-nodes-base.renameKeys";
    private static final String NESTED = "[{\"name\":\"Ann\",\"nameCount\":1,\"inner\":{\"name\":\"x\",\"deep\":{\"name\":\"y\"}},"
            + "\"list\":[{\"name\":\"z\"}]}]";

    private static List<Map<String, Object>> rename(String parameters, String items) {
        RunResult r = Spec.of(RENAME, 1, parameters).run(items);
        assertThat(r.status()).as(String.valueOf(error(r))).isEqualTo(RunStatus.SUCCEEDED);
        return out(r);
    }

    private static String keys(String... pairs) {
        StringBuilder sb = new StringBuilder("{\"keys\":{\"key\":[");
        for (int i = 0; i < pairs.length; i += 2) {
            sb.append(i > 0 ? "," : "").append("{\"currentKey\":\"").append(pairs[i]).append("\",\"newKey\":\"")
                    .append(pairs[i + 1]).append("\"}");
        }
        return sb.append("]}}").toString();
    }

    private static String regex(String search, String replace, String options) {
        return "{\"additionalOptions\":{\"regexReplacement\":{\"replacements\":[{\"searchRegex\":\"" + search
                + "\",\"replaceRegex\":\"" + replace + "\",\"options\":" + options + "}]}}}";
    }

    @Test
    void renamesKeysKeepingTheirValues() {
        assertThat(rename(keys("name", "fullName"), "[{\"name\":\"Ann\",\"age\":3}]"))
                .isEqualTo(objs("[{\"age\":3,\"fullName\":\"Ann\"}]"));
    }

    @Test
    void dotNotationMovesNestedValuesAndLeavesTheEmptyParent() {
        assertThat(rename(keys("a.b", "c.d"), "[{\"a\":{\"b\":21}}]")).isEqualTo(objs("[{\"a\":{},\"c\":{\"d\":21}}]"));
    }

    @Test
    void keysThatAreMissingIncompleteOrUnchangedAreIgnored() {
        String items = "[{\"a\":1}]";
        assertThat(rename(keys("missing", "b"), items)).isEqualTo(objs(items));
        assertThat(rename(keys("a", ""), items)).isEqualTo(objs(items));
        assertThat(rename(keys("a", "a"), items)).isEqualTo(objs(items));
    }

    @Test
    void everyRenameReadsTheOriginalItemSoOneKeyCanBeCopiedTwice() {
        assertThat(rename(keys("a", "b", "a", "c"), "[{\"a\":1}]")).isEqualTo(objs("[{\"b\":1,\"c\":1}]"));
    }

    @Test
    void aLaterRenameRemovesWhatAnEarlierOneWroteUnderItsCurrentKey() {
        assertThat(rename(keys("a", "b", "b", "a"), "[{\"a\":1,\"b\":2}]")).isEqualTo(objs("[{\"a\":2}]"));
    }

    @Test
    void aRegularExpressionRenamesMatchingKeysAtEveryDepthReplacingTheFirstMatch() {
        assertThat(rename(regex("name", "title", "{}"), NESTED)).isEqualTo(objs("""
                [{"title":"Ann","titleCount":1,"inner":{"title":"x","deep":{"title":"y"}},"list":[{"title":"z"}]}]"""));
        assertThat(rename(regex("a", "A", "{}"), "[{\"banana\":1}]")).isEqualTo(objs("[{\"bAnana\":1}]"));
    }

    @Test
    void replacementsUseJavaScriptGroupReferences() {
        assertThat(rename(regex("^(\\\\w+)_(\\\\w+)$", "$2_$1_$&_$$", "{}"), "[{\"first_last\":1}]"))
                .isEqualTo(objs("[{\"last_first_first_last_$\":1}]"));
        assertThat(rename(regex("(?<word>na)", "[$<word>]", "{}"), "[{\"name\":1}]")).isEqualTo(objs("[{\"[na]me\":1}]"));
    }

    @Test
    void caseInsensitiveMatchingIsAnOption() {
        assertThat(rename(regex("NAME", "n", "{}"), "[{\"name\":1}]")).isEqualTo(objs("[{\"name\":1}]"));
        assertThat(rename(regex("NAME", "n", "{\"caseInsensitive\":true}"), "[{\"name\":1}]")).isEqualTo(objs("[{\"n\":1}]"));
    }

    @Test
    void depthLimitsHowFarDownKeysAreRenamed() {
        assertThat(rename(regex("^name$", "N", "{\"depth\":0}"), NESTED)).isEqualTo(objs("""
                [{"N":"Ann","nameCount":1,"inner":{"name":"x","deep":{"name":"y"}},"list":[{"name":"z"}]}]"""));
        assertThat(rename(regex("^name$", "N", "{\"depth\":1}"), NESTED)).isEqualTo(objs("""
                [{"N":"Ann","nameCount":1,"inner":{"N":"x","deep":{"name":"y"}},"list":[{"name":"z"}]}]"""));
        assertThat(rename(regex("^name$", "N", "{\"depth\":-1}"), NESTED).get(0).get("list"))
                .isEqualTo(List.of(Map.of("N", "z")));
    }

    @Test
    void javaScriptOnlyRegexSyntaxIsAccepted() {
        assertThat(rename(regex("a{", "b", "{}"), "[{\"xa{\":1}]")).isEqualTo(objs("[{\"xb\":1}]"));
        assertThat(rename(regex("[^]x", "y", "{}"), "[{\"ax\":1}]")).isEqualTo(objs("[{\"y\":1}]"));
    }

    @Test
    void aCatastrophicPatternFailsWithN8nsPerformanceMessage() {
        String longKey = "a".repeat(3000);
        RunResult r = Spec.of(RENAME, 1, regex("(a+)+b", "x", "{}")).run("[{\"" + longKey + "\":1}]");
        assertThat(r.status()).isEqualTo(RunStatus.FAILED);
        assertThat(error(r)).isEqualTo("Regex pattern \"(a+)+b\" may cause performance issues. "
                + "Please try a simpler pattern like \"[a-z]+\" or \"\\w+\". ");
    }

    @Test
    void anInvalidPatternFailsNamingIt() {
        RunResult r = Spec.of(RENAME, 1, regex("(", "x", "{}")).run("[{\"a\":1}]");
        assertThat(error(r)).startsWith("Invalid regular expression: /(/:");
    }

    @Test
    void withContinueOnFailTheErrorBecomesAnItem() {
        RunResult r = Spec.of(RENAME, 1, regex("(", "x", "{}")).continueOnFail().run("[{\"a\":1}]");
        assertThat(out(r).get(0)).containsKey("error");
        assertThat(items(r).get(0).pairedItem()).containsExactly(PairedItem.of(0));
    }

    @Test
    void attachmentsPassThrough() {
        RunResult r = Spec.of(RENAME, 1, keys("name", "n"))
                .runWithCode("[{json: {name: 'Ann'}, binary: {data: {data: 'aGk=', mimeType: 'text/plain'}}}]");
        assertThat(out(r)).isEqualTo(objs("[{\"n\":\"Ann\"}]"));
        assertThat(items(r).get(0).binary()).containsKey("data");
    }
}
