package dev.switchboard.platform.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.bson.Document;

import dev.switchboard.platform.json.Json;
import dev.switchboard.platform.node.Item;
import dev.switchboard.platform.run.StepError;
import dev.switchboard.platform.workflow.Workflow;
import dev.switchboard.platform.workflow.WorkflowJson;

/**
 * Conversions between the engine's values and stored documents. Workflow definitions and item data
 * are stored as JSON text: users' field names may contain dots or start with {@code $}, which
 * MongoDB field names must not, and the text keeps every field exactly.
 */
final class Documents {

    private Documents() {
    }

    static String workflowJson(Workflow w) {
        return Json.write(WorkflowJson.toMap(w));
    }

    static Workflow workflow(String json) {
        return WorkflowJson.read(json);
    }

    static String itemsJson(List<Item> items) {
        List<Object> out = new ArrayList<>(items.size());
        for (Item i : items) {
            out.add(i.toMap());
        }
        return Json.write(out);
    }

    @SuppressWarnings("unchecked")
    static List<Item> items(Object parsed) {
        List<Item> out = new ArrayList<>();
        if (parsed instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> m) {
                    out.add(Item.fromMap((Map<String, Object>) m));
                }
            }
        }
        return out;
    }

    static Date date(Instant i) {
        return i == null ? null : Date.from(i);
    }

    static Instant instant(Document d, String key) {
        Date date = d.getDate(key);
        return date == null ? null : date.toInstant();
    }

    static Document error(StepError e) {
        if (e == null) {
            return null;
        }
        return new Document("message", e.message()).append("node", e.node()).append("parameter", e.parameter())
                .append("itemIndex", e.itemIndex()).append("description", e.description());
    }

    static StepError error(Document d) {
        if (d == null) {
            return null;
        }
        Integer index = d.getInteger("itemIndex");
        return new StepError(d.getString("message"), d.getString("node"), d.getString("parameter"),
                index == null ? -1 : index, d.getString("description"));
    }

    /** Inserts a document; false (nothing written) when one with its {@code _id} exists. */
    static boolean insertIfAbsent(com.mongodb.client.MongoCollection<Document> collection, Document doc) {
        try {
            collection.insertOne(doc);
            return true;
        } catch (com.mongodb.MongoWriteException e) {
            if (e.getError().getCode() == 11000) {
                return false;
            }
            throw e;
        }
    }
}
