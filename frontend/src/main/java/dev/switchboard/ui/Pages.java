package dev.switchboard.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import dev.switchboard.platform.paging.Page;

/**
 * Lazy grids ask for {@code offset} and {@code limit}; the platform's stores page by number and size. This
 * reads the store's pages that cover the asked range (two when the range straddles a page boundary).
 */
final class Pages {

    private Pages() {
    }

    static <T> Stream<T> fetch(int offset, int limit, Function<Page.Request, Page<T>> store) {
        int size = Math.min(Math.max(limit, 1), Page.Request.MAX_SIZE);
        List<T> out = new ArrayList<>(size);
        int next = offset;
        while (out.size() < limit) {
            int number = next / size;
            Page<T> page = store.apply(new Page.Request(number, size));
            List<T> items = page.items();
            int from = next - number * size;
            if (from >= items.size()) {
                break;
            }
            List<T> wanted = items.subList(from, Math.min(items.size(), from + limit - out.size()));
            out.addAll(wanted);
            next += wanted.size();
            if (items.size() < size) {
                break;
            }
        }
        return out.stream();
    }
}
