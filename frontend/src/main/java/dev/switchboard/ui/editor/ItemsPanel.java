package dev.switchboard.ui.editor;

import java.util.List;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

import dev.switchboard.platform.node.Item;

/** The items of a step's inputs or outputs, one list per port, each as a table and as JSON. */
public final class ItemsPanel {

    private ItemsPanel() {
    }

    public static Component of(String id, String title, List<List<Item>> ports) {
        Div box = new Div();
        box.setId(id);
        Span head = new Span(title);
        head.getStyle().set("font-weight", "600").set("display", "block").set("margin-top", "var(--lumo-space-s)");
        box.add(head);
        if (ports == null || ports.isEmpty()) {
            box.add(new ItemsView(id + "-0", List.of(), "No items"));
            return box;
        }
        for (int i = 0; i < ports.size(); i++) {
            if (ports.size() > 1) {
                box.add(new Span((title.equals("Input") ? "Input " : "Output ") + i));
            }
            box.add(new ItemsView(id + "-" + i, ports.get(i), "No items"));
        }
        return box;
    }
}
