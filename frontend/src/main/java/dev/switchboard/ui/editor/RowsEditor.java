package dev.switchboard.ui.editor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;

/**
 * A fixed collection edited as rows: for each group the parameter declares ({@code assignments}), a
 * list of rows with one text field per declared field and buttons to add and remove rows. A value
 * that starts with {@code =} is an expression, as everywhere in n8n's format. Fields of a row that the
 * form does not declare are kept as they were.
 */
final class RowsEditor extends Composite<Div> {

    private final Map<String, List<String>> groups;
    private final Map<String, List<Row>> rows = new LinkedHashMap<>();
    private final Map<String, Div> groupBoxes = new LinkedHashMap<>();
    private final Map<String, Object> kept = new LinkedHashMap<>();
    private Runnable onChange = () -> { };
    private boolean readOnly;

    private record Row(Map<String, Object> original, Map<String, TextField> fields, HorizontalLayout layout) {
    }

    RowsEditor(Map<String, List<String>> groups, Map<?, ?> value) {
        this.groups = groups;
        value.forEach((k, v) -> {
            if (!groups.containsKey(String.valueOf(k))) {
                kept.put(String.valueOf(k), v);
            }
        });
        groups.forEach((group, fields) -> {
            Div box = new Div();
            box.setId("rows-" + group);
            groupBoxes.put(group, box);
            rows.put(group, new ArrayList<>());
            if (groups.size() > 1) {
                getContent().add(new Span(group));
            }
            Button add = new Button("Add " + (groups.size() > 1 ? group : "field"), e -> {
                addRow(group, Map.of());
                onChange.run();
            });
            add.setId("rows-" + group + "-add");
            add.addThemeVariants(ButtonVariant.LUMO_SMALL);
            getContent().add(box, add);
            if (value.get(group) instanceof List<?> list) {
                for (Object row : list) {
                    if (row instanceof Map<?, ?> m) {
                        Map<String, Object> copy = new LinkedHashMap<>();
                        m.forEach((k, v) -> copy.put(String.valueOf(k), v));
                        addRow(group, copy);
                    }
                }
            }
        });
    }

    void onChange(Runnable listener) {
        this.onChange = listener;
    }

    void setReadOnly(boolean value) {
        this.readOnly = value;
        rows.values().forEach(list -> list.forEach(r -> r.fields().values().forEach(f -> f.setReadOnly(value))));
    }

    private void addRow(String group, Map<String, Object> original) {
        List<Row> list = rows.get(group);
        int index = list.size();
        Map<String, TextField> fields = new LinkedHashMap<>();
        HorizontalLayout layout = new HorizontalLayout();
        layout.setWidthFull();
        for (String field : groups.get(group)) {
            TextField f = new TextField();
            f.setPlaceholder(field);
            f.setId("rows-" + group + "-" + index + "-" + field);
            Object v = original.get(field);
            f.setValue(v == null ? "" : String.valueOf(v));
            f.setValueChangeMode(ValueChangeMode.EAGER);
            f.setReadOnly(readOnly);
            f.addValueChangeListener(e -> onChange.run());
            layout.addAndExpand(f);
            fields.put(field, f);
        }
        Button remove = new Button("Remove");
        remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        Row row = new Row(original, fields, layout);
        remove.addClickListener(e -> {
            if (!readOnly) {
                list.remove(row);
                groupBoxes.get(group).remove(layout);
                onChange.run();
            }
        });
        layout.add(remove);
        list.add(row);
        groupBoxes.get(group).add(layout);
    }

    /** The collection: the kept groups, then each declared group's rows (empty rows left out). */
    Map<String, Object> value() {
        Map<String, Object> out = new LinkedHashMap<>(kept);
        rows.forEach((group, list) -> {
            List<Object> values = new ArrayList<>();
            for (Row r : list) {
                Map<String, Object> row = new LinkedHashMap<>(r.original());
                boolean empty = true;
                for (var e : r.fields().entrySet()) {
                    String text = e.getValue().getValue();
                    empty &= text.isEmpty();
                    if (text.isEmpty() && !r.original().containsKey(e.getKey())) {
                        continue;
                    }
                    row.put(e.getKey(), text);
                }
                if (!empty) {
                    values.add(row);
                }
            }
            if (!values.isEmpty()) {
                out.put(group, values);
            }
        });
        return out;
    }
}
