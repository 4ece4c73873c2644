package dev.switchboard.platform.run;

import dev.switchboard.platform.node.NodeException;
import dev.switchboard.platform.node.SubWorkflowRunner;
import dev.switchboard.platform.workflow.Workflow;
import dev.switchboard.platform.workflow.WorkflowJson;

/** Finds the workflow an Execute Workflow node names: a stored id, a file, or JSON given inline. */
public interface SubWorkflowLoader {

    /** Loads from a stored id or a file; inline JSON is read by the engine itself. */
    Workflow load(SubWorkflowRunner.Source source, String reference);

    /** A loader that knows only inline JSON. */
    static SubWorkflowLoader none() {
        return (source, reference) -> {
            throw new NodeException("cannot load a sub-workflow from " + source.name().toLowerCase().replace('_', ' ')
                    + " here (\"" + reference + "\")");
        };
    }

    /** Reads inline JSON, for {@code source: parameter}. */
    static Workflow inline(String json) {
        return WorkflowJson.read(json);
    }
}
