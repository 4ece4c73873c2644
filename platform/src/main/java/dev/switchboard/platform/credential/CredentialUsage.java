package dev.switchboard.platform.credential;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.switchboard.platform.paging.Page;
import dev.switchboard.platform.workflow.StoredWorkflow;
import dev.switchboard.platform.workflow.Workflow;
import dev.switchboard.platform.workflow.WorkflowNode;
import dev.switchboard.platform.workflow.WorkflowStore;

/**
 * Which workflows use a credential: those whose draft or newest published version has a node naming it
 * in its {@code credentials}, by id or by name under the credential's type (a run falls back to the name
 * when the id is unknown, as for a workflow imported from another n8n). Read from
 * the workflows themselves, so it is never out of date; deleted workflows do not count.
 */
public final class CredentialUsage {

    /**
     * A workflow that uses the credential.
     *
     * @param draftNodes       the nodes of the draft that name it
     * @param publishedVersion the newest published version, when it names it; else null
     * @param publishedNodes   the nodes of that version that name it
     */
    public record WorkflowUse(String workflowId, String workflowName, boolean active, List<String> draftNodes,
            Integer publishedVersion, List<String> publishedNodes) {
        public WorkflowUse {
            draftNodes = List.copyOf(draftNodes);
            publishedNodes = List.copyOf(publishedNodes);
        }
    }

    private final WorkflowStore workflows;

    public CredentialUsage(WorkflowStore workflows) {
        this.workflows = workflows;
    }

    /** The workflows using the credential, in the order the store lists them. */
    public List<WorkflowUse> of(Credential credential) {
        List<WorkflowUse> out = new ArrayList<>();
        int page = 0;
        while (true) {
            Page<StoredWorkflow> batch = workflows.list(null, new Page.Request(page++, Page.Request.MAX_SIZE));
            for (StoredWorkflow w : batch.items()) {
                if (w.deleted()) {
                    continue;
                }
                List<String> draft = nodesNaming(w.draft(), credential);
                List<String> published = List.of();
                if (w.publishedVersion() != null) {
                    published = workflows.version(w.id(), w.publishedVersion())
                            .map(v -> nodesNaming(v.workflow(), credential)).orElse(List.of());
                }
                if (!draft.isEmpty() || !published.isEmpty()) {
                    out.add(new WorkflowUse(w.id(), w.name(), w.active(), draft,
                            published.isEmpty() ? null : w.publishedVersion(), published));
                }
            }
            if (batch.items().size() < batch.size() || (long) page * batch.size() >= batch.total()) {
                return out;
            }
        }
    }

    /** The names of the workflow's nodes that name the credential. */
    static List<String> nodesNaming(Workflow workflow, Credential credential) {
        List<String> out = new ArrayList<>();
        for (WorkflowNode node : workflow.nodes()) {
            for (Map.Entry<String, Object> e : node.credentials().entrySet()) {
                if (names(e.getKey(), e.getValue(), credential)) {
                    out.add(node.name());
                    break;
                }
            }
        }
        return out;
    }

    private static boolean names(String type, Object reference, Credential credential) {
        if (!(reference instanceof Map<?, ?> ref)) {
            return reference instanceof String name && type.equals(credential.type()) && name.equals(credential.name());
        }
        Object id = ref.get("id");
        if (id != null && String.valueOf(id).equals(credential.id())) {
            return true;
        }
        // a run looks a credential up by name when its id is unknown (a workflow from another n8n)
        return type.equals(credential.type()) && credential.name().equals(ref.get("name"));
    }
}
