package dev.switchboard.nodes.transform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.switchboard.nodes.support.ItemLoop;
import dev.switchboard.platform.json.JsValues;
import dev.switchboard.platform.json.Json;
import dev.switchboard.platform.node.Item;
import dev.switchboard.platform.node.NodeCategory;
import dev.switchboard.platform.node.NodeContext;
import dev.switchboard.platform.node.NodeDescriptor;
import dev.switchboard.platform.node.NodeResult;
import dev.switchboard.platform.node.NodeType;
import dev.switchboard.platform.node.ParameterSpec;
import dev.switchboard.platform.node.ParameterType;

/**
 * Rename Keys: moves values from one key (dot notation allowed) to another, then renames keys that
 * match regular expressions, at any depth or down to a given depth.
 */
public final class RenameKeysNode implements NodeType {

    private static final NodeDescriptor DESCRIPTOR = NodeDescriptor.builder("renameKeys", "Rename Keys", NodeCategory.TRANSFORM)
            .description("Renames fields, by name or by regular expression.")
            .parameters(
                    ParameterSpec.of("keys", "Keys", ParameterType.FIXED_COLLECTION, Map.of())
                            .help("key: a list of {currentKey, newKey}; both may use dot notation (level1.level2.key)."),
                    ParameterSpec.of("additionalOptions", "Additional Options", ParameterType.COLLECTION, Map.of())
                            .help("regexReplacement.replacements: a list of {searchRegex, replaceRegex ($1, $2 for groups), "
                                    + "options {caseInsensitive, depth (-1 for every level, 0 for the top level only)}}; "
                                    + "regular expressions can also rename keys renamed before them."))
            .build();

    @Override
    public NodeDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public NodeResult execute(NodeContext context) {
        return NodeResult.of(ItemLoop.mapEachNamingItem(context, (item, i) -> List.of(rename(context, item, i))));
    }

    private static Item rename(NodeContext context, Item item, int itemIndex) {
        Map<String, Object> json = item.jsonCopy();
        for (Map<String, Object> key : SetLegacyValues.entries(context.parameter("keys.key", itemIndex))) {
            String current = text(key.get("currentKey"));
            String renamed = text(key.get("newKey"));
            if (current.isEmpty() || renamed.isEmpty() || current.equals(renamed)) {
                continue;
            }
            Object value = DotPaths.get(item.json(), current);
            if (value == DotPaths.MISSING) {
                continue;
            }
            DotPaths.set(json, renamed, Json.copy(value));
            DotPaths.unset(json, current);
        }
        for (Map<String, Object> replacement : SetLegacyValues.entries(
                context.parameter("additionalOptions.regexReplacement.replacements", itemIndex))) {
            Map<String, Object> options = SetLegacyValues.map(replacement.get("options"));
            String search = text(replacement.get("searchRegex"));
            RenameKeysRegex regex = RenameKeysRegex.compile(search, Boolean.TRUE.equals(options.get("caseInsensitive")));
            int depth = options.get("depth") instanceof Number n ? n.intValue() : -1;
            renameKeys(json, regex, text(replacement.get("replaceRegex")), depth);
        }
        return new Item(json, item.binary(), null).withPairedItem(itemIndex);
    }

    @SuppressWarnings("unchecked")
    private static void renameKeys(Object node, RenameKeysRegex regex, String replacement, int depth) {
        if (node instanceof List<?> list) {
            if (depth != 0) {
                for (Object element : list) {
                    renameKeys(element, regex, replacement, depth - 1);
                }
            }
            return;
        }
        if (!(node instanceof Map<?, ?>)) {
            return;
        }
        Map<String, Object> map = (Map<String, Object>) node;
        for (String key : new ArrayList<>(map.keySet())) {
            if (!map.containsKey(key)) {
                continue;
            }
            Object value = map.get(key);
            if ((value instanceof Map || value instanceof List) && depth != 0) {
                renameKeys(value, regex, replacement, depth - 1);
            }
            String renamed = regex.replaceFirst(key, replacement);
            if (!renamed.equals(key)) {
                map.put(renamed, map.get(key));
                map.remove(key);
            }
        }
    }

    private static String text(Object value) {
        return value == null ? "" : JsValues.string(value);
    }

    /** It computes its output from its input and parameters, and touches nothing outside the run. */
    @Override
    public boolean onlyComputes(double version, java.util.Map<String, Object> parameters) {
        return true;
    }
}
