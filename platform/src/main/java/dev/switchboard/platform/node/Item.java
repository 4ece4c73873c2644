package dev.switchboard.platform.node;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.switchboard.platform.json.Json;

/**
 * One item of data moving between nodes: a JSON object, optional binary attachments (by property
 * name: {@code mimeType}, {@code fileName}, {@code data} in base64 or an {@code id} in storage) and
 * its lineage. Items are treated as immutable: a node that changes one copies its json first
 * ({@link #jsonCopy()}).
 */
public record Item(Map<String, Object> json, Map<String, Object> binary, List<PairedItem> pairedItem) {

    public Item {
        json = json == null ? new LinkedHashMap<>() : json;
        binary = binary == null ? Map.of() : binary;
        pairedItem = pairedItem == null ? List.of() : pairedItem;
    }

    public static Item of(Map<String, Object> json) {
        return new Item(json, null, null);
    }

    public static Item of(Map<String, Object> json, int pairedWith) {
        return new Item(json, null, PairedItem.listOf(pairedWith));
    }

    /** A deep copy of the json, safe to change. */
    public Map<String, Object> jsonCopy() {
        return Json.copy(json);
    }

    public Item withJson(Map<String, Object> newJson) {
        return new Item(newJson, binary, pairedItem);
    }

    public Item withPairedItem(int index) {
        return new Item(json, binary, PairedItem.listOf(index));
    }

    public Item withPairedItems(List<PairedItem> lineage) {
        return new Item(json, binary, lineage);
    }

    public Item withBinary(Map<String, Object> newBinary) {
        return new Item(json, newBinary, pairedItem);
    }

    /** The item as n8n writes it: {@code {"json": ..., "binary": ..., "pairedItem": ...}}. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("json", json);
        if (!binary.isEmpty()) {
            m.put("binary", binary);
        }
        if (!pairedItem.isEmpty()) {
            m.put("pairedItem", pairedItem.size() == 1 && pairedItem.get(0).input() == 0
                    ? Map.of("item", pairedItem.get(0).item())
                    : pairedItem.stream().map(p -> Map.of("item", p.item(), "input", p.input())).toList());
        }
        return m;
    }

    /** Reads n8n's item shape; a plain object without {@code json} becomes the item's json. */
    @SuppressWarnings("unchecked")
    public static Item fromMap(Map<String, Object> m) {
        if (m.get("json") instanceof Map<?, ?> json) {
            Map<String, Object> binary = m.get("binary") instanceof Map<?, ?> b ? (Map<String, Object>) b : null;
            return new Item((Map<String, Object>) json, binary, readPaired(m.get("pairedItem")));
        }
        return Item.of(m);
    }

    private static List<PairedItem> readPaired(Object value) {
        if (value instanceof Number n) {
            return List.of(PairedItem.of(n.intValue()));
        }
        if (value instanceof Map<?, ?> p && p.get("item") instanceof Number n) {
            return List.of(new PairedItem(n.intValue(), p.get("input") instanceof Number i ? i.intValue() : 0));
        }
        if (value instanceof List<?> list) {
            return list.stream().flatMap(v -> readPaired(v).stream()).toList();
        }
        return List.of();
    }
}
