package dev.switchboard.nodes.transform;

import static dev.switchboard.nodes.transform.ListRuns.json;
import static dev.switchboard.nodes.transform.ListRuns.objs;
import static dev.switchboard.nodes.transform.ListRuns.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.switchboard.platform.run.RunResult;

class LimitNodeTest {

    private static final String FIVE = "[{\"n\": 1}, {\"n\": 2}, {\"n\": 3}, {\"n\": 4}, {\"n\": 5}]";

    @Test
    void keepsOnlyTheFirstItemByDefault() {
        assertThat(json(run("limit", 1, "{}", FIVE))).isEqualTo(objs("[{\"n\": 1}]"));
    }

    @Test
    void keepsTheFirstMaxItems() {
        RunResult result = run("limit", 1, "{\"maxItems\": 3}", FIVE);
        assertThat(json(result)).isEqualTo(objs("[{\"n\": 1}, {\"n\": 2}, {\"n\": 3}]"));
        assertThat(ListRuns.lineage(result)).containsExactly(List.of(0), List.of(1), List.of(2));
    }

    @Test
    void keepsTheLastItemsOnRequestWithTheirLineage() {
        RunResult result = run("limit", 1, "{\"maxItems\": 2, \"keep\": \"lastItems\"}", FIVE);
        assertThat(json(result)).isEqualTo(objs("[{\"n\": 4}, {\"n\": 5}]"));
        assertThat(ListRuns.lineage(result)).containsExactly(List.of(3), List.of(4));
    }

    @Test
    void fewerItemsThanTheLimitAllPass() {
        assertThat(json(run("limit", 1, "{\"maxItems\": 10, \"keep\": \"lastItems\"}", FIVE))).hasSize(5);
    }

    @Test
    void theLimitMayComeFromAnExpression() {
        assertThat(json(run("limit", 1, "{\"maxItems\": \"={{ 1 + 1 }}\"}", FIVE))).hasSize(2);
    }
}
