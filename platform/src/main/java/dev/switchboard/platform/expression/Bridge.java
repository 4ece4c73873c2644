package dev.switchboard.platform.expression;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;

import dev.switchboard.platform.json.Json;
import dev.switchboard.platform.node.Item;

/**
 * The only door between a sandbox and the engine: a handful of functions that hand data to the
 * prelude as JSON text. Data crosses by value, so a script can change what it got without touching
 * the run's data.
 */
final class Bridge implements ProxyObject {

    volatile ExpressionData data;

    /** Loads Luxon into the sandbox, on the first use of a date. */
    volatile Runnable luxonLoader = () -> {
    };

    private final Map<String, ProxyExecutable> members = Map.of(
            "items", this::items,
            "item", this::item,
            "paired", this::paired,
            "params", args -> Json.write(args[0].isNull() ? data.parameters() : data.parameters(args[0].asString())),
            "state", args -> Json.write(args[0].isNull() ? data.nodeState(data.nodeName()) : data.nodeState(args[0].asString())),
            "info", args -> Json.write(info()),
            "exists", args -> data.nodeExists(args[0].asString()),
            "log", args -> {
                data.log().info(args[0].asString());
                return null;
            },
            "nowMs", args -> (double) data.now().toEpochMilli(),
            "loadLuxon", args -> {
                luxonLoader.run();
                return null;
            });

    private Object items(Value... args) {
        ExpressionData d = data;
        int output = args[1].asInt();
        if (args[0].isNull()) {
            return writeItems(output == 0 ? d.input() : d.input(output));
        }
        String node = args[0].asString();
        if (!d.nodeExists(node)) {
            return error("Referenced node \"" + node + "\" doesn't exist");
        }
        List<Item> items = d.nodeOutput(node, output, args[2].asInt());
        return items == null ? null : writeItems(items);
    }

    private Object item(Value... args) {
        List<Item> input = data.input();
        int index = args[0].asInt();
        return index < 0 || index >= input.size() ? null : Json.write(input.get(index).toMap());
    }

    private Object paired(Value... args) {
        ExpressionData d = data;
        String node = args[0].asString();
        if (!d.nodeExists(node)) {
            return error("Referenced node \"" + node + "\" doesn't exist");
        }
        try {
            Item item = d.pairedItem(node, args[1].asInt());
            return Json.write(item == null ? null : item.toMap());
        } catch (ExpressionException e) {
            return error(e.getMessage());
        }
    }

    private static String error(String message) {
        return Json.write(Map.of("__error", message));
    }

    private static String writeItems(List<Item> items) {
        List<Object> out = new ArrayList<>(items.size());
        for (Item i : items) {
            out.add(i.toMap());
        }
        return Json.write(out);
    }

    private Map<String, Object> info() {
        ExpressionData d = data;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("itemIndex", d.itemIndex());
        m.put("runIndex", d.runIndex());
        m.put("node", d.nodeName());
        m.put("workflow", d.workflow());
        m.put("execution", d.execution());
        m.put("vars", d.vars());
        m.put("prevNode", d.previousNode());
        m.put("runIndexes", Map.of());
        return m;
    }

    @Override
    public Object getMember(String key) {
        return members.get(key);
    }

    @Override
    public Object getMemberKeys() {
        return ProxyArray.fromArray((Object[]) members.keySet().toArray(new String[0]));
    }

    @Override
    public boolean hasMember(String key) {
        return members.containsKey(key);
    }

    @Override
    public void putMember(String key, Value value) {
        throw new UnsupportedOperationException("the bridge is read-only");
    }
}
