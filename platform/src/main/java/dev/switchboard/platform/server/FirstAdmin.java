package dev.switchboard.platform.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.switchboard.platform.user.Passwords;
import dev.switchboard.platform.user.Role;
import dev.switchboard.platform.user.UserException;
import dev.switchboard.platform.user.UserStore;

/**
 * The first admin, made at start-up while there is no user: user name {@code admin}, password from
 * {@code SWITCHBOARD_ADMIN_PASSWORD}, else generated and written to {@code <data dir>/initial-admin-password}
 * (mode 0600). The log says where the password is, never the password. Two instances starting together on
 * one database make one admin (the user name is unique).
 */
public final class FirstAdmin {

    private static final Logger LOG = LoggerFactory.getLogger(FirstAdmin.class);
    public static final String USERNAME = "admin";

    private FirstAdmin() {
    }

    /** Makes the first admin if there is no user; returns whether it did. */
    public static boolean ensure(UserStore users, Path dataDir, String configuredPassword) {
        if (users.count() > 0) {
            return false;
        }
        boolean generated = configuredPassword == null || configuredPassword.isBlank();
        String password = generated ? Passwords.generate() : configuredPassword;
        try {
            users.create(USERNAME, "Administrator", Set.of(Role.ADMIN), password);
        } catch (UserException.UsernameTaken e) {
            return false;
        } catch (UserException.Invalid e) {
            throw new IllegalStateException("SWITCHBOARD_ADMIN_PASSWORD is not usable: " + e.getMessage(), e);
        }
        if (!generated) {
            LOG.info("made the first admin \"{}\" with the password from SWITCHBOARD_ADMIN_PASSWORD", USERNAME);
            return true;
        }
        Path file = dataDir.resolve("initial-admin-password");
        try {
            Files.createDirectories(dataDir);
            Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            LOG.info("made the first admin \"{}\"; its generated password is in {} (change it after signing in)",
                    USERNAME, file.toAbsolutePath());
        } catch (IOException e) {
            LOG.warn("made the first admin \"{}\" but cannot write its password to {} ({}); set SWITCHBOARD_ADMIN_PASSWORD "
                    + "and reset it through the API", USERNAME, file, e.getMessage());
        }
        return true;
    }
}
