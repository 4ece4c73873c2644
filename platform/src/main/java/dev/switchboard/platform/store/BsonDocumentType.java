package dev.switchboard.platform.store;

import java.nio.ByteBuffer;
import java.util.IdentityHashMap;
import java.util.Map;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * How the embedded server's documents are written in the H2 file: as BSON, the bytes MongoDB
 * itself uses, instead of H2's default Java serialization, which costs several times more on every
 * write of a page.
 * <p>
 * H2 writes a page whole whenever one of its entries changed, so a document is written again each
 * time a neighbour is added or updated (the newest page of a collection, many times over). The BSON
 * of a document is therefore made once, when the collection stores it or the document is read from the
 * file, and kept for the most recent documents ({@link #remember}); writing a page copies it.
 */
final class BsonDocumentType extends BasicDataType<Document> {

    /**
     * How many documents' BSON is kept: those stored or read most recently, which are the ones on the pages
     * being written (a document not among them is encoded again when its page is written).
     */
    static final int REMEMBERED = Integer.getInteger("switchboard.embedded.remembered-documents", 1024);

    static final BsonDocumentType INSTANCE = new BsonDocumentType();

    /**
     * The BSON of recently stored or read documents, by identity. Held strongly, in a ring that forgets the
     * oldest: weak references, one per document, cost every young collection milliseconds of reference
     * processing.
     */
    private final Map<Document, byte[]> encoded = new IdentityHashMap<>(2 * REMEMBERED);
    private final Document[] ring = new Document[REMEMBERED];
    private int next;

    private BsonDocumentType() {
    }

    /**
     * Encodes a document that a collection is about to store, for the writes of its page. The document must
     * not be changed afterwards without being remembered again (the embedded server changes a stored document
     * only in an update, and stores it again then).
     */
    void remember(Document document) {
        remember(document, encode(document));
    }

    private synchronized void remember(Document document, byte[] bson) {
        Document oldest = ring[next];
        if (oldest != null && oldest != document) {
            encoded.remove(oldest);
        }
        ring[next] = document;
        next = (next + 1) % ring.length;
        encoded.put(document, bson);
    }

    /** What {@link #remember} kept for this very document, or null. */
    synchronized byte[] remembered(Document document) {
        return encoded.get(document);
    }

    /**
     * What a document takes on the heap once read, for H2's page cache, which holds as many pages as fit its
     * budget by this count. Counting fields only (a step's document is a few fields, one of them kilobytes of
     * JSON text) let the cache hold several times its budget: a 192 MB server spent its time in full collections.
     */
    @Override
    public int getMemory(Document document) {
        byte[] bson = remembered(document);
        return (int) Math.min(Integer.MAX_VALUE, memoryOf(document) + (bson == null ? 0 : 16 + bson.length));
    }

    static long memoryOf(Object value) {
        if (value instanceof Document d) {
            long sum = 64;
            for (var e : d.entrySet()) {
                sum += 48 + memoryOf(e.getKey()) + memoryOf(e.getValue());
            }
            return sum;
        }
        if (value instanceof CharSequence text) {
            return 48 + text.length();
        }
        if (value instanceof java.util.Collection<?> list) {
            long sum = 40 + 8L * list.size();
            for (Object o : list) {
                sum += memoryOf(o);
            }
            return sum;
        }
        if (value instanceof byte[] bytes) {
            return 24 + bytes.length;
        }
        return 24;
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
        byte[] bson = remembered(document);
        if (bson == null) {
            bson = encode(document);
        }
        buffer.putVarInt(bson.length);
        buffer.put(bson);
    }

    @Override
    public Document read(ByteBuffer buffer) {
        byte[] bson = readBytes(buffer);
        Document document = decode(bson);
        remember(document, bson);
        return document;
    }

    /** Writes a document as its BSON length (a var-int) and bytes. */
    static void writeBson(WriteBuffer buffer, Document document) {
        byte[] bson = encode(document);
        buffer.putVarInt(bson.length);
        buffer.put(bson);
    }

    /** Reads what {@link #writeBson} wrote. */
    static Document readBson(ByteBuffer buffer) {
        return decode(readBytes(buffer));
    }

    static byte[] encode(Document document) {
        ByteBuf bytes = Unpooled.buffer(256);
        try {
            BsonEncoder.encodeDocument(document, bytes);
            byte[] array = new byte[bytes.readableBytes()];
            bytes.readBytes(array);
            return array;
        } finally {
            bytes.release();
        }
    }

    private static byte[] readBytes(ByteBuffer buffer) {
        int length = DataUtils.readVarInt(buffer);
        byte[] array = new byte[length];
        buffer.get(array);
        return array;
    }

    private static Document decode(byte[] bson) {
        ByteBuf bytes = Unpooled.wrappedBuffer(bson);
        try {
            return BsonDecoder.decodeBson(bytes);
        } finally {
            bytes.release();
        }
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }
}
