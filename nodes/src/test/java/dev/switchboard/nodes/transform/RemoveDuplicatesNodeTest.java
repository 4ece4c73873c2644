package dev.switchboard.nodes.transform;

import static dev.switchboard.nodes.transform.ListRuns.fail;
import static dev.switchboard.nodes.transform.ListRuns.json;
import static dev.switchboard.nodes.transform.ListRuns.objs;
import static dev.switchboard.nodes.transform.ListRuns.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.switchboard.platform.run.RunResult;

class RemoveDuplicatesNodeTest {

    private static final String PEOPLE = """
            [{"id": 1, "name": "Ann", "age": 30, "address": {"city": "Oslo", "zip": "1"}},
             {"id": 1, "name": "Ann", "age": 30, "address": {"city": "Oslo", "zip": "1"}},
             {"id": 1, "name": "Ann", "age": 31, "address": {"city": "Oslo", "zip": "2"}},
             {"id": 2, "name": "Bob", "age": 30, "address": {"city": "Rome", "zip": "1"}}]""";

    private static List<Object> ids(RunResult result) {
        return ListRuns.lineage(result).stream().map(l -> (Object) l.get(0)).toList();
    }

    @Test
    void itemsEqualInAllFieldsAreRemovedKeepingTheFirst() {
        RunResult result = run("removeDuplicates", 1, "{}", PEOPLE);
        assertThat(ids(result)).containsExactly(0, 2, 3);
        assertThat(json(result).get(0)).isEqualTo(objs(PEOPLE).get(0));
    }

    @Test
    void selectedFieldsAloneDecide() {
        assertThat(ids(run("removeDuplicates", 1, "{\"compare\": \"selectedFields\", \"fieldsToCompare\": \"name\"}", PEOPLE)))
                .containsExactly(0, 3);
        assertThat(ids(run("removeDuplicates", 1, "{\"compare\": \"selectedFields\", \"fieldsToCompare\": \"address.zip\"}",
                PEOPLE))).containsExactly(0, 2);
    }

    @Test
    void allFieldsExceptTheExcludedOnesDecide() {
        assertThat(ids(run("removeDuplicates", 1, "{\"compare\": \"allFieldsExcept\", \"fieldsToExclude\": \"age, address.zip\"}",
                PEOPLE))).containsExactly(0, 3);
    }

    @Test
    void removeOtherFieldsKeepsOnlyTheComparedFields() {
        assertThat(json(run("removeDuplicates", 1, "{\"compare\": \"selectedFields\", \"fieldsToCompare\": \"name, address.city\","
                + " \"options\": {\"removeOtherFields\": true}}", PEOPLE)))
                .isEqualTo(objs("[{\"name\": \"Ann\", \"address\": {\"city\": \"Oslo\"}},"
                        + " {\"name\": \"Bob\", \"address\": {\"city\": \"Rome\"}}]"));
    }

    @Test
    void withDotNotationDisabledWholeObjectsAndLiteralKeysAreCompared() {
        assertThat(ids(run("removeDuplicates", 1, "{\"compare\": \"selectedFields\", \"fieldsToCompare\": \"address\","
                + " \"options\": {\"disableDotNotation\": true}}", PEOPLE))).containsExactly(0, 2, 3);
        assertThat(fail("removeDuplicates", 1, "{\"compare\": \"selectedFields\", \"fieldsToCompare\": \"address.city\","
                + " \"options\": {\"disableDotNotation\": true}}", PEOPLE)).contains("missing").contains("Dot Notation");
    }

    @Test
    void missingFieldsOrNoFieldsFail() {
        assertThat(fail("removeDuplicates", 1, "{\"compare\": \"selectedFields\", \"fieldsToCompare\": \"absent\"}", PEOPLE))
                .contains("'absent' is missing from some input items");
        assertThat(fail("removeDuplicates", 1, "{\"compare\": \"selectedFields\"}", PEOPLE)).contains("fieldsToCompare");
        assertThat(fail("removeDuplicates", 1, "{\"compare\": \"allFieldsExcept\"}", PEOPLE)).contains("fieldsToExclude");
    }

    @Test
    void aFieldOfMixedTypesFailsWhileVersion11IgnoresNulls() {
        String input = "[{\"v\": 1}, {\"v\": \"1\"}]";
        assertThat(fail("removeDuplicates", 1, "{}", input)).contains("isn't always the same type");
        String withNull = "[{\"v\": \"a\"}, {\"v\": \"a\"}, {\"v\": null}]";
        assertThat(fail("removeDuplicates", 1, "{}", withNull)).contains("isn't always the same type");
        assertThat(ids(run("removeDuplicates", 1.1, "{}", withNull))).containsExactly(0, 2);
    }

    @Test
    void version2RemovesDuplicatesWithinTheInput() {
        assertThat(ids(run("removeDuplicates", 2, "{\"operation\": \"removeDuplicateInputItems\", \"compare\":"
                + " \"selectedFields\", \"fieldsToCompare\": \"id\"}", PEOPLE))).containsExactly(0, 3);
    }

    @Test
    void version2OperationsAcrossExecutionsAreRefused() {
        assertThat(fail("removeDuplicates", 2, "{\"operation\": \"removeItemsSeenInPreviousExecutions\"}", PEOPLE))
                .contains("removeItemsSeenInPreviousExecutions").contains("not supported");
        assertThat(json(run("removeDuplicates", 2, "{\"operation\": \"clearDeduplicationHistory\"}", PEOPLE))).hasSize(4);
    }
}
