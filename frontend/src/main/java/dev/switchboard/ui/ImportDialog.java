package dev.switchboard.ui;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;

import dev.switchboard.platform.workflow.Workflow;
import dev.switchboard.platform.workflow.WorkflowFormatException;
import dev.switchboard.platform.workflow.WorkflowJson;

/**
 * Imports an n8n workflow, pasted as JSON or uploaded as a file. Text that is not a workflow is
 * refused with the reason, and nothing is stored.
 */
final class ImportDialog extends Dialog {

    static final int MAX_BYTES = 10 * 1024 * 1024;

    private final TextArea json = new TextArea("Paste n8n workflow JSON");
    private final Span error = new Span();
    private final Consumer<Workflow> onImport;

    ImportDialog(Consumer<Workflow> onImport) {
        this.onImport = onImport;
        setId("import-dialog");
        setHeaderTitle("Import a workflow from n8n");
        json.setId("import-json");
        json.setWidth("min(700px, 85vw)");
        json.setHeight("40vh");
        json.getStyle().set("font-family", "monospace");
        Upload upload = new Upload(UploadHandler.inMemory((metadata, bytes) ->
                getUI().ifPresent(ui -> ui.access(() -> json.setValue(new String(bytes, StandardCharsets.UTF_8))))));
        upload.setId("import-file");
        upload.setAcceptedFileTypes("application/json", ".json");
        upload.setMaxFileSize(MAX_BYTES);
        upload.setDropLabel(new Span("or drop an exported .json file here"));
        error.setId("import-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        add(json, upload, error);
        Button confirm = new Button("Import", e -> importText(json.getValue()));
        confirm.setId("import-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), confirm);
    }

    /** Imports the text, or shows why it is not a workflow. */
    void importText(String text) {
        if (text == null || text.isBlank()) {
            error.setText("Paste the workflow's JSON or choose its file first");
            return;
        }
        Workflow workflow;
        try {
            workflow = WorkflowJson.read(text);
        } catch (WorkflowFormatException | IllegalArgumentException e) {
            error.setText("Not an n8n workflow: " + e.getMessage());
            return;
        }
        close();
        onImport.accept(workflow);
    }

    String errorText() {
        return error.getText();
    }

    TextArea jsonField() {
        return json;
    }
}
