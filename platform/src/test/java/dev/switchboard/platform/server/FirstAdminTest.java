package dev.switchboard.platform.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;

import org.junit.jupiter.api.Test;

import dev.switchboard.platform.store.MongoConnection;
import dev.switchboard.platform.store.MongoUserStore;
import dev.switchboard.platform.user.Passwords;
import dev.switchboard.platform.user.Role;

/** The first admin is made once, with the configured password or a generated one kept in a private file. */
class FirstAdminTest {

    @Test
    void withoutAConfiguredPasswordOneIsGeneratedIntoAFileOnlyTheOwnerReads() throws Exception {
        Path dir = Files.createTempDirectory("first-admin");
        try (MongoConnection connection = MongoConnection.embedded(dir.resolve("db"))) {
            MongoUserStore users = new MongoUserStore(connection, new Passwords(1_000), Clock.systemUTC());
            assertThat(FirstAdmin.ensure(users, dir, null)).isTrue();

            Path file = dir.resolve("initial-admin-password");
            String password = Files.readString(file).strip();
            assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(users.authenticate("admin", password)).get().satisfies(u -> assertThat(u.roles()).containsExactly(Role.ADMIN));

            assertThat(FirstAdmin.ensure(users, dir, "another password")).as("only while there is no user").isFalse();
            assertThat(users.count()).isEqualTo(1);
        }
    }

    @Test
    void theConfiguredPasswordIsUsedAndNoFileWritten() throws Exception {
        Path dir = Files.createTempDirectory("first-admin-configured");
        try (MongoConnection connection = MongoConnection.embedded(dir.resolve("db"))) {
            MongoUserStore users = new MongoUserStore(connection, new Passwords(1_000), Clock.systemUTC());
            FirstAdmin.ensure(users, dir, "configured secret");
            assertThat(users.authenticate("admin", "configured secret")).isPresent();
            assertThat(dir.resolve("initial-admin-password")).doesNotExist();
        }
    }
}
