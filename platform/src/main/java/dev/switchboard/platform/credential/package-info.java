/**
 * Connector credentials, encrypted at rest: the {@link dev.switchboard.platform.credential.MasterKey}
 * (from {@code SWITCHBOARD_MASTER_KEY}, else generated once into {@code <data dir>/master.key}), the
 * {@link dev.switchboard.platform.credential.CredentialCipher} (AES-256-GCM, a fresh nonce per write,
 * the credential's id bound in as associated data), the {@link dev.switchboard.platform.credential.Credential}
 * as the platform passes it around (secret values sealed; they come out only through an explicit
 * {@code decrypt}), and the {@link dev.switchboard.platform.credential.CredentialStore} that the
 * {@code store} package implements. Around the vault: the {@link dev.switchboard.platform.credential.CredentialTypes}
 * the nodes declare, {@link dev.switchboard.platform.credential.VaultCredentials} (the vault as runs use it,
 * with {@link dev.switchboard.platform.credential.OAuth2Tokens}), the
 * {@link dev.switchboard.platform.credential.CredentialTester} ("test connection") and the
 * {@link dev.switchboard.platform.credential.CredentialUsage} (which workflows use a credential).
 * No message of this package ever holds a secret value.
 */
package dev.switchboard.platform.credential;
