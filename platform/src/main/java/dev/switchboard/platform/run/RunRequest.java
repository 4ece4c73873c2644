package dev.switchboard.platform.run;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import dev.switchboard.platform.json.JsonObject;
import dev.switchboard.platform.node.Item;
import dev.switchboard.platform.workflow.Workflow;

/**
 * What to run: a workflow, from which trigger, with which items, and how. Build one with
 * {@link #builder} (or {@link #manual}), change one with {@link #toBuilder}.
 *
 * @param startNode        the trigger to start from; null picks the manual trigger (or the only trigger)
 * @param startItems       the items the trigger outputs (a manual trigger with none outputs one empty item)
 * @param usePinData       honour {@code pinData} as n8n does (a pinned node is not executed)
 * @param mode             n8n's execution mode: {@code manual}, {@code trigger}, {@code webhook}, {@code cli}, ...
 * @param defaultZone      the zone for dates when the workflow does not set {@code settings.timezone}
 * @param serverZone       the zone of the machine, which n8n's older nodes use for dates without a zone
 * @param inlineWaitMillis waits up to this long happen inside the run; longer ones suspend it
 * @param destinationNode  stop after this node ran (the editor's "run up to here"), or null
 * @param publicUrl        the server's address as callers reach it, for {@code $execution.resumeUrl}; null outside a server
 * @param credentials      where the credentials that nodes name come from ({@link CredentialResolver#none()} by default)
 * @param services         prices, reviews and histories for AI nodes ({@link RunServices#none()} by default)
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
        String destinationNode,
        String publicUrl,
        CredentialResolver credentials,
        RunServices services) {

    public RunRequest {
        startItems = startItems == null ? List.of() : compact(startItems);
        mode = mode == null ? "manual" : mode;
        clock = clock == null ? RunClock.system() : clock;
        defaultZone = defaultZone == null ? ZoneId.systemDefault() : defaultZone;
        serverZone = serverZone == null ? ZoneId.systemDefault() : serverZone;
        vars = vars == null ? Map.of() : vars;
        subWorkflows = subWorkflows == null ? SubWorkflowLoader.none() : subWorkflows;
        credentials = credentials == null ? CredentialResolver.none() : credentials;
        services = services == null ? RunServices.none() : services;
    }

    /** The run owns its start items: kept in compact, immutable form. */
    private static List<Item> compact(List<Item> items) {
        JsonObject.Builder builder = new JsonObject.Builder();
        List<Item> out = new java.util.ArrayList<>(items.size());
        for (Item i : items) {
            out.add(i.withJson(builder.compact(i.json())));
        }
        return java.util.Collections.unmodifiableList(out);
    }

    /** A request with defaults: pinned data honoured, mode manual, system clock and zone, waits of any length inline. */
    public static Builder builder(String runId, Workflow workflow) {
        return new Builder(runId, workflow);
    }

    /** A manual run with defaults, starting with these items. */
    public static RunRequest manual(String runId, Workflow workflow, List<Item> items) {
        return builder(runId, workflow).startItems(items).build();
    }

    public Builder toBuilder() {
        Builder b = new Builder(runId, workflow);
        b.startNode = startNode;
        b.startItems = startItems;
        b.usePinData = usePinData;
        b.mode = mode;
        b.clock = clock;
        b.defaultZone = defaultZone;
        b.serverZone = serverZone;
        b.vars = vars;
        b.subWorkflows = subWorkflows;
        b.inlineWaitMillis = inlineWaitMillis;
        b.destinationNode = destinationNode;
        b.publicUrl = publicUrl;
        b.credentials = credentials;
        b.services = services;
        return b;
    }

    public RunRequest withPinData(boolean use) {
        return toBuilder().usePinData(use).build();
    }

    public RunRequest withClock(RunClock newClock) {
        return toBuilder().clock(newClock).build();
    }

    public RunRequest withDefaultZone(ZoneId zone) {
        return toBuilder().defaultZone(zone).build();
    }

    public RunRequest withServerZone(ZoneId zone) {
        return toBuilder().serverZone(zone).build();
    }

    public RunRequest withSubWorkflows(SubWorkflowLoader loader) {
        return toBuilder().subWorkflows(loader).build();
    }

    public RunRequest withInlineWaitMillis(long millis) {
        return toBuilder().inlineWaitMillis(millis).build();
    }

    public RunRequest withStartNode(String node) {
        return toBuilder().startNode(node).build();
    }

    public RunRequest withDestination(String node) {
        return toBuilder().destinationNode(node).build();
    }

    public RunRequest withCredentials(CredentialResolver resolver) {
        return toBuilder().credentials(resolver).build();
    }

    /** Builds a {@link RunRequest}; every setting has the default {@link #builder} names. */
    public static final class Builder {
        private final String runId;
        private final Workflow workflow;
        private String startNode;
        private List<Item> startItems = List.of();
        private boolean usePinData = true;
        private String mode = "manual";
        private RunClock clock;
        private ZoneId defaultZone;
        private ZoneId serverZone;
        private Map<String, Object> vars;
        private SubWorkflowLoader subWorkflows;
        private long inlineWaitMillis = Long.MAX_VALUE;
        private String destinationNode;
        private String publicUrl;
        private CredentialResolver credentials;
        private RunServices services;

        private Builder(String runId, Workflow workflow) {
            this.runId = runId;
            this.workflow = workflow;
        }

        public Builder startNode(String node) {
            this.startNode = node;
            return this;
        }

        public Builder startItems(List<Item> items) {
            this.startItems = items;
            return this;
        }

        public Builder usePinData(boolean use) {
            this.usePinData = use;
            return this;
        }

        public Builder mode(String m) {
            this.mode = m;
            return this;
        }

        public Builder clock(RunClock c) {
            this.clock = c;
            return this;
        }

        public Builder defaultZone(ZoneId zone) {
            this.defaultZone = zone;
            return this;
        }

        public Builder serverZone(ZoneId zone) {
            this.serverZone = zone;
            return this;
        }

        public Builder vars(Map<String, Object> v) {
            this.vars = v;
            return this;
        }

        public Builder subWorkflows(SubWorkflowLoader loader) {
            this.subWorkflows = loader;
            return this;
        }

        public Builder inlineWaitMillis(long millis) {
            this.inlineWaitMillis = millis;
            return this;
        }

        public Builder destinationNode(String node) {
            this.destinationNode = node;
            return this;
        }

        public Builder publicUrl(String url) {
            this.publicUrl = url;
            return this;
        }

        /** Where the credentials that nodes name come from: on a server, the vault. */
        public Builder credentials(CredentialResolver resolver) {
            this.credentials = resolver;
            return this;
        }

        /** Prices, reviews and histories for AI nodes: on a server, backed by MongoDB. */
        public Builder services(RunServices s) {
            this.services = s;
            return this;
        }

        public RunRequest build() {
            return new RunRequest(runId, workflow, startNode, startItems, usePinData, mode, clock, defaultZone, serverZone,
                    vars, subWorkflows, inlineWaitMillis, destinationNode, publicUrl, credentials,
                    services);
        }
    }
}
