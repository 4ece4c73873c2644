package dev.switchboard.platform.paging;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list.
 *
 * @param page  the page number, from 0
 * @param size  the most items a page holds
 * @param total how many items the whole list has
 */
public record Page<T>(List<T> items, int page, int size, long total) {

    public Page {
        items = List.copyOf(items);
    }

    public <R> Page<R> map(Function<T, R> f) {
        return new Page<>(items.stream().map(f).toList(), page, size, total);
    }

    /** A checked page request: page from 0, size 1 to 500 (default 50). */
    public record Request(int page, int size) {
        public static final int MAX_SIZE = 500;

        public Request {
            if (page < 0) {
                throw new IllegalArgumentException("page must be 0 or more, not " + page);
            }
            if (size < 1 || size > MAX_SIZE) {
                throw new IllegalArgumentException("size must be between 1 and " + MAX_SIZE + ", not " + size);
            }
        }

        public static Request first(int size) {
            return new Request(0, size);
        }

        public int skip() {
            return page * size;
        }
    }
}
