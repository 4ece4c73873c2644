package dev.switchboard.platform.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** Run ids are UUIDs whose text sorts in the order the runs were created. */
class RunIdsTest {

    @Test
    void idsAreVersion7UuidsCarryingTheirCreationTime() {
        long before = System.currentTimeMillis();
        UUID id = UUID.fromString(RunIds.next());
        long after = System.currentTimeMillis();

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isBetween(before, after + 1);
    }

    @Test
    void idsMadeOneAfterAnotherSortInThatOrderEvenWithinOneMillisecond() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            ids.add(RunIds.next());
        }
        assertThat(ids).doesNotHaveDuplicates().isSorted();
    }
}
