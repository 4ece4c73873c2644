package dev.switchboard.ui.editor;

import java.util.List;
import java.util.function.Consumer;

import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.component.react.ReactAdapterComponent;
import com.vaadin.flow.shared.Registration;

/**
 * The canvas in the browser ({@code node-canvas.tsx}): draws the {@link CanvasGraph} it is given and
 * the palette, and reports what the user does as {@link CanvasEdit}s.
 */
@Tag("switchboard-node-canvas")
@NpmPackage(value = "@xyflow/react", version = "12.12.1")
@JsModule("./node-canvas.tsx")
public final class NodeCanvas extends ReactAdapterComponent implements com.vaadin.flow.component.HasSize {

    private final java.util.List<Consumer<CanvasEdit>> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private CanvasGraph graph = CanvasGraph.empty();

    public NodeCanvas() {
        setState("graph", graph);
        setState("palette", List.of());
        getElement().addEventListener("canvas-edit", e -> {
            CanvasEdit edit = CanvasEdit.parse(e.getEventData().get("event.detail"));
            listeners.forEach(l -> l.accept(edit));
        }).addEventData("event.detail");
    }

    /** A node type the palette offers, under its category. */
    public record PaletteEntry(String type, String label, String category, String description) {
    }

    public void setGraph(CanvasGraph next) {
        this.graph = next;
        setState("graph", next);
    }

    public CanvasGraph graph() {
        return graph;
    }

    public void setPalette(List<PaletteEntry> entries) {
        setState("palette", List.copyOf(entries));
    }

    public Registration addEditListener(Consumer<CanvasEdit> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** What the browser does when the user edits (for browserless tests). */
    void edit(CanvasEdit edit) {
        listeners.forEach(l -> l.accept(edit));
    }
}
