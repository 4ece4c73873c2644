package dev.switchboard.platform.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;

import dev.switchboard.platform.credential.Credential;
import dev.switchboard.platform.credential.CredentialCipher;
import dev.switchboard.platform.credential.CredentialException;
import dev.switchboard.platform.credential.CredentialStore;
import dev.switchboard.platform.credential.CredentialUpdate;
import dev.switchboard.platform.credential.MasterKey;
import dev.switchboard.platform.paging.Page;

/** Credentials in the embedded MongoDB, over the wire: encrypted at rest, changed one write at a time. */
class MongoCredentialStoreTest {

    private static final String SECRET = "xoxb-very-secret-token";

    private final MongoConnection connection = MongoConnection.inMemory();
    private final MasterKey oldKey = MasterKey.generate();
    private final CredentialCipher oldCipher = new CredentialCipher(oldKey);
    private final MongoCredentialStore store = new MongoCredentialStore(connection, oldCipher, Clock.systemUTC());
    private final MongoCollection<Document> raw = connection.database().getCollection("credentials");

    @AfterEach
    void close() {
        connection.close();
    }

    @Test
    void aCredentialIsStoredEncryptedAndComesBackOnlyThroughDecrypt() {
        Credential c = store.create("Slack bot", "slackApi", Map.of("accessToken", SECRET, "workspace", "acme"));
        assertThat(c.data().fields()).containsExactlyInAnyOrder("accessToken", "workspace");
        assertThat(c.data().keyId()).isEqualTo(oldKey.id());
        assertThat(c.toString()).doesNotContain(SECRET);

        Document doc = raw.find(Filters.eq("_id", c.id())).first();
        assertThat(doc.keySet()).containsExactlyInAnyOrder("_id", "name", "type", "fields", "ciphertext", "keyId",
                "createdAt", "updatedAt");
        assertThat(doc.toJson()).doesNotContain(SECRET).doesNotContain("acme");
        assertThat(doc.getString("keyId")).isEqualTo(oldKey.id());

        Credential read = store.get(c.id()).orElseThrow();
        assertThat(read.name()).isEqualTo("Slack bot");
        assertThat(read.type()).isEqualTo("slackApi");
        assertThat(read.data().masked()).containsOnly(Map.entry("accessToken", Credential.MASK),
                Map.entry("workspace", Credential.MASK));
        assertThat(store.decrypt(c.id())).isEqualTo(Map.of("accessToken", SECRET, "workspace", "acme"));
        assertThat(read.decrypt(oldCipher)).containsEntry("accessToken", SECRET);
    }

    @Test
    void updatesKeepAbsentFieldsAndRenamesNeedNoDecryption() {
        Credential c = store.create("Postgres", "postgres", Map.of("user", "ada", "password", "pw-1"));
        Credential updated = store.update(c.id(), new CredentialUpdate(null, null, Map.of("password", "pw-2")));
        assertThat(store.decrypt(c.id())).isEqualTo(Map.of("user", "ada", "password", "pw-2"));
        assertThat(updated.updatedAt()).isAfterOrEqualTo(c.updatedAt());

        // the masked form sent back unchanged, with a new name: the ciphertext is not even touched
        String before = raw.find(Filters.eq("_id", c.id())).first().getString("ciphertext");
        Credential renamed = store.update(c.id(), new CredentialUpdate("Postgres (prod)", "postgres",
                Map.of("user", Credential.MASK, "password", Credential.MASK)));
        assertThat(renamed.name()).isEqualTo("Postgres (prod)");
        assertThat(raw.find(Filters.eq("_id", c.id())).first().getString("ciphertext")).isEqualTo(before);

        java.util.Map<String, Object> removal = new java.util.HashMap<>();
        removal.put("user", null);
        assertThat(store.update(c.id(), new CredentialUpdate(null, null, removal)).data().fields()).containsExactly("password");
        assertThat(store.decrypt(c.id())).isEqualTo(Map.of("password", "pw-2"));

        assertThatThrownBy(() -> store.update(c.id(), new CredentialUpdate(null, null, Map.of("token", Credential.MASK))))
                .isInstanceOf(CredentialException.Invalid.class);
        assertThatThrownBy(() -> store.update(c.id(), new CredentialUpdate(" ", null, Map.of())))
                .isInstanceOf(CredentialException.Invalid.class).hasMessage("a credential needs a name");
    }

    @Test
    void listsPageNewestFirstAndFilterByNameAndType() {
        MongoCredentialStore timed = new MongoCredentialStore(connection, oldCipher,
                Clock.fixed(Instant.parse("2024-12-31T00:00:00Z"), ZoneOffset.UTC));
        for (int i = 0; i < 5; i++) {
            new MongoCredentialStore(connection, oldCipher,
                    Clock.fixed(Instant.parse("2025-01-0" + (i + 1) + "T00:00:00Z"), ZoneOffset.UTC))
                    .create("Mail " + i, i % 2 == 0 ? "smtp" : "imap", Map.of("password", "p" + i));
        }
        timed.create("Stripe", "stripeApi", Map.of("secretKey", SECRET));
        Page<Credential> first = store.list(null, null, new Page.Request(0, 4));
        assertThat(first.total()).isEqualTo(6);
        assertThat(first.items()).extracting(Credential::name).containsExactly("Mail 4", "Mail 3", "Mail 2", "Mail 1");
        assertThat(store.list(null, null, new Page.Request(1, 4)).items()).extracting(Credential::name)
                .containsExactly("Mail 0", "Stripe");
        assertThat(store.list("mail", "smtp", Page.Request.first(50)).items()).extracting(Credential::name)
                .containsExactly("Mail 4", "Mail 2", "Mail 0");
        assertThat(store.list("STRIPE", null, Page.Request.first(50)).total()).isEqualTo(1);
        assertThat(store.list("(", null, Page.Request.first(50)).total()).isZero();
    }

    @Test
    void deletingRemovesTheDocument() {
        Credential c = store.create("Temp", "httpHeaderAuth", Map.of("value", SECRET));
        store.delete(c.id());
        assertThat(store.get(c.id())).isEmpty();
        assertThat(raw.countDocuments()).isZero();
        assertThatThrownBy(() -> store.delete(c.id())).isInstanceOf(CredentialException.NotFound.class)
                .hasMessage("no credential with id \"" + c.id() + "\"");
        assertThatThrownBy(() -> store.decrypt(c.id())).isInstanceOf(CredentialException.NotFound.class);
    }

    @Test
    void aStoreWithAnotherKeyRefusesToDecryptAndSaysWhichKeyIsNeeded() {
        Credential c = store.create("Slack", "slackApi", Map.of("accessToken", SECRET));
        MasterKey other = MasterKey.generate();
        MongoCredentialStore wrong = new MongoCredentialStore(connection, new CredentialCipher(other), Clock.systemUTC());
        assertThat(wrong.countUnderOtherKeys()).isEqualTo(1);
        assertThatThrownBy(() -> wrong.decrypt(c.id())).isInstanceOf(CredentialException.WrongKey.class)
                .hasMessageContaining(oldKey.id()).hasMessageContaining(other.id()).hasMessageNotContaining(SECRET);
        // the name and field names stay readable: the admin can still see what is there
        assertThat(wrong.get(c.id()).orElseThrow().data().fields()).containsExactly("accessToken");
        assertThat(wrong.update(c.id(), new CredentialUpdate("Slack (old key)", null, null)).name()).isEqualTo("Slack (old key)");
    }

    @Test
    void rekeyingReencryptsEveryCredentialAndAnInterruptedRunIsFinishedByTheNext() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ids.add(store.create("Cred " + i, "httpBasicAuth", Map.of("user", "u" + i, "password", SECRET + i)).id());
        }
        MasterKey newKey = MasterKey.generate();
        CredentialCipher newCipher = new CredentialCipher(newKey);

        // a crash after the fourth credential was written
        class Crash extends RuntimeException {
        }
        assertThatThrownBy(() -> store.reencrypt(oldCipher, newCipher, (id, done, total) -> {
            assertThat(total).isEqualTo(10);
            if (done == 4) {
                throw new Crash();
            }
        })).isInstanceOf(Crash.class);

        // a consistent state: each credential whole under the key its document names
        assertThat(raw.countDocuments(Filters.eq("keyId", newKey.id()))).isEqualTo(4);
        assertThat(raw.countDocuments(Filters.eq("keyId", oldKey.id()))).isEqualTo(6);
        for (Document d : raw.find()) {
            CredentialCipher under = d.getString("keyId").equals(newKey.id()) ? newCipher : oldCipher;
            assertThat(CredentialCipher.keyIdOf(d.getString("_id"), d.getString("ciphertext"))).isEqualTo(d.getString("keyId"));
            assertThat(under.decrypt(d.getString("_id"), d.getString("ciphertext"))).containsKey("password");
        }

        List<String> told = new ArrayList<>();
        CredentialStore.RekeyResult second = store.reencrypt(oldCipher, newCipher, (id, done, total) -> told.add(done + "/" + total));
        assertThat(second.reencrypted()).isEqualTo(6);
        assertThat(second.alreadyDone()).isEqualTo(4);
        assertThat(second.complete()).isTrue();
        assertThat(told).containsExactly("1/6", "2/6", "3/6", "4/6", "5/6", "6/6");

        MongoCredentialStore afterwards = new MongoCredentialStore(connection, newCipher, Clock.systemUTC());
        assertThat(afterwards.countUnderOtherKeys()).isZero();
        for (int i = 0; i < ids.size(); i++) {
            assertThat(afterwards.decrypt(ids.get(i))).isEqualTo(Map.of("user", "u" + i, "password", SECRET + i));
            String id = ids.get(i);
            assertThatThrownBy(() -> store.decrypt(id)).isInstanceOf(CredentialException.WrongKey.class);
        }
        for (Document d : raw.find()) {
            assertThat(d.toJson()).doesNotContain(SECRET);
        }
        // a third run has nothing to do
        assertThat(store.reencrypt(oldCipher, newCipher, CredentialStore.RekeyListener.none()))
                .isEqualTo(new CredentialStore.RekeyResult(0, 10, List.of()));
    }

    @Test
    void rekeyingLeavesACredentialUnderAThirdKeyAsItIsAndReportsIt() {
        Credential mine = store.create("Mine", "httpBasicAuth", Map.of("password", SECRET));
        MasterKey stranger = MasterKey.generate();
        Credential foreign = new MongoCredentialStore(connection, new CredentialCipher(stranger), Clock.systemUTC())
                .create("Foreign", "httpBasicAuth", Map.of("password", SECRET));
        CredentialCipher newCipher = new CredentialCipher(MasterKey.generate());

        CredentialStore.RekeyResult result = store.reencrypt(oldCipher, newCipher, CredentialStore.RekeyListener.none());
        assertThat(result.reencrypted()).isEqualTo(1);
        assertThat(result.complete()).isFalse();
        assertThat(result.unreadable()).singleElement().satisfies(u -> {
            assertThat(u.id()).isEqualTo(foreign.id());
            assertThat(u.name()).isEqualTo("Foreign");
            assertThat(u.reason()).contains(stranger.id()).doesNotContain(SECRET);
        });
        assertThat(raw.find(Filters.eq("_id", foreign.id())).first().getString("keyId")).isEqualTo(stranger.id());
        assertThat(new MongoCredentialStore(connection, newCipher, Clock.systemUTC()).decrypt(mine.id()))
                .containsEntry("password", SECRET);
        assertThatThrownBy(() -> store.reencrypt(oldCipher, oldCipher, CredentialStore.RekeyListener.none()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is the key in use");
    }
}
