package dev.switchboard.platform.run;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import dev.switchboard.platform.node.Item;
import dev.switchboard.platform.workflow.Workflow;

/**
 * What to run: a workflow, from which trigger, with which items, and how.
 *
 * @param startNode        the trigger to start from; null picks the manual trigger (or the only trigger)
 * @param startItems       the items the trigger outputs (a manual trigger with none outputs one empty item)
 * @param usePinData       honour {@code pinData} as n8n does (a pinned node is not executed)
 * @param mode             n8n's execution mode: {@code manual}, {@code trigger}, {@code webhook}, {@code cli}, ...
 * @param defaultZone      the zone for dates when the workflow does not set {@code settings.timezone}
 * @param serverZone       the zone of the machine, which n8n's older nodes use for dates without a zone
 * @param inlineWaitMillis waits up to this long happen inside the run; longer ones suspend it
 * @param destinationNode  stop after this node ran (the editor's "run up to here"), or null
 */
public record RunRequest(
        String runId,
        Workflow workflow,
        String startNode,
        List<Item> startItems,
        boolean usePinData,
        String mode,
        RunClock clock,
        ZoneId defaultZone,
        ZoneId serverZone,
        Map<String, Object> vars,
        SubWorkflowLoader subWorkflows,
        long inlineWaitMillis,
        String destinationNode) {

    public RunRequest {
        startItems = startItems == null ? List.of() : compact(startItems);
        mode = mode == null ? "manual" : mode;
        clock = clock == null ? RunClock.system() : clock;
        defaultZone = defaultZone == null ? ZoneId.systemDefault() : defaultZone;
        serverZone = serverZone == null ? ZoneId.systemDefault() : serverZone;
        vars = vars == null ? Map.of() : vars;
        subWorkflows = subWorkflows == null ? SubWorkflowLoader.none() : subWorkflows;
    }

    /** The run owns its start items: kept in compact, immutable form. */
    private static List<Item> compact(List<Item> items) {
        dev.switchboard.platform.json.JsonObject.Builder builder = new dev.switchboard.platform.json.JsonObject.Builder();
        List<Item> out = new java.util.ArrayList<>(items.size());
        for (Item i : items) {
            out.add(i.withJson(builder.compact(i.json())));
        }
        return java.util.Collections.unmodifiableList(out);
    }

    /** A manual run with defaults: pinned data honoured, system clock, waits of any length inline. */
    public static RunRequest manual(String runId, Workflow workflow, List<Item> items) {
        return new RunRequest(runId, workflow, null, items, true, "manual", null, null, null, null, null, Long.MAX_VALUE, null);
    }

    public RunRequest withPinData(boolean use) {
        return new RunRequest(runId, workflow, startNode, startItems, use, mode, clock, defaultZone, serverZone, vars, subWorkflows,
                inlineWaitMillis, destinationNode);
    }

    public RunRequest withClock(RunClock newClock) {
        return new RunRequest(runId, workflow, startNode, startItems, usePinData, mode, newClock, defaultZone, serverZone, vars,
                subWorkflows, inlineWaitMillis, destinationNode);
    }

    public RunRequest withDefaultZone(ZoneId zone) {
        return new RunRequest(runId, workflow, startNode, startItems, usePinData, mode, clock, zone, serverZone, vars,
                subWorkflows, inlineWaitMillis, destinationNode);
    }

    public RunRequest withServerZone(ZoneId zone) {
        return new RunRequest(runId, workflow, startNode, startItems, usePinData, mode, clock, defaultZone, zone, vars,
                subWorkflows, inlineWaitMillis, destinationNode);
    }

    public RunRequest withSubWorkflows(SubWorkflowLoader loader) {
        return new RunRequest(runId, workflow, startNode, startItems, usePinData, mode, clock, defaultZone, serverZone, vars,
                loader, inlineWaitMillis, destinationNode);
    }

    public RunRequest withInlineWaitMillis(long millis) {
        return new RunRequest(runId, workflow, startNode, startItems, usePinData, mode, clock, defaultZone, serverZone, vars,
                subWorkflows, millis, destinationNode);
    }

    public RunRequest withStartNode(String node) {
        return new RunRequest(runId, workflow, node, startItems, usePinData, mode, clock, defaultZone, serverZone, vars,
                subWorkflows, inlineWaitMillis, destinationNode);
    }

    public RunRequest withDestination(String node) {
        return new RunRequest(runId, workflow, startNode, startItems, usePinData, mode, clock, defaultZone, serverZone, vars,
                subWorkflows, inlineWaitMillis, node);
    }
}
