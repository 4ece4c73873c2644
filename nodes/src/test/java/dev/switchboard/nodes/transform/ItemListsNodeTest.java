package dev.switchboard.nodes.transform;

import static dev.switchboard.nodes.transform.ListRuns.fail;
import static dev.switchboard.nodes.transform.ListRuns.json;
import static dev.switchboard.nodes.transform.ListRuns.objs;
import static dev.switchboard.nodes.transform.ListRuns.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.switchboard.nodes.NodeTestKit;
import dev.switchboard.platform.run.RunResult;
import dev.switchboard.platform.run.RunStatus;

class ItemListsNodeTest {

    private static final String RECORD = """
            [{"list": [1, 2], "map": {"a": {"id": 1}, "b": {"id": 2}}, "tag": "t", "empty": null}]""";

    private static final String CUSTOMERS = """
            [{"id": "c1", "name": "Ada", "country": "US", "since": "1990-01-02"},
             {"id": "c2", "name": "Bea", "country": "CO", "since": "1985-03-04"},
             {"id": "c3", "name": "Cal", "country": "US", "since": "2001-05-06"},
             {"id": "c4", "name": "Dov", "country": null, "since": "1979-07-08"},
             {"id": "c5", "name": "Eli", "country": "UK", "since": "1995-09-10"}]""";

    @Test
    void version1SplitsOnlyArraysAndFailsOnMissingFields() {
        assertThat(json(run("itemLists", 1, "{\"fieldToSplitOut\": \"list\"}", RECORD)))
                .isEqualTo(objs("[{\"list\": 1}, {\"list\": 2}]"));
        assertThat(fail("itemLists", 1, "{\"fieldToSplitOut\": \"map\"}", RECORD)).contains("'map' is not an array");
        assertThat(fail("itemLists", 1, "{\"fieldToSplitOut\": \"absent\"}", RECORD)).contains("couldn't find the field 'absent'");
    }

    @Test
    void version2SplitsObjectValuesAndFailsOnNullUnlessErrorsContinue() {
        assertThat(json(run("itemLists", 2, "{\"fieldToSplitOut\": \"map\", \"include\": \"selectedOtherFields\","
                + " \"fieldsToInclude\": {\"fields\": [{\"fieldName\": \"tag\"}]}}", RECORD)))
                .isEqualTo(objs("[{\"tag\": \"t\", \"map\": {\"id\": 1}}, {\"tag\": \"t\", \"map\": {\"id\": 2}}]"));
        assertThat(fail("itemLists", 2, "{\"fieldToSplitOut\": \"empty\"}", RECORD)).contains("not an array or object");
        RunResult passed = ListRuns.runWith("itemLists", 2, "{\"fieldToSplitOut\": \"empty\"}", RECORD,
                "\"onError\": \"continueRegularOutput\"");
        assertThat(json(passed)).isEqualTo(objs(RECORD));
    }

    @Test
    void version2CopiesAllOtherFieldsAndUsesTheDestinationAsAPlainKey() {
        assertThat(json(run("itemLists", 2, "{\"fieldToSplitOut\": \"list\", \"include\": \"allOtherFields\","
                + " \"options\": {\"destinationFieldName\": \"n.value\"}}", "[{\"list\": [1], \"tag\": \"t\"}]")))
                .isEqualTo(objs("[{\"tag\": \"t\", \"n.value\": 1}]"));
    }

    @Test
    void fromVersion21AMissingFieldYieldsNothing() {
        assertThat(json(ListRuns.runWith("itemLists", 2.1, "{\"fieldToSplitOut\": \"absent\"}", RECORD, null))).isEmpty();
        assertThat(fail("itemLists", 2, "{\"fieldToSplitOut\": \"absent\"}", RECORD)).contains("absent");
    }

    @Test
    void fromVersion22SeveralFieldsSplitSideBySide() {
        assertThat(json(run("itemLists", 2.2, "{\"fieldToSplitOut\": \"list, tag\", \"include\": \"selectedOtherFields\","
                + " \"fieldsToInclude\": {\"fields\": [{\"fieldName\": \"empty\"}]}, \"options\": {\"destinationFieldName\":"
                + " \"n, t\"}}", RECORD))).isEqualTo(objs("[{\"n\": 1, \"t\": \"t\", \"empty\": null}, {\"n\": 2, \"empty\": null}]"));
        assertThat(json(run("itemLists", 2.2, "{\"fieldToSplitOut\": \"tag, empty\"}", RECORD)))
                .isEqualTo(objs("[{\"tag\": \"t\", \"empty\": null}]"));
    }

    @Test
    void version3TakesFieldsToIncludeAsText() {
        assertThat(json(run("itemLists", 3, "{\"fieldToSplitOut\": \"list\", \"include\": \"selectedOtherFields\","
                + " \"fieldsToInclude\": \"tag\"}", RECORD))).isEqualTo(objs("[{\"list\": 1, \"tag\": \"t\"}, {\"list\": 2, \"tag\": \"t\"}]"));
    }

    @Test
    void aggregatingAMissingFieldFailsBeforeVersion21() {
        String params = "{\"operation\": \"aggregateItems\", \"fieldsToAggregate\": {\"fieldToAggregate\": [{\"fieldToAggregate\": \"absent\"}]}}";
        assertThat(fail("itemLists", 2, params, CUSTOMERS)).contains("couldn't find the field 'absent'");
        assertThat(json(run("itemLists", 2.1, params, CUSTOMERS))).isEqualTo(objs("[{\"absent\": []}]"));
        assertThat(json(run("itemLists", 1, params.replace("}]}}", "}]}, \"options\": {\"keepMissing\": true}}"), CUSTOMERS)))
                .isEqualTo(objs("[{\"absent\": [null, null, null, null, null]}]"));
    }

    @Test
    void concatenateItemsGathersFieldsOrWholeItems() {
        assertThat(json(run("itemLists", 3, "{\"operation\": \"concatenateItems\", \"fieldsToAggregate\": {\"fieldToAggregate\":"
                + " [{\"fieldToAggregate\": \"country\"}]}}", CUSTOMERS)))
                .isEqualTo(objs("[{\"country\": [\"US\", \"CO\", \"US\", \"UK\"]}]"));
        assertThat(json(run("itemLists", 3, "{\"operation\": \"concatenateItems\", \"aggregate\": \"aggregateAllItemData\","
                + " \"destinationFieldName\": \"people\", \"include\": \"specifiedFields\", \"fieldsToInclude\": \"name\"}",
                "[{\"name\": \"Ada\", \"x\": 1}, {\"x\": 2}]"))).isEqualTo(objs("[{\"people\": [{\"name\": \"Ada\"}]}]"));
        assertThat(json(run("itemLists", 1, "{\"operation\": \"aggregateItems\", \"aggregate\": \"aggregateAllItemData\","
                + " \"include\": \"allFieldsExcept\", \"fieldsToExclude\": {\"fields\": [{\"fieldName\": \"x\"}]}}",
                "[{\"name\": \"Ada\", \"x\": 1}, {\"x\": 2}]"))).isEqualTo(objs("[{\"data\": [{\"name\": \"Ada\"}]}]"));
    }

    @Test
    void removingDuplicatesOfMixedTypesFailsInVersion3AndTellsThemApartIn31() {
        String input = "[{\"v\": \"1\"}, {\"v\": 1}, {\"v\": {}}, {\"v\": []}, {\"v\": 1}, {\"v\": \"1\"}]";
        assertThat(fail("itemLists", 3, "{\"operation\": \"removeDuplicates\"}", input)).contains("isn't always the same type");
        assertThat(json(run("itemLists", 3.1, "{\"operation\": \"removeDuplicates\"}", input)))
                .isEqualTo(objs("[{\"v\": \"1\"}, {\"v\": 1}, {\"v\": {}}, {\"v\": []}]"));
        assertThat(json(run("itemLists", 1, "{\"operation\": \"removeDuplicates\", \"compare\": \"selectedFields\","
                + " \"fieldsToCompare\": {\"fields\": [{\"fieldName\": \"country\"}]}, \"options\": {\"removeOtherFields\": true}}",
                "[{\"country\": \"US\", \"n\": 1}, {\"country\": \"US\", \"n\": 2}]"))).isEqualTo(objs("[{\"country\": \"US\"}]"));
    }

    @Test
    void sortingLimitingAndRemovingDuplicatesChainAsInN8n() {
        String workflow = """
                {"name": "chain", "nodes": [
                 {"name": "Trigger", "type": "n8n-nodes-base.manualTrigger", "typeVersion": 1, "position": [0, 0], "parameters": {}},
                 {"name": "Sort", "type": "n8n-nodes-base.itemLists", "typeVersion": 3, "position": [200, 0],
                  "parameters": {"operation": "sort", "sortFieldsUi": {"sortField": [{"fieldName": "country"}]}, "options": {}}},
                 {"name": "Limit", "type": "n8n-nodes-base.itemLists", "typeVersion": 3, "position": [400, 0],
                  "parameters": {"operation": "limit", "maxItems": 4}},
                 {"name": "Dedupe", "type": "n8n-nodes-base.itemLists", "typeVersion": 3, "position": [600, 0],
                  "parameters": {"operation": "removeDuplicates", "compare": "selectedFields", "fieldsToCompare": "country",
                   "options": {}}}],
                 "connections": {"Trigger": {"main": [[{"node": "Sort", "type": "main", "index": 0}]]},
                  "Sort": {"main": [[{"node": "Limit", "type": "main", "index": 0}]]},
                  "Limit": {"main": [[{"node": "Dedupe", "type": "main", "index": 0}]]}}}""";
        RunResult result = NodeTestKit.run(NodeTestKit.workflow(workflow), objs(CUSTOMERS));
        assertThat(result.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(NodeTestKit.json(result, "Sort")).extracting(m -> m.get("id")).containsExactly("c2", "c5", "c1", "c3", "c4");
        assertThat(NodeTestKit.json(result, "Dedupe")).extracting(m -> m.get("id")).containsExactly("c2", "c5", "c1");
    }

    @Test
    void limitKeepsFirstOrLastItems() {
        assertThat(json(run("itemLists", 1, "{\"operation\": \"limit\"}", CUSTOMERS))).extracting(m -> m.get("id"))
                .containsExactly("c1");
        assertThat(json(run("itemLists", 3, "{\"operation\": \"limit\", \"maxItems\": 2, \"keep\": \"lastItems\"}", CUSTOMERS)))
                .extracting(m -> m.get("id")).containsExactly("c4", "c5");
    }

    @Test
    void codeSortUsesTheComparator() {
        assertThat(json(run("itemLists", 1, "{\"operation\": \"sort\", \"type\": \"code\", \"code\":"
                + " \"return a.json.since < b.json.since ? -1 : 1;\"}", CUSTOMERS))).extracting(m -> m.get("id"))
                .containsExactly("c4", "c2", "c1", "c5", "c3");
    }

    @Test
    void summarizeGroupsUnderTextKeysInJavaScriptObjectOrder() {
        String input = "[{\"g\": \"b\", \"v\": 1}, {\"g\": 2, \"v\": 2}, {\"g\": \"a\", \"v\": 3}, {\"g\": 1, \"v\": 4},"
                + " {\"g\": null, \"v\": 5}]";
        assertThat(json(run("itemLists", 3, "{\"operation\": \"summarize\", \"fieldsToSummarize\": {\"values\":"
                + " [{\"aggregation\": \"sum\", \"field\": \"v\"}]}, \"fieldsToSplitBy\": \"g\"}", input)))
                .isEqualTo(objs("[{\"g\": \"1\", \"sum_v\": 4}, {\"g\": \"2\", \"sum_v\": 2}, {\"g\": \"b\", \"sum_v\": 1},"
                        + " {\"g\": \"a\", \"sum_v\": 3}, {\"g\": \"null\", \"sum_v\": 5}]"));
        List<Map<String, Object>> single = json(run("itemLists", 3, "{\"operation\": \"summarize\", \"fieldsToSummarize\":"
                + " {\"values\": [{\"field\": \"v\"}]}, \"fieldsToSplitBy\": \"g\", \"options\": {\"outputFormat\": \"singleItem\"}}",
                input));
        assertThat(single.get(0).keySet()).containsExactly("1", "2", "b", "a", "null");
    }

    @Test
    void summarizeCountsOnlyNonEmptyValuesAndFailsOnMissingFieldsBeforeVersion21() {
        String params = "{\"operation\": \"summarize\", \"fieldsToSummarize\": {\"values\": [{\"field\": \"country\","
                + " \"includeEmpty\": true}]}}";
        assertThat(json(run("itemLists", 2, params, CUSTOMERS))).isEqualTo(objs("[{\"count_country\": 4}]"));
        String missing = "{\"operation\": \"summarize\", \"fieldsToSummarize\": {\"values\": [{\"field\": \"absent\"}]}}";
        assertThat(fail("itemLists", 2, missing, CUSTOMERS)).contains("'absent' does not exist");
        assertThat(json(run("itemLists", 2.1, missing, CUSTOMERS))).isEqualTo(objs("[{\"count_absent\": 0}]"));
    }

    @Test
    void anUnknownOperationFails() {
        assertThat(fail("itemLists", 3, "{\"operation\": \"shuffle\"}", CUSTOMERS)).contains("shuffle");
    }
}
