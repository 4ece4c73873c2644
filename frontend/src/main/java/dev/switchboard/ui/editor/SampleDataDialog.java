package dev.switchboard.ui.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;

import dev.switchboard.platform.json.Json;
import dev.switchboard.platform.node.Item;

/**
 * Sample data for a test run: the items the trigger puts out, as a JSON list of objects (or one object).
 * An object with a {@code json} field is taken as an n8n item.
 */
final class SampleDataDialog extends Dialog {

    private final TextArea json = new TextArea("Items the trigger gives (JSON)");
    private final Span error = new Span();

    SampleDataDialog(Consumer<List<Item>> run) {
        setId("sample-data-dialog");
        setHeaderTitle("Test run with sample data");
        json.setId("sample-data");
        json.setValue("[\n  {\"name\": \"Ada\", \"email\": \"ada@example.com\"}\n]");
        json.setWidth("min(600px, 85vw)");
        json.setHeight("16em");
        json.getStyle().set("font-family", "monospace");
        error.setId("sample-data-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        add(json, error);
        Button go = new Button("Run", e -> {
            try {
                List<Item> items = items(json.getValue());
                close();
                run.accept(items);
            } catch (IllegalArgumentException ex) {
                error.setText(ex.getMessage());
            }
        });
        go.setId("sample-data-run");
        go.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), go);
    }

    /** The items in the text; refused with the reason when it is not a list of objects. */
    @SuppressWarnings("unchecked")
    static List<Item> items(String text) {
        Object parsed;
        try {
            parsed = Json.parse(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Not valid JSON: " + e.getMessage());
        }
        List<?> list = parsed instanceof List<?> l ? l : List.of(parsed);
        List<Item> items = new ArrayList<>();
        for (Object o : list) {
            if (!(o instanceof Map<?, ?> m)) {
                throw new IllegalArgumentException("Each item must be a JSON object, not " + Json.write(o));
            }
            Map<String, Object> map = (Map<String, Object>) m;
            items.add(map.get("json") instanceof Map<?, ?> j && map.size() <= 3 ? Item.of((Map<String, Object>) j)
                    : Item.of(map));
        }
        return items;
    }
}
