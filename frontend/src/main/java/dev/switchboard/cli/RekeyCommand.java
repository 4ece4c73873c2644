package dev.switchboard.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;

import org.springframework.core.env.Environment;

import dev.switchboard.platform.credential.CredentialCipher;
import dev.switchboard.platform.credential.CredentialStore;
import dev.switchboard.platform.credential.MasterKey;
import dev.switchboard.platform.server.ServerSettings;
import dev.switchboard.platform.store.MongoConnection;
import dev.switchboard.platform.store.MongoCredentialStore;

/**
 * {@code rekey [--new-key BASE64 | --new-key-file FILE]}: re-encrypts every credential under a new
 * master key, in the database the server uses ({@code MONGODB_URI}, else the embedded one under
 * {@code SWITCHBOARD_DATA_DIR}). The key in use comes from {@code SWITCHBOARD_MASTER_KEY} or
 * {@code <data dir>/master.key}. Without {@code --new-key} a key is generated into
 * {@code <data dir>/master.key.new} (mode 0600); with a key file in use, the new key is kept there
 * too until every credential is re-encrypted, and then replaces {@code master.key}. Each credential is
 * one write and records its key, so an interrupted run is finished by running it again.
 * Exit status: 0 done, 1 some credentials could not be opened (listed; nothing else changed for them),
 * 2 wrong arguments, keys or database.
 */
final class RekeyCommand {

    static final String PENDING_FILE = "master.key.new";

    private final PrintStream out;
    private final PrintStream err;
    private final Environment environment;

    RekeyCommand(PrintStream out, PrintStream err, Environment environment) {
        this.out = out;
        this.err = err;
        this.environment = environment;
    }

    int run(String[] args) {
        String newKeyText = null;
        Path newKeyFile = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--new-key" -> newKeyText = value(args, ++i, "--new-key");
                case "--new-key-file" -> newKeyFile = Path.of(value(args, ++i, "--new-key-file"));
                default -> throw new Cli.UsageException("rekey does not take \"" + args[i] + "\"");
            }
        }
        if (newKeyText != null && newKeyFile != null) {
            throw new Cli.UsageException("give --new-key or --new-key-file, not both");
        }
        ServerSettings settings = ServerSettings.from(environment);
        boolean keyFileInUse = settings.masterKey() == null;
        Path pending = settings.dataDir().resolve(PENDING_FILE);
        MasterKey current;
        MasterKey next;
        boolean writePending = false;
        try {
            current = MasterKey.existing(settings.masterKey(), settings.dataDir());
            if (newKeyText != null || newKeyFile != null) {
                next = newKeyText != null ? MasterKey.fromBase64(newKeyText, "--new-key") : MasterKey.readFile(newKeyFile);
                if (Files.exists(pending)) {
                    MasterKey started = MasterKey.readFile(pending);
                    if (!started.equals(next)) {
                        err.println("error: a rotation to master key " + started.id() + " was started and not finished ("
                                + pending + "): run rekey without --new-key to finish it first");
                        return Cli.INVALID;
                    }
                } else {
                    writePending = keyFileInUse;
                }
            } else if (Files.exists(pending)) {
                next = MasterKey.readFile(pending);
                out.println("finishing the rotation to master key " + next.id() + " from " + pending);
            } else {
                next = MasterKey.generate();
                writePending = true;
            }
        } catch (MasterKey.InvalidKeyException e) {
            err.println("error: " + e.getMessage());
            return Cli.INVALID;
        }
        if (next.equals(current)) {
            err.println("error: the new master key is the key in use (" + current.id() + ", from " + current.source() + ")"
                    + (Files.exists(pending) && newKeyText == null && newKeyFile == null
                            ? "; " + pending + " is left from a finished rotation: delete it" : ""));
            return Cli.INVALID;
        }

        MongoConnection connection;
        try {
            connection = MongoConnection.from(settings.mongoUri(), settings.dataDir());
        } catch (RuntimeException e) {
            err.println("error: cannot open the database: " + e.getMessage()
                    + (settings.mongoUri() == null ? "\nIs a server running on " + settings.dataDir()
                            + "? Stop it first: the embedded database can be open in one process only." : ""));
            return Cli.INVALID;
        }
        if (writePending) {
            // before any credential moves to the new key, the key is safe on disk
            try {
                next.writeNew(pending);
            } catch (IOException | MasterKey.InvalidKeyException e) {
                connection.close();
                err.println("error: cannot keep the new key in " + pending + ": " + e.getMessage());
                return Cli.INVALID;
            }
            out.println("new master key " + next.id() + " written to " + pending + " (mode 0600)");
        }
        try (connection) {
            out.println("re-encrypting the credentials in the " + connection.description() + " from master key "
                    + current.id() + " (" + current.source() + ") to " + next.id());
            CredentialCipher from = new CredentialCipher(current);
            CredentialCipher to = new CredentialCipher(next);
            CredentialStore store = new MongoCredentialStore(connection, from, Clock.systemUTC());
            CredentialStore.RekeyResult result = store.reencrypt(from, to, this::progress);
            out.println("re-encrypted " + result.reencrypted() + " credential(s); " + result.alreadyDone()
                    + " were already under " + next.id());
            if (!result.complete()) {
                result.unreadable().forEach(u -> err.println("could not re-encrypt credential \"" + u.name() + "\" ("
                        + u.id() + "): " + u.reason()));
                err.println(result.unreadable().size() + " credential(s) are left as they were; the new key stays in "
                        + (Files.exists(pending) ? pending : "your hands")
                        + ". Fix or delete them and run rekey again.");
                return Cli.FAILED;
            }
        } catch (RuntimeException e) {
            err.println("error: the re-encryption stopped: " + e.getMessage()
                    + "\nEvery credential is whole under the old key or the new one; run rekey again to finish.");
            return Cli.INVALID;
        }
        return finish(keyFileInUse, pending, next);
    }

    private int finish(boolean keyFileInUse, Path pending, MasterKey next) {
        if (keyFileInUse) {
            Path keyFile = pending.resolveSibling(MasterKey.FILE_NAME);
            try {
                Files.move(pending, keyFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                err.println("error: every credential is under master key " + next.id() + ", but " + pending
                        + " could not replace " + keyFile + " (" + e.getClass().getSimpleName() + "): move it there yourself "
                        + "before you start the server");
                return Cli.INVALID;
            }
            out.println("done: " + keyFile + " now holds master key " + next.id() + "; the old key is gone");
        } else if (Files.exists(pending)) {
            out.println("done: set " + MasterKey.ENVIRONMENT + " to the contents of " + pending
                    + " before you start the server, then delete that file");
        } else {
            out.println("done: set " + MasterKey.ENVIRONMENT + " to the new key before you start the server");
        }
        return Cli.OK;
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length) {
            throw new Cli.UsageException(flag + " needs a value");
        }
        return args[i];
    }

    private void progress(String credentialId, long done, long total) {
        long step = Math.max(1, (total + 9) / 10);
        if (done % step == 0 || done == total) {
            out.println("  " + done + " of " + total);
        }
    }
}
