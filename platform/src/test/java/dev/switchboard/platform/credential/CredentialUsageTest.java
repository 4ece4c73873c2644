package dev.switchboard.platform.credential;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.switchboard.platform.credential.CredentialUsage.WorkflowUse;
import dev.switchboard.platform.store.MongoConnection;
import dev.switchboard.platform.store.MongoWorkflowStore;
import dev.switchboard.platform.workflow.StoredWorkflow;
import dev.switchboard.platform.workflow.Workflow;
import dev.switchboard.platform.workflow.WorkflowJson;

/** Which workflows use a credential, read from their drafts and newest published versions in the embedded MongoDB. */
class CredentialUsageTest {

    private final MongoConnection connection = MongoConnection.inMemory();
    private final MongoWorkflowStore workflows = new MongoWorkflowStore(connection, Clock.systemUTC());
    private final CredentialUsage usage = new CredentialUsage(workflows);
    private final Credential shopKey = new Credential("cred-1", "Shop key", "httpHeaderAuth", Instant.now(), Instant.now(),
            new SealedData(List.of("value"), "k", "x"));

    @AfterEach
    void close() {
        connection.close();
    }

    private static Workflow workflow(String name, String credentials) {
        return WorkflowJson.read("""
                {"name": "%s", "nodes": [
                  {"name": "Start", "type": "n8n-nodes-base.manualTrigger", "typeVersion": 1, "position": [0, 0], "parameters": {}},
                  {"name": "Call", "type": "n8n-nodes-base.httpRequest", "typeVersion": 4.2, "position": [200, 0],
                   "parameters": {"url": "https://example.com"}, "credentials": %s}],
                 "connections": {"Start": {"main": [[{"node": "Call", "type": "main", "index": 0}]]}}}"""
                .formatted(name, credentials));
    }

    @Test
    void draftsAndPublishedVersionsThatNameTheCredentialAreListed() {
        StoredWorkflow byId = workflows.create(workflow("Orders", "{\"httpHeaderAuth\": {\"id\": \"cred-1\", \"name\": \"x\"}}"));
        StoredWorkflow byName = workflows.create(workflow("Imported", "{\"httpHeaderAuth\": {\"id\": \"from-n8n\", \"name\": \"Shop key\"}}"));
        StoredWorkflow other = workflows.create(workflow("Other", "{\"httpHeaderAuth\": {\"id\": \"cred-2\", \"name\": \"x\"}}"));
        workflows.create(workflow("Same name, other type", "{\"httpBasicAuth\": {\"name\": \"Shop key\"}}"));

        workflows.publish(other.id(), "ann", "v1");
        workflows.updateDraft(other.id(), workflow("Other", "{\"httpHeaderAuth\": {\"id\": \"cred-1\"}}"), null);
        workflows.publish(byId.id(), "ann", "v1");
        workflows.updateDraft(byId.id(), workflow("Orders", "{}"), null);

        List<WorkflowUse> uses = usage.of(shopKey);
        assertThat(uses).extracting(WorkflowUse::workflowName).containsExactlyInAnyOrder("Orders", "Imported", "Other");
        assertThat(uses).filteredOn(u -> u.workflowId().equals(byId.id())).singleElement()
                .isEqualTo(new WorkflowUse(byId.id(), "Orders", false, List.of(), 1, List.of("Call")));
        assertThat(uses).filteredOn(u -> u.workflowId().equals(other.id())).singleElement()
                .isEqualTo(new WorkflowUse(other.id(), "Other", false, List.of("Call"), null, List.of()));
        assertThat(uses).filteredOn(u -> u.workflowId().equals(byName.id())).singleElement()
                .extracting(WorkflowUse::draftNodes).isEqualTo(List.of("Call"));

        workflows.delete(byName.id());
        assertThat(usage.of(shopKey)).extracting(WorkflowUse::workflowName).containsExactlyInAnyOrder("Orders", "Other");
    }
}
