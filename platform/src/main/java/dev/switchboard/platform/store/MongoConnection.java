package dev.switchboard.platform.store;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * A connection to the platform's database: the MongoDB that {@code MONGODB_URI} names, or an
 * embedded server on loopback that keeps its data in {@code <data dir>/mongo.mv.db} (or only in
 * memory, for tests).
 */
public final class MongoConnection implements AutoCloseable {

    public static final String DATABASE = "switchboard";

    private final MongoServer embedded;
    private final MongoClient client;
    private final MongoDatabase database;
    private final String description;

    private MongoConnection(MongoServer embedded, String uri, String description) {
        this.embedded = embedded;
        ConnectionString cs = new ConnectionString(uri);
        this.client = MongoClients.create(MongoClientSettings.builder().applyConnectionString(cs)
                .applicationName("switchboard").build());
        this.database = client.getDatabase(cs.getDatabase() != null ? cs.getDatabase() : DATABASE);
        this.description = description;
    }

    /** The MongoDB at {@code uri}. */
    public static MongoConnection external(String uri) {
        return new MongoConnection(null, uri, "MongoDB at " + redact(uri));
    }

    /** An embedded server whose data lives in {@code dataDir}, listening on a free loopback port. */
    public static MongoConnection embedded(Path dataDir) {
        return embedded(dataDir, 0);
    }

    /**
     * An embedded server whose data lives in {@code dataDir}, listening on this loopback port (0: a free
     * one), so that a second instance can share it through {@code MONGODB_URI=mongodb://127.0.0.1:<port>}.
     * Every acknowledged write is in the file before the answer (see {@link DurableH2Backend}).
     */
    public static MongoConnection embedded(Path dataDir, int port) {
        try {
            Files.createDirectories(dataDir);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot create the data directory " + dataDir + ": " + e.getMessage(), e);
        }
        Path file = dataDir.resolve("mongo.mv.db");
        MongoServer server = new MongoServer(DurableH2Backend.open(file.toString()));
        try {
            server.bind("127.0.0.1", port);
        } catch (RuntimeException e) {
            server.shutdownNow();
            throw new IllegalStateException("the embedded MongoDB cannot listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
        InetSocketAddress address = server.getLocalAddress();
        return new MongoConnection(server, "mongodb://127.0.0.1:" + address.getPort() + "/" + DATABASE,
                "embedded MongoDB on 127.0.0.1:" + address.getPort() + ", data in " + file);
    }

    /** An embedded server that keeps nothing after it stops (tests). */
    public static MongoConnection inMemory() {
        MemoryBackend backend = new MemoryBackend();
        backend.disableOplog();
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        return new MongoConnection(server, "mongodb://127.0.0.1:" + address.getPort() + "/" + DATABASE,
                "embedded MongoDB in memory");
    }

    /** {@code MONGODB_URI} when given, else the embedded server under {@code dataDir}. */
    public static MongoConnection from(String uri, Path dataDir) {
        return from(uri, dataDir, 0);
    }

    /** {@code MONGODB_URI} when given, else the embedded server under {@code dataDir} on {@code embeddedPort} (0: any). */
    public static MongoConnection from(String uri, Path dataDir, int embeddedPort) {
        return uri == null || uri.isBlank() ? embedded(dataDir, embeddedPort) : external(uri);
    }

    public MongoDatabase database() {
        return database;
    }

    public String description() {
        return description;
    }

    /** Whether the database answers a ping. */
    public boolean ping() {
        try {
            database.runCommand(new org.bson.Document("ping", 1));
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String redact(String uri) {
        return uri.replaceAll("//[^@/]*@", "//***@");
    }

    @Override
    public void close() {
        client.close();
        if (embedded != null) {
            embedded.shutdown();
        }
    }
}
