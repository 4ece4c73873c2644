package dev.switchboard.ui.editor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import dev.switchboard.platform.credential.Credential;
import dev.switchboard.platform.node.Item;
import dev.switchboard.platform.node.NodeType;
import dev.switchboard.platform.node.ParameterSpec;
import dev.switchboard.platform.run.Step;
import dev.switchboard.platform.workflow.OnError;
import dev.switchboard.platform.workflow.WorkflowNode;

/**
 * A node's panel, generated from its type's descriptor: the parameters (each fixed or an
 * expression), the credentials it accepts, the node settings, and the input and output of the last
 * test run, with a button to pin that output. "Done" hands the changed node back.
 */
final class NodePanel extends Dialog {

    /** What the panel needs from the editor besides the node. */
    record Context(NodeType type, boolean readOnly, Step lastStep, List<Map<String, Object>> pinned,
            Function<String, String> previewer, Function<String, List<Credential>> credentialsOfType,
            String webhookBase, Runnable runToHere) {
    }

    private final WorkflowNode node;
    private final Context context;
    private final List<ParameterField> fields = new ArrayList<>();
    private final Map<String, ComboBox<Credential>> credentialPickers = new LinkedHashMap<>();
    private final TextField name = new TextField("Name");
    private final Checkbox disabled = new Checkbox("Disabled (the node passes its input on unchanged)");
    private final Checkbox alwaysOutput = new Checkbox("Always output data (an empty item when there is none)");
    private final Checkbox executeOnce = new Checkbox("Execute once (only for the first item)");
    private final Checkbox retry = new Checkbox("Retry on fail");
    private final IntegerField maxTries = new IntegerField("Max tries");
    private final IntegerField waitBetween = new IntegerField("Wait between tries (ms)");
    private final Select<OnError> onError = new Select<>();
    private final TextArea notes = new TextArea("Notes");
    private final Span problem = new Span();

    NodePanel(WorkflowNode node, Context context, BiConsumer<String, WorkflowNode> onDone,
            BiConsumer<String, List<Map<String, Object>>> onPin) {
        this.node = node;
        this.context = context;
        setId("node-panel");
        String typeName = context.type() == null ? node.type() : context.type().descriptor().displayName();
        setHeaderTitle(node.name().equals(typeName) ? node.name() : node.name() + " · " + typeName);
        setWidth("min(960px, 95vw)");
        setHeight("85vh");

        TabSheet tabs = new TabSheet();
        tabs.setSizeFull();
        tabs.add("Parameters", parameters());
        tabs.add("Settings", settings());
        tabs.add("Input", items("node-input", inputItems(), "No input yet: run the workflow to see what arrives here."));
        tabs.add("Output", output(onPin));
        add(tabs);

        problem.setId("node-problem");
        problem.getStyle().set("color", "var(--lumo-error-text-color)");
        Button cancel = new Button("Cancel", e -> close());
        if (context.runToHere() != null) {
            Button runTo = new Button("Run up to here", e -> {
                close();
                context.runToHere().run();
            });
            runTo.setId("node-run-to");
            getFooter().add(runTo);
        }
        Button done = new Button(context.readOnly() ? "Close" : "Done", e -> {
            if (context.readOnly()) {
                close();
                return;
            }
            String message = fields.stream().filter(Component::isVisible).map(ParameterField::problem)
                    .filter(p -> p != null).findFirst().orElse(null);
            if (message != null) {
                problem.setText(message);
                return;
            }
            try {
                onDone.accept(node.name(), updated());
                close();
            } catch (DraftEditor.EditException ex) {
                problem.setText(ex.getMessage());
            }
        });
        done.setId("node-done");
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(problem, cancel, done);
    }

    private Component parameters() {
        VerticalLayout form = new VerticalLayout();
        form.setPadding(false);
        name.setValue(node.name());
        name.setId("node-name");
        name.setWidthFull();
        name.setReadOnly(context.readOnly());
        form.add(name);
        if (context.type() == null) {
            form.add(new Span("Unknown node type " + node.type() + ": its parameters are kept as they are."));
            return form;
        }
        var descriptor = context.type().descriptor();
        if (!descriptor.description().isBlank()) {
            Span about = new Span(descriptor.description());
            about.getStyle().set("color", "var(--lumo-secondary-text-color)");
            form.add(about);
        }
        if (context.webhookBase() != null && node.parameters().get("path") instanceof String path && !path.isBlank()) {
            form.add(webhookUrl("Test URL", context.webhookBase() + "/webhook-test/" + path, "webhook-test-url"),
                    webhookUrl("Production URL", context.webhookBase() + "/webhook/" + path, "webhook-url"));
        }
        for (String credentialType : descriptor.credentials()) {
            ComboBox<Credential> picker = new ComboBox<>("Credential: " + credentialType);
            picker.setId("credential-" + credentialType);
            picker.setItems(context.credentialsOfType().apply(credentialType));
            picker.setItemLabelGenerator(Credential::name);
            picker.setClearButtonVisible(true);
            picker.setReadOnly(context.readOnly());
            picker.setWidthFull();
            if (node.credentials().get(credentialType) instanceof Map<?, ?> ref && ref.get("id") != null) {
                context.credentialsOfType().apply(credentialType).stream()
                        .filter(c -> c.id().equals(ref.get("id"))).findFirst().ifPresent(picker::setValue);
            }
            credentialPickers.put(credentialType, picker);
            form.add(picker);
        }
        for (ParameterSpec spec : descriptor.parameters()) {
            if (!spec.versions().isEmpty() && !spec.versions().contains(node.typeVersion())) {
                continue;
            }
            ParameterField field = new ParameterField(spec, node.parameters().get(spec.name()), context.readOnly(),
                    context.previewer());
            field.setWidthFull();
            fields.add(field);
            form.add(field);
        }
        fields.forEach(f -> f.onChange(this::showApplicable));
        showApplicable();
        return form;
    }

    private Component webhookUrl(String label, String url, String id) {
        TextField field = new TextField(label);
        field.setValue(url);
        field.setReadOnly(true);
        field.setId(id);
        field.setWidthFull();
        Button copy = new Button("Copy");
        copy.setId(id + "-copy");
        copy.addClickListener(e -> copy.getElement().executeJs("navigator.clipboard.writeText($0)", url));
        HorizontalLayout row = new HorizontalLayout(field, copy);
        row.setWidthFull();
        row.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        row.expand(field);
        return row;
    }

    /** Shows only the parameters that apply with the values now in the form (n8n's displayOptions). */
    private void showApplicable() {
        Map<String, Object> values = currentParameters();
        for (ParameterField f : fields) {
            f.setVisible(f.spec().appliesTo(node.typeVersion(), key -> {
                Object v = values.get(key);
                if (v != null) {
                    return v;
                }
                return fields.stream().filter(o -> o.spec().name().equals(key)).map(o -> o.spec().defaultValue())
                        .filter(d -> d != null).findFirst().orElse(null);
            }));
        }
    }

    private Component settings() {
        VerticalLayout form = new VerticalLayout();
        form.setPadding(false);
        disabled.setValue(node.disabled());
        disabled.setId("setting-disabled");
        alwaysOutput.setValue(node.alwaysOutputData());
        executeOnce.setValue(node.executeOnce());
        retry.setValue(node.retryOnFail());
        maxTries.setValue(node.maxTries());
        maxTries.setMin(1);
        maxTries.setMax(10);
        waitBetween.setValue((int) node.waitBetweenTries());
        waitBetween.setMin(0);
        onError.setLabel("On error");
        onError.setItems(OnError.values());
        onError.setItemLabelGenerator(e -> switch (e) {
            case STOP_WORKFLOW -> "Stop the workflow";
            case CONTINUE_REGULAR_OUTPUT -> "Continue (failed items on the regular output)";
            case CONTINUE_ERROR_OUTPUT -> "Continue (failed items on an error output)";
        });
        onError.setValue(node.onError());
        onError.setId("setting-on-error");
        notes.setValue(node.notes() == null ? "" : node.notes());
        notes.setWidthFull();
        for (var c : List.of(disabled, alwaysOutput, executeOnce, retry)) {
            c.setReadOnly(context.readOnly());
        }
        maxTries.setReadOnly(context.readOnly());
        waitBetween.setReadOnly(context.readOnly());
        onError.setReadOnly(context.readOnly());
        notes.setReadOnly(context.readOnly());
        form.add(disabled, alwaysOutput, executeOnce, retry, new HorizontalLayout(maxTries, waitBetween), onError, notes);
        return form;
    }

    private List<Item> inputItems() {
        Step step = context.lastStep();
        if (step == null || step.inputs() == null || step.inputs().isEmpty() || step.inputs().get(0) == null) {
            return List.of();
        }
        return step.inputs().get(0);
    }

    private Component output(BiConsumer<String, List<Map<String, Object>>> onPin) {
        VerticalLayout box = new VerticalLayout();
        box.setPadding(false);
        Step step = context.lastStep();
        if (context.pinned() != null) {
            Span pinnedNote = new Span("Pinned: test runs use these items instead of running the node.");
            pinnedNote.setId("node-pinned");
            List<Item> pinnedItems = context.pinned().stream().map(m -> Item.of(m.get("json") instanceof Map<?, ?> j
                    ? castMap(j) : m)).toList();
            Button unpin = new Button("Unpin", e -> {
                onPin.accept(node.name(), null);
                close();
            });
            unpin.setId("node-unpin");
            unpin.setEnabled(!context.readOnly());
            box.add(pinnedNote, unpin, items("node-output-pinned", pinnedItems, ""));
        }
        if (step == null) {
            box.add(items("node-output", List.of(), "No output yet: run the workflow to see what this node gives."));
            return box;
        }
        Span status = new Span("Last run: " + step.status().label() + " in " + step.durationMillis() + " ms, "
                + step.attempts() + (step.attempts() == 1 ? " attempt" : " attempts"));
        status.setId("node-step-status");
        box.add(status);
        if (step.error() != null) {
            Span error = new Span(step.error().describe());
            error.setId("node-error");
            error.getStyle().set("color", "var(--lumo-error-text-color)");
            box.add(error);
        }
        List<List<Item>> outputs = step.outputs() == null ? List.of() : step.outputs();
        List<String> labels = CanvasGraph.outputs(context.type(), node);
        for (int i = 0; i < outputs.size(); i++) {
            if (outputs.size() > 1) {
                box.add(new Span("Output " + (i < labels.size() && !labels.get(i).isBlank() ? labels.get(i) : i)));
            }
            box.add(items(i == 0 ? "node-output" : "node-output-" + i, outputs.get(i) == null ? List.of() : outputs.get(i),
                    "No items on this output"));
        }
        if (!outputs.isEmpty() && outputs.get(0) != null && !outputs.get(0).isEmpty()) {
            Button pin = new Button("Pin this output", e -> {
                List<Map<String, Object>> pinned = new ArrayList<>();
                outputs.get(0).forEach(item -> pinned.add(Map.of("json", item.json())));
                onPin.accept(node.name(), pinned);
                close();
            });
            pin.setId("node-pin");
            pin.setEnabled(!context.readOnly());
            box.add(pin);
        }
        if (step.logs() != null && !step.logs().isEmpty()) {
            Div logs = new Div();
            logs.setId("node-logs");
            logs.getStyle().set("font-family", "monospace").set("white-space", "pre-wrap");
            logs.setText(String.join("\n", step.logs()));
            box.add(new Span("Logs"), logs);
        }
        return box;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }

    private static Component items(String id, List<Item> items, String emptyText) {
        return new ItemsView(id, items, emptyText);
    }

    private Map<String, Object> currentParameters() {
        Map<String, Object> values = new LinkedHashMap<>(node.parameters());
        for (ParameterField f : fields) {
            if (f.changed()) {
                Object v = f.value();
                if (v == null) {
                    values.remove(f.spec().name());
                } else {
                    values.put(f.spec().name(), v);
                }
            }
        }
        return values;
    }

    /** The node as the panel now has it. */
    WorkflowNode updated() {
        Map<String, Object> params = currentParameters();
        Map<String, Object> credentials = new LinkedHashMap<>(node.credentials());
        credentialPickers.forEach((type, picker) -> {
            if (picker.getValue() == null) {
                credentials.remove(type);
            } else {
                credentials.put(type, Map.of("id", picker.getValue().id(), "name", picker.getValue().name()));
            }
        });
        String newName = name.getValue().strip();
        return new WorkflowNode(node.id(), newName, node.type(), node.typeVersion(), node.x(), node.y(), params,
                credentials, disabled.getValue(), notes.getValue().isBlank() ? null : notes.getValue(), retry.getValue(),
                maxTries.getValue() == null ? 3 : maxTries.getValue(),
                waitBetween.getValue() == null ? 1000 : waitBetween.getValue(), onError.getValue(),
                alwaysOutput.getValue(), executeOnce.getValue(), node.extra());
    }

    List<ParameterField> fields() {
        return fields;
    }

    ParameterField field(String parameter) {
        return fields.stream().filter(f -> f.spec().name().equals(parameter)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no parameter " + parameter));
    }

    TextField nameField() {
        return name;
    }
}
