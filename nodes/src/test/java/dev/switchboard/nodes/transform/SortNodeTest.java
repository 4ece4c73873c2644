package dev.switchboard.nodes.transform;

import static dev.switchboard.nodes.transform.ListRuns.fail;
import static dev.switchboard.nodes.transform.ListRuns.json;
import static dev.switchboard.nodes.transform.ListRuns.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.switchboard.platform.json.Json;
import dev.switchboard.platform.run.RunResult;

class SortNodeTest {

    private static final String ROWS = """
            [{"id": 3, "name": "carol", "meta": {"rank": 2}},
             {"id": 1, "name": "Bob", "meta": {"rank": 3}},
             {"id": 2, "name": "alice", "meta": {"rank": 1}},
             {"id": 4, "name": "bob", "meta": {"rank": 1}}]""";

    private static List<Object> ids(RunResult result) {
        List<Object> out = new ArrayList<>();
        for (Map<String, Object> json : json(result)) {
            out.add(json.get("id"));
        }
        return out;
    }

    private static String byFields(String fields) {
        return "{\"sortFieldsUi\": {\"sortField\": [" + fields + "]}}";
    }

    @Test
    void sortsAscendingByDefaultAndDescendingOnRequest() {
        assertThat(ids(run("sort", 1, byFields("{\"fieldName\": \"id\"}"), ROWS))).containsExactly(1L, 2L, 3L, 4L);
        assertThat(ids(run("sort", 1, byFields("{\"fieldName\": \"id\", \"order\": \"descending\"}"), ROWS)))
                .containsExactly(4L, 3L, 2L, 1L);
    }

    @Test
    void textIsComparedWithoutCaseAndTiesKeepTheirOrder() {
        assertThat(ids(run("sort", 1, byFields("{\"fieldName\": \"name\"}"), ROWS))).containsExactly(2L, 1L, 4L, 3L);
    }

    @Test
    void laterFieldsBreakTiesOfEarlierOnes() {
        assertThat(ids(run("sort", 1, byFields("{\"fieldName\": \"meta.rank\"}, {\"fieldName\": \"id\", \"order\":"
                + " \"descending\"}"), ROWS))).containsExactly(4L, 2L, 3L, 1L);
    }

    @Test
    void withDotNotationDisabledAFieldNameIsAPlainKey() {
        String input = "[{\"id\": 1, \"a.b\": 2}, {\"id\": 2, \"a.b\": 1}]";
        assertThat(ids(run("sort", 1, "{\"sortFieldsUi\": {\"sortField\": [{\"fieldName\": \"a.b\"}]},"
                + " \"options\": {\"disableDotNotation\": true}}", input))).containsExactly(2L, 1L);
    }

    @Test
    void nullsAndMissingValuesEndUpWhereN8nPutsThem() {
        String input = "[{\"id\": 1, \"c\": \"US\"}, {\"id\": 2, \"c\": \"CO\"}, {\"id\": 3, \"c\": \"US\"},"
                + " {\"id\": 4, \"c\": null}, {\"id\": 5, \"c\": \"UK\"}]";
        assertThat(ids(run("sort", 1, byFields("{\"fieldName\": \"c\"}"), input))).containsExactly(2L, 5L, 1L, 3L, 4L);
    }

    @Test
    void theOutputKeepsEachItemsLineage() {
        assertThat(ListRuns.lineage(run("sort", 1, byFields("{\"fieldName\": \"id\"}"), ROWS)))
                .containsExactly(List.of(1), List.of(2), List.of(0), List.of(3));
    }

    @Test
    void aFieldNoItemHasOrNoFieldAtAllFails() {
        assertThat(fail("sort", 1, byFields("{\"fieldName\": \"absent\"}"), ROWS)).contains("'absent'");
        assertThat(fail("sort", 1, "{\"sortFieldsUi\": {}}", ROWS)).contains("no sorting specified");
        assertThat(fail("sort", 1, "{\"sortFieldsUi\": {\"sortField\": [{\"fieldName\": \"meta.rank\"}]},"
                + " \"options\": {\"disableDotNotation\": true}}", ROWS)).contains("Disable Dot Notation");
    }

    @Test
    void randomKeepsEveryItemOnce() {
        assertThat(ids(run("sort", 1, "{\"type\": \"random\"}", ROWS))).containsExactlyInAnyOrder(1L, 2L, 3L, 4L);
    }

    @Test
    void codeSortsWithAComparatorOverAAndB() {
        String code = "return b.json.meta.rank - a.json.meta.rank || a.json.id - b.json.id;";
        RunResult result = run("sort", 1, "{\"type\": \"code\", \"code\": " + Json.write(code) + "}", ROWS);
        assertThat(ids(result)).containsExactly(1L, 3L, 2L, 4L);
        assertThat(ListRuns.lineage(result)).containsExactly(List.of(1), List.of(0), List.of(2), List.of(3));
    }

    @Test
    void codeWithoutAReturnFails() {
        assertThat(fail("sort", 1, "{\"type\": \"code\", \"code\": \"a.json.id - b.json.id\"}", ROWS))
                .contains("return");
    }

    @Test
    void anErrorInTheComparatorFailsTheNode() {
        assertThat(fail("sort", 1, "{\"type\": \"code\", \"code\": \"return a.json.missing.deeper - 1;\"}", ROWS))
                .isNotBlank();
    }
}
