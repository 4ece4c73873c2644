package dev.switchboard.nodes.support;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.switchboard.platform.node.Item;
import dev.switchboard.platform.node.NodeException;

/**
 * Per-item failure, as nodes report it: the failure names the item that caused it, and a node that
 * continues on failure outputs {@code {error: message}} paired with that item instead.
 */
public final class ItemFailures {

    private ItemFailures() {
    }

    /** The item a node outputs in place of a failed one when it continues on failure. */
    public static Item errorItem(String message, int itemIndex) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("error", message);
        return Item.of(json, itemIndex);
    }

    /**
     * The failure as a {@link NodeException} that names the item: itself when it already names one,
     * otherwise a new one with its message (and description) and the item's index.
     */
    public static NodeException forItem(RuntimeException e, int itemIndex) {
        if (e instanceof NodeException ne && ne.itemIndex() >= 0) {
            return ne;
        }
        return new NodeException(String.valueOf(e.getMessage()), itemIndex,
                e instanceof NodeException ne ? ne.description() : null, e);
    }
}
