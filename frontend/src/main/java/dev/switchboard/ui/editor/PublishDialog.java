package dev.switchboard.ui.editor;

import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextArea;

/** Asks for the note that goes with a new version, then publishes. */
final class PublishDialog extends Dialog {

    PublishDialog(Consumer<String> publish) {
        setId("publish-dialog");
        setHeaderTitle("Publish a new version");
        TextArea note = new TextArea("What changed (optional)");
        note.setId("publish-note");
        note.setWidth("28em");
        add(note);
        Button confirm = new Button("Publish", e -> {
            close();
            publish.accept(note.getValue());
        });
        confirm.setId("publish-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), confirm);
    }
}
