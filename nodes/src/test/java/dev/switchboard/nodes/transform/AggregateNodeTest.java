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

class AggregateNodeTest {

    private static final String PEOPLE = """
            [{"name": "Ann", "team": "red", "tags": ["a", null], "address": {"city": "Oslo"}},
             {"name": "Bob", "team": "blue", "tags": ["b"], "address": {"city": "Rome"}},
             {"name": null, "team": "red", "tags": ["c", "d"]}]""";

    private static RunResult aggregate(String parameters) {
        return run("aggregate", 1, parameters, PEOPLE);
    }

    private static String fields(String entries) {
        return "{\"fieldsToAggregate\": {\"fieldToAggregate\": [" + entries + "]}";
    }

    @Test
    void eachFieldsValuesBecomeAListInOneItemPairedWithAllInputs() {
        RunResult result = aggregate(fields("{\"fieldToAggregate\": \"name\"}, {\"fieldToAggregate\": \"team\"}") + "}");
        assertThat(json(result)).isEqualTo(objs("[{\"name\": [\"Ann\", \"Bob\"], \"team\": [\"red\", \"blue\", \"red\"]}]"));
        assertThat(ListRuns.lineage(result)).containsExactly(List.of(0, 1, 2));
    }

    @Test
    void aRenamedFieldGoesUnderItsOutputName() {
        assertThat(json(aggregate(fields("{\"fieldToAggregate\": \"team\", \"renameField\": true,"
                + " \"outputFieldName\": \"teams\"}") + "}")))
                .isEqualTo(objs("[{\"teams\": [\"red\", \"blue\", \"red\"]}]"));
    }

    @Test
    void missingAndNullValuesAreKeptOnlyWithKeepMissing() {
        assertThat(json(aggregate(fields("{\"fieldToAggregate\": \"address.city\"}") + ", \"options\": {\"keepMissing\": true}}")))
                .isEqualTo(objs("[{\"city\": [\"Oslo\", \"Rome\", null]}]"));
        assertThat(json(aggregate(fields("{\"fieldToAggregate\": \"name\"}") + ", \"options\": {\"keepMissing\": true}}")))
                .isEqualTo(objs("[{\"name\": [\"Ann\", \"Bob\", null]}]"));
        assertThat(json(aggregate(fields("{\"fieldToAggregate\": \"tags\"}") + "}")))
                .isEqualTo(objs("[{\"tags\": [[\"a\"], [\"b\"], [\"c\", \"d\"]]}]"));
    }

    @Test
    void mergeListsFlattensListValues() {
        assertThat(json(aggregate(fields("{\"fieldToAggregate\": \"tags\"}") + ", \"options\": {\"mergeLists\": true}}")))
                .isEqualTo(objs("[{\"tags\": [\"a\", \"b\", \"c\", \"d\"]}]"));
    }

    @Test
    void aNestedFieldIsNamedAfterItsLastPartUnlessDotNotationIsDisabled() {
        assertThat(json(aggregate(fields("{\"fieldToAggregate\": \"address.city\"}") + "}")))
                .isEqualTo(objs("[{\"city\": [\"Oslo\", \"Rome\"]}]"));
        assertThat(json(run("aggregate", 1, fields("{\"fieldToAggregate\": \"a.b\"}")
                + ", \"options\": {\"disableDotNotation\": true}}", "[{\"a.b\": 1}, {\"a\": {\"b\": 2}}]")))
                .isEqualTo(objs("[{\"a.b\": [1]}]"));
        assertThat(json(aggregate(fields("{\"fieldToAggregate\": \"team\", \"renameField\": true,"
                + " \"outputFieldName\": \"by.team\"}") + "}")))
                .isEqualTo(objs("[{\"by\": {\"team\": [\"red\", \"blue\", \"red\"]}}]"));
    }

    @Test
    void aFieldNoItemHasGivesAnEmptyListAndALogLine() {
        RunResult result = aggregate(fields("{\"fieldToAggregate\": \"absent\"}") + "}");
        assertThat(json(result)).isEqualTo(objs("[{\"absent\": []}]"));
        assertThat(ListRuns.logs(result)).anyMatch(l -> l.contains("'absent'"));
    }

    @Test
    void anOutputNameUsedTwiceFails() {
        assertThat(fail("aggregate", 1, fields("{\"fieldToAggregate\": \"team\"}, {\"fieldToAggregate\": \"team\"}") + "}",
                PEOPLE)).contains("fieldsToAggregate").contains("'team'").contains("more than once");
    }

    @Test
    void noFieldsToAggregateFails() {
        assertThat(fail("aggregate", 1, "{\"fieldsToAggregate\": {}}", PEOPLE)).contains("no fields specified");
    }

    @Test
    void allItemDataGoesIntoOneListUnderDataByDefault() {
        RunResult result = run("aggregate", 1, "{\"aggregate\": \"aggregateAllItemData\"}", "[{\"a\": 1}, {\"a\": 2}]");
        assertThat(json(result)).isEqualTo(objs("[{\"data\": [{\"a\": 1}, {\"a\": 2}]}]"));
        assertThat(ListRuns.lineage(result)).containsExactly(List.of(0, 1));
    }

    @Test
    void allItemDataKeepsOnlySpecifiedFieldsGivenAsTextOrList() {
        String input = "[{\"a\": 1, \"b\": 2, \"c\": 3}, {\"c\": 4}]";
        String expected = "[{\"out\": [{\"a\": 1, \"b\": 2}]}]";
        assertThat(json(run("aggregate", 1, "{\"aggregate\": \"aggregateAllItemData\", \"destinationFieldName\": \"out\","
                + " \"include\": \"specifiedFields\", \"fieldsToInclude\": \"a, b\"}", input))).isEqualTo(objs(expected));
        RunResult listed = run("aggregate", 1, "{\"aggregate\": \"aggregateAllItemData\", \"destinationFieldName\": \"out\","
                + " \"include\": \"specifiedFields\", \"fieldsToInclude\": [\"a\", \"b\"]}", input);
        assertThat(json(listed)).isEqualTo(objs(expected));
        assertThat(ListRuns.lineage(listed)).containsExactly(List.of(0));
    }

    @Test
    void allItemDataCanLeaveOutFields() {
        assertThat(json(run("aggregate", 1, "{\"aggregate\": \"aggregateAllItemData\", \"include\": \"allFieldsExcept\","
                + " \"fieldsToExclude\": [\"secret\"]}", "[{\"a\": 1, \"secret\": \"x\"}, {\"secret\": \"y\"}]")))
                .isEqualTo(objs("[{\"data\": [{\"a\": 1}]}]"));
    }

    @Test
    void groupByFieldsMakesOneItemPerGroup() {
        assertThat(json(aggregate(fields("{\"fieldToAggregate\": \"name\"}") + ", \"options\": {\"groupByFields\": \"team\"}}")))
                .isEqualTo(objs("[{\"team\": \"red\", \"name\": [\"Ann\"]}, {\"team\": \"blue\", \"name\": [\"Bob\"]}]"));
        RunResult all = run("aggregate", 1, "{\"aggregate\": \"aggregateAllItemData\", \"destinationFieldName\": \"rows\","
                + " \"include\": \"allFieldsExcept\", \"fieldsToExclude\": \"g\", \"options\": {\"groupByFields\": \"g.k\"}}",
                "[{\"g\": {\"k\": 1}, \"v\": \"a\"}, {\"g\": {\"k\": 2}, \"v\": \"b\"}, {\"g\": {\"k\": 1}, \"v\": \"c\"}]");
        assertThat(json(all)).isEqualTo(objs("[{\"g\": {\"k\": 1}, \"rows\": [{\"v\": \"a\"}, {\"v\": \"c\"}]},"
                + " {\"g\": {\"k\": 2}, \"rows\": [{\"v\": \"b\"}]}]"));
        assertThat(ListRuns.lineage(all)).containsExactly(List.of(0, 2), List.of(1));
    }

    @Test
    void groupingByAnObjectOrIntoTheGroupFieldFails() {
        assertThat(fail("aggregate", 1, "{\"aggregate\": \"aggregateAllItemData\", \"options\": {\"groupByFields\": \"address\"}}",
                PEOPLE)).contains("groupByFields").contains("address");
        assertThat(fail("aggregate", 1, "{\"aggregate\": \"aggregateAllItemData\", \"destinationFieldName\": \"team\","
                + " \"options\": {\"groupByFields\": \"team\"}}", PEOPLE)).contains("conflicts");
        assertThat(fail("aggregate", 1, fields("{\"fieldToAggregate\": \"x.team\"}") + ", \"options\": {\"groupByFields\":"
                + " \"team\"}}", PEOPLE)).contains("conflicts");
    }

    @Test
    void binariesOfTheItemsAreAddedOnRequestRenamingClashesOrKeepingOnlyDistinctFiles() {
        String source = "return [{json: {n: 1}, binary: {file: {mimeType: 'text/plain', fileSize: '1 B', data: 'YQ=='}}},"
                + " {json: {n: 2}, binary: {file: {mimeType: 'text/plain', fileSize: '1 B', data: 'Yg=='}}},"
                + " {json: {n: 3}, binary: {file: {mimeType: 'image/png', fileSize: '1 B', data: 'Yw=='}}}];";
        String params = fields("{\"fieldToAggregate\": \"n\"}") + ", \"options\": {\"includeBinaries\": true";
        Item all = ListRuns.items(ListRuns.runFrom("aggregate", 1, params + "}}", source)).get(0);
        assertThat(all.binary()).containsOnlyKeys("file", "file_1", "file_2");
        Item unique = ListRuns.items(ListRuns.runFrom("aggregate", 1, params + ", \"keepOnlyUnique\": true}}", source)).get(0);
        assertThat(unique.binary()).containsOnlyKeys("file", "file_1");
        Item none = ListRuns.items(ListRuns.runFrom("aggregate", 1, fields("{\"fieldToAggregate\": \"n\"}") + "}", source)).get(0);
        assertThat(none.binary()).isEmpty();
    }
}
