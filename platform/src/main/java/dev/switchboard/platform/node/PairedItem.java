package dev.switchboard.platform.node;

/** Lineage: the input item (by index, on which input) an output item came from. */
public record PairedItem(int item, int input) {
    public static PairedItem of(int item) {
        return new PairedItem(item, 0);
    }
}
