package dev.switchboard.platform.store;

import java.util.ArrayList;
import java.util.List;

import org.bson.Document;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;

import dev.switchboard.platform.node.NumberHistory;

/**
 * The numbers a node remembers, in {@code number_history}: one document per workflow, node and key
 * ({@code _id} {@code workflowId|node|key}, {@code values} newest last). Appending is one
 * {@code findOneAndUpdate} that pushes and trims and returns the document as it was, so concurrent runs each
 * see the history without their own value and none is lost.
 */
public final class MongoNumberHistory {

    private final MongoCollection<Document> history;

    public MongoNumberHistory(MongoConnection connection) {
        this.history = connection.database().getCollection("number_history");
    }

    /** The history of one node of one workflow. */
    public NumberHistory of(String workflowId, String node) {
        return (key, value, window) -> {
            Document before = history.findOneAndUpdate(Filters.eq("_id", workflowId + "|" + node + "|" + key),
                    Updates.combine(Updates.set("workflowId", workflowId), Updates.set("node", node),
                            Updates.set("key", key),
                            Updates.pushEach("values", List.of(value), new PushOptions().slice(-Math.max(1, window)))),
                    new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE));
            List<Double> out = new ArrayList<>();
            if (before != null) {
                for (Object v : before.getList("values", Object.class, List.of())) {
                    if (v instanceof Number n) {
                        out.add(n.doubleValue());
                    }
                }
            }
            // a window made smaller since: only its newest values count
            return out.size() > window ? List.copyOf(out.subList(out.size() - window, out.size())) : out;
        };
    }
}
