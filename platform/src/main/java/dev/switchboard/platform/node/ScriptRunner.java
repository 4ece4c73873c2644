package dev.switchboard.platform.node;

/**
 * Runs user JavaScript for the Code and Function nodes in the sandbox (no host classes, files,
 * network, environment or threads; CPU-time and statement limits), with n8n's globals
 * ({@code $input}, {@code items}, {@code $json}, {@code $('Node')}, {@code console.log}, ...).
 */
public interface ScriptRunner {

    /**
     * Runs {@code code} as the body of an async function and returns its return value as plain JSON
     * values (maps, lists, strings, numbers, booleans, null). In per-item mode {@code itemIndex}
     * selects the item that {@code $json} and {@code item} refer to.
     *
     * <p>n8n's legacy globals are there too: {@code items} (all input items, mutable within the run)
     * and {@code item} (the current item).
     *
     * @param parameter the parameter name, for error messages
     */
    Object run(String code, ScriptMode mode, int itemIndex, String parameter);
}
