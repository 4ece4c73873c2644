package dev.switchboard.ui.editor;

import com.vaadin.flow.component.AbstractSinglePropertyField;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;

/**
 * The code editor of code parameters ({@code code-editor.ts}): CodeMirror 6 with JavaScript highlighting,
 * line numbers and tab indentation; its value is the code.
 */
@Tag("switchboard-code-editor")
@NpmPackage(value = "codemirror", version = "6.0.2")
@NpmPackage(value = "@codemirror/lang-javascript", version = "6.2.4")
@JsModule("./code-editor.ts")
public final class CodeEditor extends AbstractSinglePropertyField<CodeEditor, String> implements HasSize {

    public CodeEditor() {
        super("value", "", false);
        getElement().getStyle().set("display", "block");
    }

    @Override
    public void setReadOnly(boolean readOnly) {
        super.setReadOnly(readOnly);
        getElement().setAttribute("readonly", readOnly);
    }
}
