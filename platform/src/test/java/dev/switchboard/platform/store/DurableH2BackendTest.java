package dev.switchboard.platform.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded database's file is compacted as H2's own housekeeping would: fully while nothing else uses it,
 * and while it is busy only once it is mostly dead space, since a pass holds every commit.
 */
class DurableH2BackendTest {

    /**
     * Writes 10,000 values over 50 commits, then removes all but every {@code keepEvery}-th of the first
     * {@code upTo}, leaving the chunks that held them sparse.
     */
    private static DurableH2Backend sparse(Path dir, int upTo, int keepEvery) throws InterruptedException {
        DurableH2Backend backend = DurableH2Backend.open(dir.resolve("sparse.mv.db").toString(), false);
        MVStore store = backend.mvStore();
        MVMap<Integer, String> map = store.openMap("values");
        for (int commit = 0; commit < 50; commit++) {
            for (int k = 0; k < 200; k++) {
                map.put(commit * 200 + k, "value " + k + " ".repeat(200));
            }
            store.commit();
        }
        for (int k = 0; k < upTo; k++) {
            if (k % keepEvery != 0) {
                map.remove(k);
            }
        }
        store.commit();
        // chunks are rewritten only once older than the retention time (a second)
        Thread.sleep(1_200);
        return backend;
    }

    @Test
    void whileTheFileIsBusyHalfDeadChunksAreLeftUntilItIsIdle(@TempDir Path dir) throws Exception {
        DurableH2Backend backend = sparse(dir, 5_000, 10);
        try {
            assertThat(backend.chunksFillRate()).isBetween(DurableH2Backend.BUSY_COMPACT_BELOW + 5, 75);
            assertThat(backend.compact()).as("the first pass saw the writes: the file is busy").isFalse();
            assertThat(backend.compact()).as("nothing read or wrote the file since: it is idle").isTrue();
        } finally {
            backend.close();
        }
    }

    @Test
    void aFileThatIsMostlyDeadSpaceIsCompactedEvenWhileItIsBusy(@TempDir Path dir) throws Exception {
        DurableH2Backend backend = sparse(dir, 10_000, 10);
        try {
            assertThat(backend.chunksFillRate()).isLessThan(DurableH2Backend.BUSY_COMPACT_BELOW);
            assertThat(backend.compact()).isTrue();
        } finally {
            backend.close();
        }
    }
}
