package dev.switchboard.platform.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.switchboard.platform.json.Json;
import dev.switchboard.platform.paging.Page;
import dev.switchboard.platform.workflow.StoredWorkflow;
import dev.switchboard.platform.workflow.Workflow;
import dev.switchboard.platform.workflow.WorkflowJson;
import dev.switchboard.platform.workflow.WorkflowStore;
import dev.switchboard.platform.workflow.WorkflowVersion;

/** Workflows in the embedded MongoDB, over the wire. */
class MongoWorkflowStoreTest {

    private final MongoConnection connection = MongoConnection.inMemory();
    private final MongoWorkflowStore store = new MongoWorkflowStore(connection, Clock.systemUTC());

    @AfterEach
    void close() {
        connection.close();
    }

    private static Workflow workflow(String name) {
        return WorkflowJson.read("""
                {"name": "%s", "owner": "maria@example.com", "nodes": [
                  {"name": "Start.v1", "type": "n8n-nodes-base.manualTrigger", "typeVersion": 1, "position": [0, 0], "parameters": {}},
                  {"name": "$weird name", "type": "n8n-nodes-base.set", "typeVersion": 3.4, "position": [200, 0],
                   "parameters": {"assignments": {"assignments": [{"name": "a.b", "value": "={{ $json['$x'] }}", "type": "string"}]}}}],
                 "connections": {"Start.v1": {"main": [[{"node": "$weird name", "type": "main", "index": 0}]]}},
                 "pinData": {"Start.v1": [{"json": {"$key": 1, "dotted.key": 2}}]}}""".formatted(name));
    }

    @Test
    void aStoredDraftComesBackExactlyEvenWithDotsAndDollarsInNames() {
        Workflow draft = workflow("Invoices");
        StoredWorkflow stored = store.create(draft);
        Workflow back = store.get(stored.id()).orElseThrow().draft();
        assertThat(back.id()).isEqualTo(stored.id());
        assertThat(Json.deepEquals(WorkflowJson.toMap(back), WorkflowJson.toMap(stored.draft()))).isTrue();
        assertThat(back.extra()).containsEntry("owner", "maria@example.com");
        assertThat(back.pinData().get("Start.v1").get(0)).containsKey("json");
    }

    @Test
    void publishingMakesNumberedImmutableVersionsAndRollbackRepublishesAnEarlierOne() {
        StoredWorkflow w = store.create(workflow("First"));
        WorkflowVersion v1 = store.publish(w.id(), "maria", "first go-live");
        store.updateDraft(w.id(), workflow("Second"), null);
        WorkflowVersion v2 = store.publish(w.id(), "tom", "renamed");
        assertThat(v1.version()).isEqualTo(1);
        assertThat(v2.version()).isEqualTo(2);
        assertThat(store.get(w.id()).orElseThrow().publishedVersion()).isEqualTo(2);
        WorkflowVersion v3 = store.rollback(w.id(), 1, "maria");
        assertThat(v3.version()).isEqualTo(3);
        assertThat(v3.workflow().name()).isEqualTo("First");
        assertThat(v3.note()).isEqualTo("rollback to version 1");
        assertThat(store.versions(w.id())).extracting(WorkflowVersion::version).containsExactly(1, 2, 3);
        assertThat(store.version(w.id(), 2).orElseThrow().author()).isEqualTo("tom");
        assertThatThrownBy(() -> store.rollback(w.id(), 9, "x")).isInstanceOf(WorkflowStore.NotFoundException.class)
                .hasMessageContaining("has no version 9");
    }

    @Test
    void aStaleEditIsRefusedAndNothingIsLost() {
        StoredWorkflow w = store.create(workflow("Original"));
        StoredWorkflow edited = store.updateDraft(w.id(), workflow("Edited by Ann"), w.revision());
        assertThatThrownBy(() -> store.updateDraft(w.id(), workflow("Edited by Bob"), w.revision()))
                .isInstanceOf(WorkflowStore.ConcurrentEditException.class).hasMessageContaining("reload");
        assertThat(store.get(w.id()).orElseThrow().name()).isEqualTo("Edited by Ann");
        assertThat(edited.revision()).isEqualTo(w.revision() + 1);
    }

    @Test
    void listsPageAndSearchAndDeletedWorkflowsKeepTheirVersions() {
        for (int i = 0; i < 7; i++) {
            store.create(workflow((i % 2 == 0 ? "Invoice " : "Lead ") + i));
        }
        Page<StoredWorkflow> page = store.list("invoice", new Page.Request(0, 3));
        assertThat(page.total()).isEqualTo(4);
        assertThat(page.items()).hasSize(3).allMatch(w -> w.name().startsWith("Invoice"));
        assertThat(store.list(null, new Page.Request(2, 3)).items()).hasSize(1);
        StoredWorkflow gone = store.list("lead 1", Page.Request.first(10)).items().get(0);
        store.publish(gone.id(), "maria", null);
        store.delete(gone.id());
        assertThat(store.list(null, Page.Request.first(50)).total()).isEqualTo(6);
        assertThat(store.versions(gone.id())).hasSize(1);
        assertThatThrownBy(() -> store.publish(gone.id(), "maria", null)).isInstanceOf(WorkflowStore.NotFoundException.class);
    }

    @Test
    void activation() {
        StoredWorkflow w = store.create(workflow("Active one"));
        assertThat(store.setActive(w.id(), true).active()).isTrue();
        assertThat(store.setActive(w.id(), false).active()).isFalse();
    }

    @Test
    void theEmbeddedDatabaseKeepsItsDataAcrossRestarts(@TempDir Path dir) {
        String id;
        try (MongoConnection first = MongoConnection.embedded(dir)) {
            id = new MongoWorkflowStore(first, Clock.systemUTC()).create(workflow("Survivor")).id();
        }
        try (MongoConnection second = MongoConnection.embedded(dir)) {
            assertThat(new MongoWorkflowStore(second, Clock.systemUTC()).get(id)).hasValueSatisfying(
                    w -> assertThat(w.name()).isEqualTo("Survivor"));
            assertThat(second.ping()).isTrue();
        }
    }
}
