package dev.switchboard.nodes.transform;

import static dev.switchboard.nodes.transform.ListRuns.fail;
import static dev.switchboard.nodes.transform.ListRuns.json;
import static dev.switchboard.nodes.transform.ListRuns.objs;
import static dev.switchboard.nodes.transform.ListRuns.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.switchboard.platform.node.Item;
import dev.switchboard.platform.run.RunResult;

class SplitOutNodeTest {

    private static final String INPUT = """
            [{"data": [{"id": 1}, {"id": 2}], "words": ["a", "b", "c"], "scores": {"x": 1, "y": 2},
              "tag": "t", "nested": {"list": [10, 20]}, "nothing": null}]""";

    private static RunResult split(String parameters) {
        return run("splitOut", 1, parameters, INPUT);
    }

    @Test
    void objectElementsBecomeTheNewItemsAndKeepTheirLineage() {
        RunResult result = split("{\"fieldToSplitOut\": \"data\"}");
        assertThat(json(result)).isEqualTo(objs("[{\"id\": 1}, {\"id\": 2}]"));
        assertThat(ListRuns.lineage(result)).containsExactly(List.of(0), List.of(0));
    }

    @Test
    void primitiveElementsGoUnderTheFieldName() {
        assertThat(json(split("{\"fieldToSplitOut\": \"words\"}")))
                .isEqualTo(objs("[{\"words\": \"a\"}, {\"words\": \"b\"}, {\"words\": \"c\"}]"));
    }

    @Test
    void anObjectIsSplitIntoItsValues() {
        assertThat(json(split("{\"fieldToSplitOut\": \"scores\"}")))
                .isEqualTo(objs("[{\"scores\": 1}, {\"scores\": 2}]"));
    }

    @Test
    void aSingleValueOrNullMakesOneItem() {
        assertThat(json(split("{\"fieldToSplitOut\": \"tag\"}"))).isEqualTo(objs("[{\"tag\": \"t\"}]"));
        assertThat(json(split("{\"fieldToSplitOut\": \"nothing\"}"))).isEqualTo(objs("[{\"nothing\": null}]"));
    }

    @Test
    void allOtherFieldsAreCopiedIntoEachItem() {
        assertThat(json(run("splitOut", 1, "{\"fieldToSplitOut\": \"words\", \"include\": \"allOtherFields\"}",
                "[{\"words\": [\"a\", \"b\"], \"tag\": \"t\"}]")))
                .isEqualTo(objs("[{\"tag\": \"t\", \"words\": \"a\"}, {\"tag\": \"t\", \"words\": \"b\"}]"));
    }

    @Test
    void selectedOtherFieldsAreCopiedGivenAsTextOrAsAList() {
        String expected = "[{\"words\": \"a\", \"tag\": \"t\"}, {\"words\": \"b\", \"tag\": \"t\"},"
                + " {\"words\": \"c\", \"tag\": \"t\"}]";
        assertThat(json(split("{\"fieldToSplitOut\": \"words\", \"include\": \"selectedOtherFields\","
                + " \"fieldsToInclude\": \"tag, absent\"}"))).isEqualTo(objs(expected));
        assertThat(json(split("{\"fieldToSplitOut\": \"words\", \"include\": \"selectedOtherFields\","
                + " \"fieldsToInclude\": [\"tag\"]}"))).isEqualTo(objs(expected));
    }

    @Test
    void selectedOtherFieldsWithoutAnyFieldFails() {
        assertThat(fail("splitOut", 1, "{\"fieldToSplitOut\": \"words\", \"include\": \"selectedOtherFields\"}", INPUT))
                .contains("fieldsToInclude").contains("no fields specified");
    }

    @Test
    void theDestinationFieldNameHoldsEachElementAndMayBeADotPath() {
        assertThat(json(split("{\"fieldToSplitOut\": \"data\", \"options\": {\"destinationFieldName\": \"row\"}}")))
                .isEqualTo(objs("[{\"row\": {\"id\": 1}}, {\"row\": {\"id\": 2}}]"));
        assertThat(json(split("{\"fieldToSplitOut\": \"words\", \"options\": {\"destinationFieldName\": \"out.word\"}}")))
                .first().isEqualTo(objs("[{\"out\": {\"word\": \"a\"}}]").get(0));
    }

    @Test
    void withDotNotationDisabledTheDestinationIsAPlainKey() {
        assertThat(json(split("{\"fieldToSplitOut\": \"words\", \"options\": {\"destinationFieldName\": \"out.word\","
                + " \"disableDotNotation\": true}}")).get(0)).isEqualTo(objs("[{\"out.word\": \"a\"}]").get(0));
    }

    @Test
    void allOtherFieldsAreMergedDeeplyWithADotPathDestination() {
        assertThat(json(run("splitOut", 1, "{\"fieldToSplitOut\": \"list\", \"include\": \"allOtherFields\","
                + " \"options\": {\"destinationFieldName\": \"meta.value\"}}",
                "[{\"list\": [1, 2], \"meta\": {\"source\": \"s\"}}]")))
                .isEqualTo(objs("[{\"meta\": {\"source\": \"s\", \"value\": 1}}, {\"meta\": {\"source\": \"s\", \"value\": 2}}]"));
    }

    @Test
    void aDestinationReachingThePrototypeIsReplacedByTheFieldName() {
        RunResult result = run("splitOut", 1, "{\"fieldToSplitOut\": \"data\", \"include\": \"allOtherFields\","
                + " \"options\": {\"destinationFieldName\": \"__proto__.polluted\"}}", "[{\"data\": [{\"id\": 1}]}]");
        assertThat(json(result)).isEqualTo(objs("[{\"data\": {\"id\": 1}}]"));
        assertThat(ListRuns.logs(result)).anyMatch(l -> l.contains("__proto__.polluted"));
    }

    @Test
    void severalFieldsSplitSideBySide() {
        assertThat(json(run("splitOut", 1, "{\"fieldToSplitOut\": \"a, b\", \"options\": {\"destinationFieldName\": \"x, y\"}}",
                "[{\"a\": [1, 2, 3], \"b\": [{\"k\": 1}]}]")))
                .isEqualTo(objs("[{\"x\": 1, \"y\": {\"k\": 1}}, {\"x\": 2}, {\"x\": 3}]"));
        assertThat(json(run("splitOut", 1, "{\"fieldToSplitOut\": \"a,b\"}", "[{\"a\": [1], \"b\": [{\"k\": 1}]}]")))
                .isEqualTo(objs("[{\"a\": 1, \"b\": {\"k\": 1}}]"));
    }

    @Test
    void aDifferentNumberOfDestinationsThanFieldsFails() {
        assertThat(fail("splitOut", 1, "{\"fieldToSplitOut\": \"words, data\", \"options\": {\"destinationFieldName\": \"x\"}}",
                INPUT)).contains("destinationFieldName").contains("[item 0]");
    }

    @Test
    void nestedFieldsAreReachedWithDotNotationUnlessItIsDisabled() {
        assertThat(json(split("{\"fieldToSplitOut\": \"nested.list\"}")))
                .isEqualTo(objs("[{\"nested\": {\"list\": 10}}, {\"nested\": {\"list\": 20}}]"));
        RunResult literal = run("splitOut", 1, "{\"fieldToSplitOut\": \"a.b\", \"options\": {\"disableDotNotation\": true}}",
                "[{\"a.b\": [1, 2], \"a\": {\"b\": [9]}}]");
        assertThat(json(literal)).isEqualTo(objs("[{\"a.b\": 1}, {\"a.b\": 2}]"));
    }

    @Test
    void aLeadingJsonPrefixIsIgnored() {
        assertThat(json(split("{\"fieldToSplitOut\": \"$json.words\"}"))).hasSize(3);
    }

    @Test
    void aMissingFieldYieldsNoItemsAndIsLogged() {
        RunResult result = ListRuns.runWith("splitOut", 1, "{\"fieldToSplitOut\": \"absent\"}", INPUT, null);
        assertThat(ListRuns.json(result)).isEmpty();
        assertThat(ListRuns.logs(result)).anyMatch(l -> l.endsWith("The field 'absent' wasn't found in any input item"));
    }

    @Test
    void everyInputItemIsSplitWithItsOwnLineage() {
        RunResult result = run("splitOut", 1, "{\"fieldToSplitOut\": \"v\"}", "[{\"v\": [1, 2]}, {\"v\": [3]}]");
        assertThat(json(result)).isEqualTo(objs("[{\"v\": 1}, {\"v\": 2}, {\"v\": 3}]"));
        assertThat(ListRuns.lineage(result)).containsExactly(List.of(0), List.of(0), List.of(1));
    }

    @Test
    void binaryAttachmentsSplitWithDollarBinaryAndAreKeptOnRequest() {
        String source = "return [{json: {list: [1, 2]}, binary: {"
                + "a: {mimeType: 'text/plain', fileName: 'a.txt', data: 'YQ=='},"
                + "b: {mimeType: 'text/plain', fileName: 'b.txt', data: 'Yg=='}}}];";
        RunResult byBinary = ListRuns.runFrom("splitOut", 1, "{\"fieldToSplitOut\": \"$binary\"}", source);
        List<Item> parts = ListRuns.items(byBinary);
        assertThat(parts).hasSize(2);
        assertThat(parts.get(0).binary()).containsOnlyKeys("a");
        assertThat(parts.get(1).binary()).containsOnlyKeys("b");

        RunResult kept = ListRuns.runFrom("splitOut", 1, "{\"fieldToSplitOut\": \"list\", \"options\":"
                + " {\"includeBinary\": true}}", source);
        assertThat(ListRuns.items(kept)).allSatisfy(i -> assertThat(i.binary()).containsOnlyKeys("a", "b"));
        RunResult dropped = ListRuns.runFrom("splitOut", 1, "{\"fieldToSplitOut\": \"list\"}", source);
        assertThat(ListRuns.items(dropped)).allSatisfy(i -> assertThat(i.binary()).isEmpty());
    }
}
