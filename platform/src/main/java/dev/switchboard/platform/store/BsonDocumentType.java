package dev.switchboard.platform.store;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
 * file, and kept beside it while the document is on the heap ({@link #remember}); writing a page copies it.
 */
final class BsonDocumentType extends BasicDataType<Document> {

    static final BsonDocumentType INSTANCE = new BsonDocumentType();

    /** The BSON of documents in the collections' maps, by identity, for as long as each document lives. */
    private final Map<Object, byte[]> encoded = new ConcurrentHashMap<>();
    private final ReferenceQueue<Document> collected = new ReferenceQueue<>();

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

    private void remember(Document document, byte[] bson) {
        for (Object gone; (gone = collected.poll()) != null; ) {
            encoded.remove(gone);
        }
        encoded.put(new Identity(document, collected), bson);
    }

    /** What {@link #remember} kept for this very document, or null. */
    byte[] remembered(Document document) {
        return encoded.get(new Identity(document, null));
    }

    /** A document by identity, held weakly: once the document is collected, its entry is removed. */
    private static final class Identity extends WeakReference<Document> {
        private final int hash;

        Identity(Document document, ReferenceQueue<Document> queue) {
            super(document, queue);
            this.hash = System.identityHashCode(document);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            if (o == this) {
                return true;
            }
            Document mine = get();
            return mine != null && o instanceof Identity other && other.get() == mine;
        }
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
