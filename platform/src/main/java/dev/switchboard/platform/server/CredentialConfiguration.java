package dev.switchboard.platform.server;

import java.nio.file.Path;
import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.switchboard.platform.credential.CredentialCipher;
import dev.switchboard.platform.credential.CredentialStore;
import dev.switchboard.platform.credential.MasterKey;
import dev.switchboard.platform.store.MongoConnection;
import dev.switchboard.platform.store.MongoCredentialStore;

/**
 * The credential vault: the master key (from {@code SWITCHBOARD_MASTER_KEY}, else generated once into
 * {@code <data dir>/master.key}), its cipher and the store. Logs the key's id and where it came from,
 * never the key.
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
}
