package dev.switchboard.platform.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.switchboard.platform.json.Json;
import dev.switchboard.platform.node.Item;
import dev.switchboard.platform.node.PairedItem;
import dev.switchboard.platform.run.SourceRef;
import dev.switchboard.platform.run.Step;
import dev.switchboard.platform.run.StepStatus;

/** A step's stored data: its items written once per hand-over, and the same text as writing the whole at once. */
class StepDocumentsTest {

    private static final Instant T = Instant.parse("2024-06-01T08:00:00Z");

    /** The step's data as one JSON value written whole: {inputs, sources, outputs, nodeState}. */
    private static String whole(Step step) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("inputs", maps(step.inputs()));
        List<Object> sources = new ArrayList<>();
        for (SourceRef s : step.sources()) {
            sources.add(s == null ? null : Map.of("node", s.node(), "outputIndex", s.outputIndex(), "runIndex", s.runIndex()));
        }
        data.put("sources", sources);
        data.put("outputs", step.outputs() == null ? null : maps(step.outputs()));
        data.put("nodeState", step.nodeState());
        return Json.write(data);
    }

    private static List<Object> maps(List<List<Item>> lists) {
        List<Object> out = new ArrayList<>();
        for (List<Item> items : lists) {
            out.add(items == null ? null : items.stream().map(Item::toMap).toList());
        }
        return out;
    }

    @Test
    void itemsSharedByStepsPairedItemsBinaryDataAndMissingListsAreWrittenAsTheWholeWouldBe() {
        Map<String, Object> order = new LinkedHashMap<>(Map.of("id", 7L, "note", "naïve \"quoted\"", "lines", List.of(1L, 2.5)));
        Item received = Item.of(order);
        Item paired = received.withPairedItems(List.of(new PairedItem(0, 0), new PairedItem(1, 1)));
        Item file = new Item(Map.of("name", "a.txt"), Map.of("data", Map.of("mimeType", "text/plain", "data", "aGk=")),
                PairedItem.listOf(0));
        Step first = new Step(0, "Hook", 0, StepStatus.SUCCEEDED, T, T, 1, List.of(List.of(received)),
                Arrays.asList((SourceRef) null), List.of(List.of(received)), null, null, Map.of(), null);
        Step second = new Step(1, "Split", 0, StepStatus.SUCCEEDED, T, T, 1,
                Arrays.asList(List.of(received, paired), null, List.of()),
                List.of(new SourceRef("Hook", 0, 0)), Arrays.asList(List.of(paired, file), null),
                null, null, Map.of("left", List.of("x")), null);
        Step waiting = new Step(2, "Wait", 0, StepStatus.WAITING, T, null, 1, List.of(List.of(file)),
                List.of(new SourceRef("Split", 0, 0)), null, null, null, null, T);
        StepDocuments.ItemTexts sharedByOneHandOver = new StepDocuments.ItemTexts();
        for (Step step : List.of(first, second, waiting)) {
            String data = StepDocuments.write("r", step, item -> item, sharedByOneHandOver).getString("data");
            assertThat(data).as(step.node()).isEqualTo(whole(step));
            assertThat(StepDocuments.read(StepDocuments.write("r", step), m -> m).outputs())
                    .as(step.node() + " read back").isEqualTo(step.outputs());
        }
    }
}
