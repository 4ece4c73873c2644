package dev.switchboard.ui.editor;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;

import dev.switchboard.platform.json.Json;
import dev.switchboard.platform.node.Item;

/**
 * A list of items shown two ways: as a table (a column per top-level field of the first items) and as
 * n8n's JSON. Shows at most {@value #SHOWN} items, and says how many there are.
 */
final class ItemsView extends Composite<Div> {

    static final int SHOWN = 200;
    private static final int MAX_COLUMNS = 30;

    private final Grid<Map<String, Object>> table = new Grid<>();
    private final Pre json = new Pre();
    private final Span count = new Span();

    ItemsView(String id, List<Item> items, String emptyText) {
        getContent().setId(id);
        getContent().setWidthFull();
        count.setId(id + "-count");
        count.getStyle().set("display", "block");
        if (items == null || items.isEmpty()) {
            count.setText(emptyText);
            getContent().add(count);
            return;
        }
        count.setText(items.size() + (items.size() == 1 ? " item" : " items")
                + (items.size() > SHOWN ? " (first " + SHOWN + " shown)" : ""));
        List<Item> shown = items.subList(0, Math.min(SHOWN, items.size()));

        Set<String> columns = new LinkedHashSet<>();
        for (Item item : shown) {
            for (String key : item.json().keySet()) {
                if (columns.size() < MAX_COLUMNS) {
                    columns.add(key);
                }
            }
        }
        table.setId(id + "-table");
        table.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        for (String column : columns) {
            table.addColumn(row -> cell(row.get(column))).setHeader(column).setResizable(true).setAutoWidth(true);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        shown.forEach(i -> rows.add(i.json()));
        table.setItems(rows);
        table.setAllRowsVisible(rows.size() <= 10);
        table.setHeight(rows.size() <= 10 ? null : "320px");

        json.setId(id + "-json");
        List<Object> asJson = new ArrayList<>();
        shown.forEach(i -> asJson.add(i.json()));
        json.setText(Json.writePretty(asJson));
        json.getStyle().set("max-height", "320px").set("overflow", "auto").set("margin", "0");
        json.setVisible(false);

        Tab tableTab = new Tab("Table");
        Tab jsonTab = new Tab("JSON");
        jsonTab.setId(id + "-json-tab");
        Tabs tabs = new Tabs(tableTab, jsonTab);
        tabs.addSelectedChangeListener(e -> {
            boolean showJson = e.getSelectedTab() == jsonTab;
            table.setVisible(!showJson);
            json.setVisible(showJson);
        });
        getContent().add(count, tabs, table, json);
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        return value instanceof String s ? s : Json.write(value);
    }

    String countText() {
        return count.getText();
    }

    String jsonText() {
        return json.getText();
    }
}
