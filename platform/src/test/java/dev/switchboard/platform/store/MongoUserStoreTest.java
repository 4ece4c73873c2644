package dev.switchboard.platform.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.time.Clock;
import java.util.Set;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.switchboard.platform.paging.Page;
import dev.switchboard.platform.user.Passwords;
import dev.switchboard.platform.user.Role;
import dev.switchboard.platform.user.User;
import dev.switchboard.platform.user.UserException;
import dev.switchboard.platform.user.UserUpdate;

/** Users in MongoDB: unique names, hashed passwords, and always an admin left. */
class MongoUserStoreTest {

    private MongoConnection connection;
    private MongoUserStore users;

    @BeforeEach
    void open() throws Exception {
        connection = MongoConnection.embedded(Files.createTempDirectory("users"));
        users = new MongoUserStore(connection, new Passwords(1_000), Clock.systemUTC());
    }

    @AfterEach
    void close() {
        connection.close();
    }

    @Test
    void aUserSignsInWithItsNameInAnyCaseAndItsPassword() {
        User ada = users.create("Ada", "Ada Lovelace", Set.of(Role.BUILDER), "analytical engine");
        assertThat(ada.username()).isEqualTo("ada");
        assertThat(users.authenticate("ADA ", "analytical engine")).contains(ada);
        assertThat(users.authenticate("ada", "analytical enginE")).isEmpty();
        assertThat(users.authenticate("bob", "analytical engine")).isEmpty();
    }

    @Test
    void thePasswordIsStoredOnlyAsAHash() {
        users.create("ada", null, Set.of(Role.VIEWER), "analytical engine");
        Document stored = connection.database().getCollection("users").find().first();
        assertThat(stored.toJson()).doesNotContain("analytical engine");
        assertThat(stored.getString("passwordHash")).startsWith("pbkdf2-sha256$");
        assertThat(stored.getString("name")).as("the name defaults to the user name").isEqualTo("ada");
    }

    @Test
    void aUserNameIsTakenWhateverItsCase() {
        users.create("ada", null, Set.of(Role.VIEWER), "analytical engine");
        assertThatThrownBy(() -> users.create("ADA", null, Set.of(Role.VIEWER), "analytical engine"))
                .isInstanceOf(UserException.UsernameTaken.class).hasMessageContaining("\"ada\" is taken");
    }

    @Test
    void badFieldsAreRefusedByName() {
        assertThatThrownBy(() -> users.create("a b", null, Set.of(Role.VIEWER), "analytical engine"))
                .isInstanceOf(UserException.Invalid.class).hasMessageContaining("\"username\"");
        assertThatThrownBy(() -> users.create("ada", null, Set.of(), "analytical engine"))
                .isInstanceOf(UserException.Invalid.class).hasMessageContaining("\"roles\"");
        assertThatThrownBy(() -> users.create("ada", null, Set.of(Role.VIEWER), "short"))
                .isInstanceOf(UserException.Invalid.class).hasMessageContaining("\"password\"");
        assertThat(users.count()).isZero();
    }

    @Test
    void aDisabledUserCannotSignInAndANewPasswordReplacesTheOld() {
        User ada = users.create("ada", null, Set.of(Role.BUILDER), "analytical engine");
        users.update(ada.id(), new UserUpdate(null, null, true, null));
        assertThat(users.authenticate("ada", "analytical engine")).isEmpty();
        users.update(ada.id(), new UserUpdate("Ada L.", Set.of(Role.APPROVER), false, "difference engine"));
        assertThat(users.authenticate("ada", "analytical engine")).isEmpty();
        assertThat(users.authenticate("ada", "difference engine")).get()
                .satisfies(u -> assertThat(u.roles()).containsExactly(Role.APPROVER))
                .satisfies(u -> assertThat(u.name()).isEqualTo("Ada L."));
    }

    @Test
    void theLastEnabledAdminCannotBeRemovedDisabledOrDemoted() {
        User root = users.create("root", null, Set.of(Role.ADMIN), "analytical engine");
        assertThatThrownBy(() -> users.delete(root.id())).isInstanceOf(UserException.LastAdmin.class)
                .hasMessageContaining("last enabled admin");
        assertThatThrownBy(() -> users.update(root.id(), new UserUpdate(null, null, true, null)))
                .isInstanceOf(UserException.LastAdmin.class);
        assertThatThrownBy(() -> users.update(root.id(), new UserUpdate(null, Set.of(Role.VIEWER), null, null)))
                .isInstanceOf(UserException.LastAdmin.class);

        User second = users.create("second", null, Set.of(Role.ADMIN, Role.BUILDER), "analytical engine");
        users.update(root.id(), new UserUpdate(null, Set.of(Role.VIEWER), null, null));
        assertThatThrownBy(() -> users.delete(second.id())).isInstanceOf(UserException.LastAdmin.class);
        users.delete(root.id());
        assertThat(users.get(root.id())).isEmpty();
        assertThatThrownBy(() -> users.delete(root.id())).isInstanceOf(UserException.NotFound.class);
    }

    @Test
    void listsPageBySearchAndUserName() {
        for (String name : new String[] {"carol", "alice", "bob", "alina"}) {
            users.create(name, name.toUpperCase(), Set.of(Role.VIEWER), "analytical engine");
        }
        Page<User> firstTwo = users.list(null, new Page.Request(0, 2));
        assertThat(firstTwo.total()).isEqualTo(4);
        assertThat(firstTwo.items()).extracting(User::username).containsExactly("alice", "alina");
        assertThat(users.list("ALI", new Page.Request(0, 10)).items()).extracting(User::username)
                .containsExactly("alice", "alina");
    }
}
