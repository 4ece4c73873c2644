package dev.switchboard.nodes.support;

import java.util.ArrayList;
import java.util.List;

import dev.switchboard.platform.node.Item;
import dev.switchboard.platform.node.NodeContext;
import dev.switchboard.platform.node.NodeException;

/**
 * The per-item loop most nodes run: each input item gives zero or more output items, in input order.
 * A failure for an item either fails the node or, when the node continues on failure, puts that item's
 * {@link ItemFailures#errorItem error item} in its place and goes on with the next item.
 * <p>
 * Two flavours, which differ in what counts as an item's failure: {@link #mapEach} takes only
 * {@link NodeException}s (anything else fails the node as it is), {@link #mapEachNamingItem} takes any
 * runtime exception and fails the node with one that names the item ({@link ItemFailures#forItem}).
 */
public final class ItemLoop {

    /** What one input item gives; may throw a checked exception {@code X}, which always fails the node. */
    @FunctionalInterface
    public interface PerItem<X extends Exception> {
        List<Item> apply(Item item, int itemIndex) throws X;
    }

    private ItemLoop() {
    }

    /** The output of every input item; a {@link NodeException} is rethrown as it is, or continued past. */
    public static <X extends Exception> List<Item> mapEach(NodeContext context, PerItem<X> perItem) throws X {
        return loop(context, perItem, false);
    }

    /** As {@link #mapEach}, but any runtime exception is the item's failure, rethrown naming the item. */
    public static <X extends Exception> List<Item> mapEachNamingItem(NodeContext context, PerItem<X> perItem)
            throws X {
        return loop(context, perItem, true);
    }

    private static <X extends Exception> List<Item> loop(NodeContext context, PerItem<X> perItem, boolean anyFailure)
            throws X {
        List<Item> items = context.items();
        List<Item> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            try {
                out.addAll(perItem.apply(items.get(i), i));
            } catch (RuntimeException e) {
                if (!anyFailure && !(e instanceof NodeException)) {
                    throw e;
                }
                if (!context.continueOnFail()) {
                    throw anyFailure ? ItemFailures.forItem(e, i) : e;
                }
                out.add(ItemFailures.errorItem(e.getMessage(), i));
            }
        }
        return out;
    }
}
