package dev.switchboard.platform.node;

/** Lineage: the input item (by index, on which input) an output item came from. */
public record PairedItem(int item, int input) {

    private static final int CACHED = 1 << 17;
    private static final java.util.concurrent.atomic.AtomicReferenceArray<java.util.List<PairedItem>> LISTS =
            new java.util.concurrent.atomic.AtomicReferenceArray<>(CACHED);

    public static PairedItem of(int item) {
        return new PairedItem(item, 0);
    }

    /**
     * The one-element lineage {@code [{item}]} on input 0, shared for the first 131,072 indexes:
     * most items carry exactly this, so a large run keeps one copy instead of one per item per step.
     */
    public static java.util.List<PairedItem> listOf(int item) {
        if (item < 0 || item >= CACHED) {
            return java.util.List.of(of(item));
        }
        java.util.List<PairedItem> list = LISTS.get(item);
        if (list == null) {
            list = java.util.List.of(of(item));
            LISTS.set(item, list);
        }
        return list;
    }
}
