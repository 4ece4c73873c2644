package dev.switchboard.nodes.transform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import dev.switchboard.platform.json.JsValues;
import dev.switchboard.platform.node.Item;
import dev.switchboard.platform.node.NodeContext;
import dev.switchboard.platform.node.NodeException;
import dev.switchboard.platform.node.ScriptMode;

/** Reordering items: by fields, at random, or by a JavaScript comparator; shared by Sort and Item Lists. */
final class SortLogic {

    /** The comparator n8n proposes in its code editor. */
    static final String DEFAULT_CODE = """
            // The two items to compare are in the variables a and b
            // Access the fields in a.json and b.json
            // Return -1 if a should go before b
            // Return 1 if b should go before a
            // Return 0 if there's no difference

            fieldName = 'myField';

            if (a.json[fieldName] < b.json[fieldName]) {
            \treturn -1;
            }
            if (a.json[fieldName] > b.json[fieldName]) {
            \treturn 1;
            }
            return 0;""";

    private static final Pattern RETURN = Pattern.compile("\\breturn\\b");

    /** A field to sort by and its direction (1 ascending, -1 descending). */
    record SortField(String name, int direction) {
    }

    private record Indexed(Item item, int index) {
    }

    private SortLogic() {
    }

    static List<SortField> sortFields(Object collection) {
        List<SortField> out = new ArrayList<>();
        for (Map<String, Object> e : ListParams.entries(collection, "sortField")) {
            out.add(new SortField(ListParams.text(e, "fieldName", ""),
                    "descending".equals(ListParams.text(e, "order", "ascending")) ? -1 : 1));
        }
        return out;
    }

    /** The items ordered by the fields (text compared without case), each keeping its lineage. */
    static List<Item> simple(List<Item> items, List<SortField> fields, boolean dotNotation) {
        if (fields.isEmpty()) {
            throw new NodeException("Parameter \"sortFieldsUi\": no sorting specified; add a field to sort by");
        }
        for (SortField f : fields) {
            boolean found = false;
            for (Item item : items) {
                if (FieldPaths.value(item.json(), f.name(), dotNotation) != JsValues.UNDEFINED) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                String hint = !dotNotation && f.name().contains(".")
                        ? " (to reach a nested field, turn off the \"Disable Dot Notation\" option)" : "";
                throw new NodeException("Parameter \"sortFieldsUi\": couldn't find the field '" + f.name()
                        + "' in the input data" + hint);
            }
        }
        List<Indexed> list = indexed(items);
        JsArraySort.sort(list, (a, b) -> {
            for (SortField f : fields) {
                Object x = folded(FieldPaths.value(a.item().json(), f.name(), dotNotation));
                Object y = folded(FieldPaths.value(b.item().json(), f.name(), dotNotation));
                if (!JsValues.deepEqual(x, y)) {
                    return JsSemantics.lodashLessThan(x, y) ? -f.direction() : f.direction();
                }
            }
            return 0;
        });
        return withLineage(list);
    }

    private static Object folded(Object value) {
        return value instanceof String s ? s.toLowerCase(java.util.Locale.ROOT) : value;
    }

    /** The items shuffled. */
    static List<Item> random(List<Item> items) {
        List<Indexed> list = indexed(items);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Indexed t = list.get(i);
            list.set(i, list.get(j));
            list.set(j, t);
        }
        return withLineage(list);
    }

    /**
     * The items ordered by a comparator written as the body of {@code (a, b) => { ... }}, where a and b
     * are items ({@code a.json.field}); it runs in the script sandbox.
     */
    static List<Item> byCode(NodeContext context, List<Item> items, String code) {
        if (!RETURN.matcher(code).find()) {
            throw new NodeException("Parameter \"code\": the sort code doesn't return anything; add a 'return'"
                    + " statement");
        }
        if (items.size() < 2) {
            return withLineage(indexed(items));
        }
        String script = "const __sbCompare = (a, b) => {\n" + code + "\n};\n"
                + "const __sbOrder = items.map((item, index) => ({ item, index }));\n"
                + "__sbOrder.sort((x, y) => __sbCompare(x.item, y.item));\n"
                + "return __sbOrder.map((entry) => entry.index);";
        Object result = context.scripts().run(script, ScriptMode.RUN_ONCE_FOR_ALL_ITEMS, 0, "code");
        if (!(result instanceof List<?> order) || order.size() != items.size()) {
            throw new NodeException("Parameter \"code\": the sort code did not produce an order of the items");
        }
        List<Indexed> list = new ArrayList<>();
        for (Object o : order) {
            int i = ((Number) o).intValue();
            list.add(new Indexed(items.get(i), i));
        }
        return withLineage(list);
    }

    private static List<Indexed> indexed(List<Item> items) {
        List<Indexed> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            out.add(new Indexed(items.get(i), i));
        }
        return out;
    }

    private static List<Item> withLineage(List<Indexed> list) {
        List<Item> out = new ArrayList<>(list.size());
        for (Indexed x : list) {
            out.add(x.item().withPairedItem(x.index()));
        }
        return out;
    }
}
