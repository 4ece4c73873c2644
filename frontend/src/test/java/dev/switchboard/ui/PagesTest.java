package dev.switchboard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.switchboard.platform.paging.Page;

/** A grid's offset and limit read from a store that pages by number and size. */
class PagesTest {

    private static final List<Integer> ALL = IntStream.range(0, 95).boxed().toList();

    private static Page<Integer> store(Page.Request r) {
        return new Page<>(ALL.subList(Math.min(r.skip(), ALL.size()), Math.min(r.skip() + r.size(), ALL.size())), r.page(),
                r.size(), ALL.size());
    }

    @Test
    void anAlignedRangeIsOnePage() {
        assertThat(Pages.fetch(50, 50, PagesTest::store).toList()).isEqualTo(ALL.subList(50, 95));
    }

    @Test
    void aRangeAcrossTwoPagesGetsEveryItemAskedFor() {
        assertThat(Pages.fetch(30, 40, PagesTest::store).toList()).isEqualTo(ALL.subList(30, 70));
    }

    @Test
    void pastTheEndIsEmpty() {
        assertThat(Pages.fetch(100, 50, PagesTest::store).toList()).isEmpty();
    }
}
