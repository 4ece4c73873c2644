package dev.switchboard.platform.server;

import java.nio.file.Path;
import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.switchboard.platform.credential.CredentialCipher;
import dev.switchboard.platform.credential.CredentialStore;
import dev.switchboard.platform.credential.CredentialTester;
import dev.switchboard.platform.credential.CredentialTypes;
import dev.switchboard.platform.credential.CredentialUsage;
import dev.switchboard.platform.credential.MasterKey;
import dev.switchboard.platform.credential.OAuth2Tokens;
import dev.switchboard.platform.credential.VaultCredentials;
import dev.switchboard.platform.engine.LocalEngine;
import dev.switchboard.platform.store.MongoConnection;
import dev.switchboard.platform.store.MongoCredentialStore;
import dev.switchboard.platform.workflow.WorkflowStore;

/**
 * The credential vault: the master key (from {@code SWITCHBOARD_MASTER_KEY}, else generated once into
 * {@code <data dir>/master.key}), its cipher and the store; the credential types the nodes declare; the
 * vault as runs use it (given to the {@link RunService}), the tester and the usage of credentials by
 * workflows. Logs the key's id and where it came from, never the key.
 */
@Configuration(proxyBeanMethods = false)
public class CredentialConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(CredentialConfiguration.class);

    @Bean
    MasterKey masterKey(ServerSettings settings) {
        MasterKey key = MasterKey.load(settings.masterKey(), settings.dataDir());
        if (key.generated()) {
            LOG.info("no {} was configured: a master key {} was generated into {} (mode 0600); back it up, without it "
                    + "the stored credentials cannot be decrypted", MasterKey.ENVIRONMENT, key.id(), key.source());
        } else {
            LOG.info("credentials are encrypted with master key {} from {}", key.id(), key.source());
            Path file = settings.dataDir().resolve(MasterKey.FILE_NAME);
            if (settings.masterKey() == null && MasterKey.readableByOthers(file)) {
                LOG.warn("the master key file {} can be read by other users: restrict it with `chmod 600 {}`", file, file);
            }
        }
        return key;
    }

    @Bean
    CredentialCipher credentialCipher(MasterKey key) {
        return new CredentialCipher(key);
    }

    @Bean
    CredentialStore credentialStore(MongoConnection connection, CredentialCipher cipher) {
        MongoCredentialStore store = new MongoCredentialStore(connection, cipher, Clock.systemUTC());
        long elsewhere = store.countUnderOtherKeys();
        if (elsewhere > 0) {
            LOG.warn("{} credential(s) are encrypted under another master key than {} and cannot be used: configure the "
                    + "key they were written with, or finish a key rotation with `java -jar switchboard.jar rekey` "
                    + "(with the server stopped)", elsewhere, cipher.keyId());
        }
        return store;
    }

    @Bean
    CredentialTypes credentialTypes(LocalEngine engine) {
        return CredentialTypes.of(engine.types());
    }

    @Bean
    OAuth2Tokens oauth2Tokens() {
        return new OAuth2Tokens(Clock.systemUTC());
    }

    /** The vault as runs see it; the run service's workers get it. */
    @Bean
    VaultCredentials vaultCredentials(CredentialStore store, CredentialTypes types, OAuth2Tokens tokens, RunService runs) {
        VaultCredentials vault = new VaultCredentials(store, types, tokens);
        runs.credentials(vault);
        return vault;
    }

    @Bean
    CredentialTester credentialTester(CredentialTypes types, OAuth2Tokens tokens) {
        return new CredentialTester(types, tokens);
    }

    @Bean
    CredentialUsage credentialUsage(WorkflowStore workflows) {
        return new CredentialUsage(workflows);
    }
}
