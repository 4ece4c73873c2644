package dev.switchboard.ui.editor;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextArea;

import dev.switchboard.platform.workflow.Workflow;
import dev.switchboard.platform.workflow.WorkflowJson;

/** The draft as n8n JSON, to copy into a file or into n8n. */
public final class ExportDialog extends Dialog {

    public ExportDialog(String name, Workflow draft) {
        setId("export-dialog");
        setHeaderTitle("Export \"" + name + "\" as n8n JSON");
        String json = WorkflowJson.write(draft);
        TextArea text = new TextArea();
        text.setId("export-json");
        text.setValue(json);
        text.setReadOnly(true);
        text.setWidth("min(800px, 90vw)");
        text.setHeight("60vh");
        text.getStyle().set("font-family", "monospace");
        add(text);
        Button copy = new Button("Copy", e -> e.getSource().getElement().executeJs("navigator.clipboard.writeText($0)", json));
        copy.setId("export-copy");
        getFooter().add(copy, new Button("Close", e -> close()));
    }
}
