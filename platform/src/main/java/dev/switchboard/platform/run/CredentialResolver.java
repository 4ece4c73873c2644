package dev.switchboard.platform.run;

import dev.switchboard.platform.node.NodeCredential;

/**
 * Where a run gets the credentials its nodes name: on the server, the vault; without one (the command
 * line, tests), {@link #none()}. Given to a run with {@link RunRequest.Builder#credentials}.
 */
@FunctionalInterface
public interface CredentialResolver {

    /**
     * The credential a node names for a type: by {@code id}, else (no id, or none with that id) by
     * {@code name}. Either may be null, not both.
     *
     * @throws Unavailable when there is no such credential, it is of another type, or it cannot be opened;
     *                     the message names the credential, never a secret value
     */
    NodeCredential resolve(String type, String id, String name);

    /** No credentials at all: every lookup says why. */
    /**
     * The resolver one run uses ({@code this} by default): a server's may note which credentials each run used.
     */
    default CredentialResolver forRun(RunRecord run) {
        return this;
    }

    static CredentialResolver none() {
        return (type, id, name) -> {
            throw new Unavailable("this run has no credential vault (credentials are available to runs on a "
                    + "Switchboard server)");
        };
    }

    /** A credential a node names cannot be had; the message says why, naming no secret. */
    final class Unavailable extends RuntimeException {
        public Unavailable(String message) {
            super(message);
        }
    }
}
