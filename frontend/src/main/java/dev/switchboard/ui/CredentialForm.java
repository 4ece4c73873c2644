package dev.switchboard.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import dev.switchboard.platform.json.Json;
import dev.switchboard.platform.node.CredentialType;
import dev.switchboard.platform.node.ParameterSpec;

/**
 * The form of a credential type, generated from its declared fields. Secret fields are write-only: they
 * start empty whatever is stored (the stored value never reaches the browser), and one left empty keeps
 * the stored value.
 */
final class CredentialForm extends FormLayout {

    private final Map<String, Component> fields = new LinkedHashMap<>();
    private final CredentialType type;

    /** @param stored the stored data without its secret fields (null for a new credential) */
    CredentialForm(CredentialType type, Map<String, Object> stored) {
        this.type = type;
        boolean isNew = stored == null;
        for (ParameterSpec spec : type.fields()) {
            Object value = isNew ? spec.defaultValue() : stored.get(spec.name());
            Component field = field(spec, spec.secret() ? null : value, isNew);
            field.setId("credential-field-" + spec.name());
            fields.put(spec.name(), field);
            add(field);
        }
    }

    private static Component field(ParameterSpec spec, Object value, boolean isNew) {
        String label = spec.label() + (spec.required() ? " *" : "");
        if (spec.secret()) {
            PasswordField f = new PasswordField(label);
            f.setRevealButtonVisible(false);
            f.setPlaceholder(isNew ? "" : "unchanged (type to replace)");
            f.setHelperText(spec.help());
            return f;
        }
        return switch (spec.type()) {
            case BOOLEAN -> new Checkbox(label, Boolean.TRUE.equals(value));
            case NUMBER -> {
                NumberField f = new NumberField(label);
                if (value instanceof Number n) {
                    f.setValue(n.doubleValue());
                }
                f.setHelperText(spec.help());
                yield f;
            }
            case OPTIONS -> {
                ComboBox<String> f = new ComboBox<>(label, spec.options());
                if (value != null && spec.options().contains(String.valueOf(value))) {
                    f.setValue(String.valueOf(value));
                }
                f.setHelperText(spec.help());
                yield f;
            }
            case JSON, COLLECTION, FIXED_COLLECTION -> {
                TextArea f = new TextArea(label);
                f.setValue(value == null ? "" : value instanceof String s ? s : Json.writePretty(value));
                f.setHelperText(spec.help());
                yield f;
            }
            default -> {
                TextField f = new TextField(label);
                f.setValue(value == null ? "" : String.valueOf(value));
                f.setHelperText(spec.help());
                yield f;
            }
        };
    }

    /**
     * The data to store: every non-secret field, and the secret fields that were typed into. A required
     * field left empty (a secret one only for a new credential) is refused with its label.
     */
    Map<String, Object> data(boolean isNew) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (ParameterSpec spec : type.fields()) {
            Object value = ((HasValue<?, ?>) fields.get(spec.name())).getValue();
            if (value instanceof String s && s.isEmpty()) {
                value = null;
            }
            if (value instanceof Double d && d == Math.rint(d)) {
                value = d.longValue();
            }
            if (value == null && spec.required() && (isNew || !spec.secret())) {
                throw new IllegalArgumentException(spec.label() + " is required");
            }
            if (value != null) {
                data.put(spec.name(), value);
            }
        }
        return data;
    }

    List<String> secretFieldNames() {
        return type.secretFields();
    }

    Component field(String name) {
        return fields.get(name);
    }
}
