package dev.switchboard.ui.editor;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;

import dev.switchboard.platform.json.Json;
import dev.switchboard.platform.node.ParameterSpec;
import dev.switchboard.platform.node.ParameterType;

/**
 * One parameter in the node panel: the field its type calls for, and (where the parameter allows
 * expressions) a switch to an expression editor that shows the result on the current input item as
 * the user types.
 */
final class ParameterField extends Composite<Div> implements com.vaadin.flow.component.HasSize {

    private final ParameterSpec spec;
    private final Object original;
    private final Component fixedEditor;
    private final TextArea expression = new TextArea();
    private final Span preview = new Span();
    private final Span error = new Span();
    private final Button mode = new Button();
    private final Function<String, String> previewer;
    private RowsEditor rows;
    private boolean expressionMode;
    private boolean changed;
    private Runnable onChange = () -> { };

    /**
     * @param value     the stored value, or null when the node does not set it (the default applies)
     * @param previewer what an expression gives on the current input item (a text to show)
     */
    ParameterField(ParameterSpec spec, Object value, boolean readOnly, Function<String, String> previewer) {
        this.spec = spec;
        this.original = value;
        this.previewer = previewer;
        Object shown = value == null ? spec.defaultValue() : value;
        this.fixedEditor = fixedEditor(shown instanceof String s && s.startsWith("=") ? spec.defaultValue() : shown);
        String base = "param-" + spec.name();
        getContent().setId(base);
        getContent().addClassName("sb-parameter");

        Span label = new Span(spec.label() + (spec.required() ? " *" : ""));
        label.getStyle().set("font-weight", "600");
        HorizontalLayout head = new HorizontalLayout(label);
        head.setAlignItems(FlexComponent.Alignment.BASELINE);
        if (spec.expressionAllowed() && spec.type() != ParameterType.CODE && spec.type() != ParameterType.NOTICE
                && spec.type() != ParameterType.CREDENTIAL) {
            mode.setId(base + "-mode");
            mode.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            mode.addClickListener(e -> setExpressionMode(!expressionMode));
            mode.setEnabled(!readOnly);
            head.add(mode);
        }
        expression.setId(base + "-expression");
        expression.setWidthFull();
        expression.getStyle().set("font-family", "monospace");
        expression.setValueChangeMode(ValueChangeMode.EAGER);
        expression.setReadOnly(readOnly);
        expression.addValueChangeListener(e -> {
            changed = true;
            updatePreview();
            onChange.run();
        });
        preview.setId(base + "-preview");
        preview.getStyle().set("font-family", "monospace").set("font-size", "var(--lumo-font-size-s)")
                .set("white-space", "pre-wrap");
        error.setId(base + "-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)").set("font-size", "var(--lumo-font-size-s)");
        setReadOnly(fixedEditor, readOnly);

        getContent().add(head, fixedEditor, expression, preview, error);
        if (!spec.help().isBlank()) {
            Span help = new Span(spec.help());
            help.getStyle().set("display", "block").set("color", "var(--lumo-secondary-text-color)")
                    .set("font-size", "var(--lumo-font-size-s)");
            getContent().add(help);
        }
        boolean isExpression = value instanceof String s && s.startsWith("=");
        if (isExpression) {
            expression.setValue(((String) value).substring(1));
        }
        setExpressionMode(isExpression);
        changed = false;
    }

    ParameterSpec spec() {
        return spec;
    }

    void onChange(Runnable listener) {
        this.onChange = listener;
    }

    /** Whether the user changed the value. */
    boolean changed() {
        return changed;
    }

    /** The problem with what was typed (JSON that does not parse), or null. */
    String problem() {
        return error.getText().isBlank() ? null : error.getText();
    }

    /** The value to store: an expression string ({@code "=..."}) or the fixed value in its type. */
    Object value() {
        if (!changed) {
            return original;
        }
        if (expressionMode) {
            return "=" + expression.getValue();
        }
        return fixedValue();
    }

    void setExpressionMode(boolean on) {
        if (on && !expressionMode && expression.getValue().isEmpty()) {
            Object fixed = fixedValue();
            expression.setValue(fixed == null ? "" : fixed instanceof String s ? s : Json.write(fixed));
        }
        if (expressionMode != on) {
            changed = true;
        }
        expressionMode = on;
        fixedEditor.setVisible(!on);
        expression.setVisible(on);
        preview.setVisible(on);
        mode.setText(on ? "Expression" : "Fixed");
        mode.getElement().setAttribute("title", on ? "Switch to a fixed value" : "Switch to an expression");
        updatePreview();
        onChange.run();
    }

    boolean expressionMode() {
        return expressionMode;
    }

    TextArea expressionEditor() {
        return expression;
    }

    Component fixedEditor() {
        return fixedEditor;
    }

    String previewText() {
        return preview.getText();
    }

    private void updatePreview() {
        if (expressionMode) {
            preview.setText(previewer.apply("=" + expression.getValue()));
        }
    }

    private Component fixedEditor(Object value) {
        String id = "param-" + spec.name() + "-value";
        Component editor = switch (spec.type()) {
            case STRING, DATE_TIME -> {
                TextField f = new TextField();
                f.setValue(value == null ? "" : String.valueOf(value));
                f.setValueChangeMode(ValueChangeMode.EAGER);
                if (spec.secret()) {
                    f.setPlaceholder("(hidden)");
                }
                yield f;
            }
            case NUMBER -> {
                NumberField f = new NumberField();
                if (value instanceof Number n) {
                    f.setValue(n.doubleValue());
                }
                f.setValueChangeMode(ValueChangeMode.EAGER);
                yield f;
            }
            case BOOLEAN -> new Checkbox(spec.label(), Boolean.TRUE.equals(value));
            case OPTIONS -> {
                ComboBox<String> f = new ComboBox<>();
                f.setItems(spec.options());
                if (value != null && spec.options().contains(String.valueOf(value))) {
                    f.setValue(String.valueOf(value));
                }
                yield f;
            }
            case MULTI_OPTIONS -> {
                MultiSelectComboBox<String> f = new MultiSelectComboBox<>();
                f.setItems(spec.options());
                if (value instanceof List<?> list) {
                    f.setValue(new LinkedHashSet<>(list.stream().map(String::valueOf).filter(spec.options()::contains).toList()));
                }
                yield f;
            }
            case FIXED_COLLECTION -> {
                if (!spec.rows().isEmpty()) {
                    rows = new RowsEditor(spec.rows(), value instanceof Map<?, ?> m ? m : Map.of());
                    rows.onChange(() -> {
                        changed = true;
                        onChange.run();
                    });
                    yield rows;
                }
                yield jsonArea(value);
            }
            case COLLECTION, JSON -> jsonArea(value);
            case CODE -> {
                CodeEditor f = new CodeEditor();
                f.setValue(value == null ? "" : String.valueOf(value));
                yield f;
            }
            case CREDENTIAL, NOTICE -> new Span(value == null ? "" : String.valueOf(value));
        };
        if (editor instanceof HasValue<?, ?> field) {
            field.addValueChangeListener(e -> {
                changed = true;
                checkJson();
                onChange.run();
            });
        }
        editor.setId(id);
        if (editor instanceof com.vaadin.flow.component.HasSize sized) {
            sized.setWidthFull();
        }
        return editor;
    }

    private TextArea jsonArea(Object value) {
        TextArea f = new TextArea();
        f.setValue(value == null ? "" : value instanceof String s ? s : Json.writePretty(value));
        f.getStyle().set("font-family", "monospace");
        f.setValueChangeMode(ValueChangeMode.LAZY);
        return f;
    }

    private void checkJson() {
        error.setText("");
        if ((spec.type() == ParameterType.COLLECTION || spec.type() == ParameterType.FIXED_COLLECTION) && rows == null
                && fixedEditor instanceof TextArea area && !area.getValue().isBlank()) {
            try {
                if (!(Json.parse(area.getValue()) instanceof Map)) {
                    error.setText(spec.label() + ": expected a JSON object");
                }
            } catch (RuntimeException e) {
                error.setText(spec.label() + ": not valid JSON: " + e.getMessage());
            }
        }
    }

    @SuppressWarnings("unchecked")
    private Object fixedValue() {
        return switch (fixedEditor) {
            case RowsEditor r -> r.value();
            case CodeEditor c -> c.getValue();
            case Checkbox c -> c.getValue();
            case NumberField n -> n.getValue() == null ? null : Json.number(n.getValue());
            case MultiSelectComboBox<?> m -> new ArrayList<>((java.util.Set<String>) m.getValue());
            case ComboBox<?> c -> c.getValue();
            case TextArea a when spec.type() == ParameterType.COLLECTION || spec.type() == ParameterType.FIXED_COLLECTION -> {
                if (a.getValue().isBlank()) {
                    yield Map.of();
                }
                try {
                    yield Json.parse(a.getValue());
                } catch (RuntimeException e) {
                    yield original;
                }
            }
            case TextArea a -> a.getValue();
            case TextField t -> t.getValue();
            default -> original;
        };
    }

    private static void setReadOnly(Component c, boolean readOnly) {
        if (c instanceof HasValue<?, ?> v) {
            v.setReadOnly(readOnly);
        } else if (c instanceof RowsEditor r) {
            r.setReadOnly(readOnly);
        }
    }
}
