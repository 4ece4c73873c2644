package dev.switchboard.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The side-by-side diff of two versions. */
class JsonDiffTest {

    @Test
    void pairsEqualLinesAndMarksChangedAddedAndRemovedOnes() {
        List<JsonDiff.Row> rows = JsonDiff.of("a\nb\nc\nd\n", "a\nB\nc\nd\ne\n");

        assertThat(rows).containsExactly(
                new JsonDiff.Row("a", "a", JsonDiff.Kind.SAME),
                new JsonDiff.Row("b", "B", JsonDiff.Kind.CHANGED),
                new JsonDiff.Row("c", "c", JsonDiff.Kind.SAME),
                new JsonDiff.Row("d", "d", JsonDiff.Kind.SAME),
                new JsonDiff.Row(null, "e", JsonDiff.Kind.ADDED));
    }

    @Test
    void aRemovedLineInTheMiddleKeepsTheRestAligned() {
        List<JsonDiff.Row> rows = JsonDiff.of("a\nx\nb\ny\nc", "a\nb\nc");

        assertThat(rows).extracting(JsonDiff.Row::kind).containsExactly(JsonDiff.Kind.SAME, JsonDiff.Kind.REMOVED,
                JsonDiff.Kind.SAME, JsonDiff.Kind.REMOVED, JsonDiff.Kind.SAME);
    }

    @Test
    void aHugeMiddleIsShownAsReplacedInsteadOfComparedCellByCell() {
        StringBuilder left = new StringBuilder();
        StringBuilder right = new StringBuilder();
        for (int i = 0; i < 3_000; i++) {
            left.append("l").append(i).append('\n');
            right.append("r").append(i).append('\n');
        }
        List<JsonDiff.Row> rows = JsonDiff.of(left.toString(), right.toString());

        assertThat(rows).hasSize(3_000).allMatch(r -> r.kind() == JsonDiff.Kind.CHANGED);
    }
}
