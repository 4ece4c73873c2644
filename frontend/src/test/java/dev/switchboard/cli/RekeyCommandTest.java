package dev.switchboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

import dev.switchboard.platform.credential.CredentialCipher;
import dev.switchboard.platform.credential.CredentialException;
import dev.switchboard.platform.credential.MasterKey;
import dev.switchboard.platform.store.MongoConnection;
import dev.switchboard.platform.store.MongoCredentialStore;

/** {@code rekey}: every credential of the server's database moves to a new master key, resumably. */
class RekeyCommandTest {

    private static final String SECRET = "pa55-w0rd-never-printed";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final MockEnvironment env = new MockEnvironment();

    private int rekey(String... args) {
        env.setProperty("switchboard.data-dir", dir.toString());
        return new RekeyCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env).run(args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** Stores credentials under {@code key} in the embedded database of the data directory; their ids. */
    private List<String> storeCredentials(MasterKey key, int count) {
        List<String> ids = new ArrayList<>();
        try (MongoConnection connection = MongoConnection.embedded(dir)) {
            MongoCredentialStore store = new MongoCredentialStore(connection, new CredentialCipher(key), Clock.systemUTC());
            for (int i = 0; i < count; i++) {
                ids.add(store.create("Cred " + i, "httpBasicAuth", Map.of("user", "u" + i, "password", SECRET)).id());
            }
        }
        return ids;
    }

    /** Decrypts every credential with {@code key}, and checks no stored document holds the secret. */
    private void assertAllOpenWith(MasterKey key, List<String> ids) {
        try (MongoConnection connection = MongoConnection.embedded(dir)) {
            MongoCredentialStore store = new MongoCredentialStore(connection, new CredentialCipher(key), Clock.systemUTC());
            assertThat(store.countUnderOtherKeys()).isZero();
            for (int i = 0; i < ids.size(); i++) {
                assertThat(store.decrypt(ids.get(i))).isEqualTo(Map.of("user", "u" + i, "password", SECRET));
            }
            for (Document d : connection.database().getCollection("credentials").find()) {
                assertThat(d.toJson()).doesNotContain(SECRET);
            }
        }
    }

    @Test
    void withAKeyFileItGeneratesANewKeyReencryptsEverythingAndThenReplacesTheKeyFile() throws Exception {
        MasterKey old = MasterKey.load(null, dir);
        List<String> ids = storeCredentials(old, 3);

        assertThat(rekey()).isZero();

        MasterKey now = MasterKey.readFile(dir.resolve("master.key"));
        assertThat(now).isNotEqualTo(old);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("master.key")))).isEqualTo("rw-------");
        assertThat(dir.resolve("master.key.new")).doesNotExist();
        assertThat(out()).contains("new master key " + now.id() + " written to " + dir.resolve("master.key.new"))
                .contains("re-encrypted 3 credential(s)").contains("3 of 3")
                .contains(dir.resolve("master.key") + " now holds master key " + now.id());
        assertThat(out() + err()).doesNotContain(SECRET).doesNotContain(Files.readString(dir.resolve("master.key")).strip());
        assertAllOpenWith(now, ids);
        try (MongoConnection connection = MongoConnection.embedded(dir)) {
            MongoCredentialStore stale = new MongoCredentialStore(connection, new CredentialCipher(old), Clock.systemUTC());
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> stale.decrypt(ids.get(0)))
                    .isInstanceOf(CredentialException.WrongKey.class);
        }
    }

    @Test
    void withTheKeyInTheEnvironmentItUsesTheGivenNewKeyAndSaysToConfigureIt() {
        String oldKey = randomKeyText();
        List<String> ids = storeCredentials(MasterKey.fromBase64(oldKey, "test"), 2);
        String newKey = randomKeyText();
        env.setProperty("SWITCHBOARD_MASTER_KEY", oldKey);

        assertThat(rekey("--new-key", newKey)).isZero();

        assertThat(out()).contains("re-encrypted 2 credential(s)")
                .contains("set SWITCHBOARD_MASTER_KEY to the new key before you start the server")
                .doesNotContain(newKey);
        assertThat(dir.resolve("master.key")).doesNotExist();
        assertThat(dir.resolve("master.key.new")).doesNotExist();
        assertAllOpenWith(MasterKey.fromBase64(newKey, "test"), ids);
    }

    @Test
    void withTheKeyInTheEnvironmentAGeneratedKeyWaitsInAnOwnerOnlyFileUntilItIsConfigured() throws Exception {
        String oldKey = randomKeyText();
        List<String> ids = storeCredentials(MasterKey.fromBase64(oldKey, "test"), 2);
        env.setProperty("SWITCHBOARD_MASTER_KEY", oldKey);

        assertThat(rekey()).isZero();

        Path pending = dir.resolve("master.key.new");
        assertThat(out()).contains("set SWITCHBOARD_MASTER_KEY to the contents of " + pending);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(pending))).isEqualTo("rw-------");
        assertThat(dir.resolve("master.key")).doesNotExist();
        assertAllOpenWith(MasterKey.readFile(pending), ids);

        env.setProperty("SWITCHBOARD_MASTER_KEY", Files.readString(pending).strip());
        assertThat(rekey()).isEqualTo(Cli.INVALID);
        assertThat(err()).contains(pending + " is left from a finished rotation: delete it");
    }

    private static String randomKeyText() {
        byte[] raw = new byte[32];
        new java.security.SecureRandom().nextBytes(raw);
        return Base64.getEncoder().encodeToString(raw);
    }

    @Test
    void anInterruptedRotationIsFinishedByRunningItAgain() {
        MasterKey old = MasterKey.load(null, dir);
        List<String> ids = storeCredentials(old, 5);
        // what a first run had done when it crashed: the new key kept, two credentials moved to it
        MasterKey next = MasterKey.generate();
        try {
            next.writeNew(dir.resolve("master.key.new"));
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw new IllegalStateException(e);
        }
        try (MongoConnection connection = MongoConnection.embedded(dir)) {
            CredentialCipher from = new CredentialCipher(old);
            MongoCredentialStore store = new MongoCredentialStore(connection, from, Clock.systemUTC());
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.reencrypt(from, new CredentialCipher(next),
                    (id, done, total) -> {
                        if (done == 2) {
                            throw new IllegalStateException("power cut");
                        }
                    })).hasMessage("power cut");
        }

        assertThat(rekey()).isZero();

        assertThat(out()).contains("finishing the rotation to master key " + next.id())
                .contains("re-encrypted 3 credential(s); 2 were already under " + next.id());
        assertThat(MasterKey.readFile(dir.resolve("master.key"))).isEqualTo(next);
        assertThat(dir.resolve("master.key.new")).doesNotExist();
        assertAllOpenWith(next, ids);
    }

    @Test
    void anotherNewKeyIsRefusedWhileARotationIsUnfinished() throws Exception {
        MasterKey.load(null, dir);
        MasterKey.generate().writeNew(dir.resolve("master.key.new"));
        byte[] raw = new byte[32];
        assertThat(rekey("--new-key", Base64.getEncoder().encodeToString(raw))).isEqualTo(Cli.INVALID);
        assertThat(err()).contains("was started and not finished").contains("run rekey without --new-key");
    }

    @Test
    void theEmbeddedDatabaseOfARunningServerIsNotTouched() {
        MasterKey old = MasterKey.load(null, dir);
        storeCredentials(old, 1);
        try (MongoConnection server = MongoConnection.embedded(dir)) {
            assertThat(rekey()).isEqualTo(Cli.INVALID);
        }
        assertThat(err()).contains("cannot open the database").contains("Is a server running on " + dir)
                .contains("Stop it first");
        assertThat(dir.resolve("master.key.new")).doesNotExist();
        assertThat(MasterKey.readFile(dir.resolve("master.key"))).isEqualTo(old);
    }

    @Test
    void badKeysAreRefusedClearlyWithoutQuotingThem() {
        assertThat(rekey()).isEqualTo(Cli.INVALID);
        assertThat(err()).contains("there is no master key");

        err.reset();
        env.setProperty("SWITCHBOARD_MASTER_KEY", "not*a*key*secretish");
        assertThat(rekey()).isEqualTo(Cli.INVALID);
        assertThat(err()).contains("SWITCHBOARD_MASTER_KEY is not a valid master key").doesNotContain("secretish");

        err.reset();
        String currentText = randomKeyText();
        MasterKey current = MasterKey.fromBase64(currentText, "test");
        env.setProperty("SWITCHBOARD_MASTER_KEY", currentText);
        assertThat(rekey("--new-key", "c2hvcnQ=")).isEqualTo(Cli.INVALID);
        assertThat(err()).contains("--new-key is not a valid master key: it decodes to 5 bytes");

        err.reset();
        assertThat(rekey("--new-key", currentText.replace("=", ""))).isEqualTo(Cli.INVALID);
        assertThat(err()).contains("the new master key is the key in use (" + current.id());
        assertThat(dir.resolve("master.key.new")).doesNotExist();
    }

    @Test
    void theUsageSaysTheServerMustBeStopped() {
        ByteArrayOutputStream usage = new ByteArrayOutputStream();
        Cli.usage(new PrintStream(usage, true, StandardCharsets.UTF_8));
        assertThat(usage.toString(StandardCharsets.UTF_8)).contains("rekey [--new-key BASE64 | --new-key-file FILE]")
                .contains("must not be in use").contains("stop the server first");
    }
}
