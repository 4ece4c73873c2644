package dev.switchboard.platform.server;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;

import org.springframework.core.env.Environment;

/**
 * The server's configuration, from the environment or the Spring property of the same meaning:
 * {@code MONGODB_URI} ({@code switchboard.mongodb-uri}), {@code SWITCHBOARD_DATA_DIR}
 * ({@code switchboard.data-dir}, default {@code ./data}), {@code SWITCHBOARD_API_KEY}
 * ({@code switchboard.api-key}), {@code switchboard.workers} (runs executed at once, default 2),
 * {@code switchboard.lease-seconds} (default 60), {@code switchboard.timezone} (the default zone),
 * {@code SWITCHBOARD_MASTER_KEY} ({@code switchboard.master-key}: the credential encryption key in base64;
 * without it one is generated into {@code <data dir>/master.key}), {@code SWITCHBOARD_MONGO_PORT}
 * ({@code switchboard.embedded-mongo-port}: the loopback port of the embedded MongoDB, default 0 = any free
 * one), {@code switchboard.max-concurrent-runs} (runs executing at once on this instance, default 200; a run whose nodes are done and whose end is being written holds none) and
 * {@code switchboard.max-concurrent-runs-per-workflow} (default 0: no limit of its own).
 * {@link #toString()} hides the secrets.
 */
public record ServerSettings(String mongoUri, Path dataDir, String apiKey, int workers, Duration lease, ZoneId zone,
        String masterKey, int embeddedMongoPort, int maxConcurrentRuns, int maxConcurrentRunsPerWorkflow) {

    /** The defaults for the port and the concurrency limits. */
    public ServerSettings(String mongoUri, Path dataDir, String apiKey, int workers, Duration lease, ZoneId zone,
            String masterKey) {
        this(mongoUri, dataDir, apiKey, workers, lease, zone, masterKey, 0, 200, 0);
    }

    public static ServerSettings from(Environment env) {
        String uri = first(env, "MONGODB_URI", "switchboard.mongodb-uri");
        String dir = first(env, "SWITCHBOARD_DATA_DIR", "switchboard.data-dir");
        String key = first(env, "SWITCHBOARD_API_KEY", "switchboard.api-key");
        String zone = first(env, "SWITCHBOARD_TIMEZONE", "switchboard.timezone");
        String masterKey = first(env, "SWITCHBOARD_MASTER_KEY", "switchboard.master-key");
        return new ServerSettings(uri, Path.of(dir == null ? "data" : dir), key,
                env.getProperty("switchboard.workers", Integer.class, 2),
                Duration.ofSeconds(env.getProperty("switchboard.lease-seconds", Long.class, 60L)),
                zone == null ? ZoneId.systemDefault() : ZoneId.of(zone), masterKey,
                Integer.parseInt(java.util.Objects.requireNonNullElse(first(env, "SWITCHBOARD_MONGO_PORT",
                        "switchboard.embedded-mongo-port"), "0")),
                env.getProperty("switchboard.max-concurrent-runs", Integer.class, 200),
                env.getProperty("switchboard.max-concurrent-runs-per-workflow", Integer.class, 0));
    }

    @Override
    public String toString() {
        return "ServerSettings[mongoUri=" + (mongoUri == null ? null : mongoUri.replaceAll("//[^@/]*@", "//***@"))
                + ", dataDir=" + dataDir + ", apiKey=" + (apiKey == null ? null : "***") + ", workers=" + workers
                + ", lease=" + lease + ", zone=" + zone + ", masterKey=" + (masterKey == null ? null : "***") + ", embeddedMongoPort=" + embeddedMongoPort
                + ", maxConcurrentRuns=" + maxConcurrentRuns + ", maxConcurrentRunsPerWorkflow=" + maxConcurrentRunsPerWorkflow + "]";
    }

    private static String first(Environment env, String... names) {
        for (String n : names) {
            String v = env.getProperty(n);
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
