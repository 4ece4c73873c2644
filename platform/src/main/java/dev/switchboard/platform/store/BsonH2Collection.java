package dev.switchboard.platform.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.stream.Stream;

import org.h2.mvstore.MVMap;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentComparator;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;

/**
 * A collection of the embedded server that sorts within bounded memory. The server's own sort holds
 * every matching document, whole, before it skips and limits: listing the newest page of a history of
 * a hundred thousand runs needed them all on the heap at once (and ran a 192 MB server out of memory).
 * Here a sorted query with a limit keeps only the best {@code skip + limit} documents while it scans, and
 * a sorted query without one that returns a few fields keeps only those fields and the sort keys.
 * It keeps no running total of its size.
 */
final class BsonH2Collection extends H2Collection {

    BsonH2Collection(MongoDatabase database, String name, CollectionOptions options, MVMap<Object, Document> data,
            MVMap<String, Object> meta, CursorRegistry cursors) {
        super(database, name, options, data, meta, cursors);
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
