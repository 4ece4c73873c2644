package dev.switchboard.platform.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.stream.Stream;

import org.h2.mvstore.MVMap;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentComparator;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;

/**
 * A collection of the embedded server that sorts within bounded memory. The server's own sort holds
 * every matching document, whole, before it skips and limits: listing the newest page of a history of
 * a hundred thousand runs needed them all on the heap at once (and ran a 192 MB server out of memory).
 * Here a sorted query with a limit keeps only the best {@code skip + limit} documents while it scans, and
 * a sorted query without one that returns a few fields keeps only those fields and the sort keys.
 * It keeps no running total of its size.
 */
final class BsonH2Collection extends H2Collection {

    private final MVMap<Object, Document> data;

    BsonH2Collection(MongoDatabase database, String name, CollectionOptions options, MVMap<Object, Document> data,
            MVMap<String, Object> meta, CursorRegistry cursors) {
        super(database, name, options, data, meta, cursors);
        this.data = data;
    }

    /**
     * An update of one document by its text or object id that sets top-level fields (how the run journal
     * ends a run, and most updates Switchboard makes) is done by one lookup and one put. The server's
     * general path runs the query matcher over the selector, clones the document deeply, applies the
     * update field path by field path and asks every index; all of that gives the same result here.
     * Anything else (other operators, dotted paths, upserts of a missing document, array filters, a unique
     * index besides {@code _id}) takes the general path.
     */
    @Override
    public synchronized Document updateDocuments(Document selector, Document update, ArrayFilters arrayFilters,
            boolean multi, boolean upsert, Oplog oplog) {
        Object id = selector.size() == 1 ? selector.get("_id") : null;
        Document set = update.size() == 1 && update.get("$set") instanceof Document d ? d : null;
        if (!BsonIdIndex.isDirect(id) || set == null || !plainFields(set) || !arrayFilters.isEmpty() || !onlyIdIndex()) {
            return super.updateDocuments(selector, update, arrayFilters, multi, upsert, oplog);
        }
        Document stored = data.get(id);
        if (stored == null) {
            return upsert ? super.updateDocuments(selector, update, arrayFilters, multi, upsert, oplog)
                    : new Document("n", 0).append("nModified", 0);
        }
        Document updated = new Document(stored);
        updated.putAll(set);
        if (updated.equals(stored)) {
            return new Document("n", 1).append("nModified", 0);
        }
        handleUpdate(id, stored, updated);
        oplog.handleUpdate(getFullName(), selector, update, List.of(id));
        return new Document("n", 1).append("nModified", 1);
    }

    /** Field names that {@code $set} puts as they are: not empty, no path, no operator, not the id. */
    private static boolean plainFields(Document set) {
        if (set.isEmpty()) {
            return false;
        }
        for (String key : set.keySet()) {
            if (key.isEmpty() || key.indexOf('.') >= 0 || key.charAt(0) == '$' || key.equals("_id")) {
                return false;
            }
        }
        return true;
    }

    private boolean onlyIdIndex() {
        for (Index<Object> index : getIndexes()) {
            if (!(index instanceof BsonIdIndex) && index.isUnique()) {
                return false;
            }
        }
        return true;
    }

    /** Stores a new document with its BSON made once, for every later write of its page ({@link BsonDocumentType}). */
    @Override
    protected Object addDocumentInternal(Document document) {
        BsonDocumentType.INSTANCE.remember(document);
        return super.addDocumentInternal(document);
    }

    /** Stores an updated document with its new BSON (the server changed the stored document in place). */
    @Override
    protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
        BsonDocumentType.INSTANCE.remember(newDocument);
        super.handleUpdate(position, oldDocument, newDocument);
    }

    /**
     * No running total of the collection's size in bytes: keeping it BSON-encoded every document
     * written (twice per update) and wrote the collection's meta map on every write, for a figure
     * ({@code collStats}) nothing here reads.
     */
    @Override
    protected boolean tracksDataSize() {
        return false;
    }

    @Override
    protected QueryResult matchDocumentsFromStream(Stream<Document> documents, Document query, Document orderBy,
            int skip, int limit, int batchSize, Document fields) {
        if (orderBy == null || orderBy.isEmpty() || orderBy.containsKey("$natural")) {
            return super.matchDocumentsFromStream(documents, query, orderBy, skip, limit, batchSize, fields);
        }
        Comparator<Document> order = new DocumentComparator(orderBy);
        Stream<Document> matching = documents.filter(d -> documentMatchesQuery(d, query));
        List<Document> sorted;
        if (limit > 0) {
            sorted = best(matching, skip + limit, order);
        } else {
            List<String> kept = keptFields(fields, orderBy);
            sorted = new ArrayList<>((kept == null ? matching : matching.map(d -> slim(d, kept))).toList());
            sorted.sort(order);
        }
        // what is left is in order and matches: the server skips, limits, projects and pages it
        return super.matchDocumentsFromStream(sorted.stream(), new Document(), null, skip, limit, batchSize, fields);
    }

    /** The first {@code count} documents in this order, keeping no more than that many while scanning. */
    private static List<Document> best(Stream<Document> documents, int count, Comparator<Document> order) {
        PriorityQueue<Document> worstFirst = new PriorityQueue<>(Math.min(count, 1024) + 1, order.reversed());
        documents.forEach(d -> {
            if (worstFirst.size() < count) {
                worstFirst.add(d);
            } else if (order.compare(d, worstFirst.peek()) < 0) {
                worstFirst.poll();
                worstFirst.add(d);
            }
        });
        List<Document> out = new ArrayList<>(worstFirst);
        out.sort(order);
        return out;
    }

    /**
     * The top-level fields to keep of each document before sorting: those an inclusion projection returns
     * and those the order reads; null when the projection is not a plain inclusion (keep documents whole).
     */
    private static List<String> keptFields(Document fields, Document orderBy) {
        if (fields == null || fields.isEmpty()) {
            return null;
        }
        List<String> kept = new ArrayList<>();
        for (var field : fields.entrySet()) {
            boolean included = field.getValue() instanceof Boolean b ? b
                    : field.getValue() instanceof Number n && n.intValue() != 0;
            if (!included && !field.getKey().equals("_id")) {
                return null;
            }
            kept.add(topLevel(field.getKey()));
        }
        orderBy.keySet().forEach(key -> kept.add(topLevel(key)));
        kept.add("_id");
        return kept;
    }

    private static String topLevel(String path) {
        int dot = path.indexOf('.');
        return dot < 0 ? path : path.substring(0, dot);
    }

    private static Document slim(Document document, List<String> kept) {
        Document out = new Document();
        for (String key : kept) {
            if (document.containsKey(key)) {
                out.put(key, document.get(key));
            }
        }
        return out;
    }
}
