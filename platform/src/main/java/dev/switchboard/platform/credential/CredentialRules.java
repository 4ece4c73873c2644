package dev.switchboard.platform.credential;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;

import dev.switchboard.platform.json.Json;

/** What the vault accepts as a credential's name, type and data. Messages name fields, never values. */
public final class CredentialRules {

    /** The most a credential's data may hold, as JSON text. */
    public static final int MAX_DATA_BYTES = 64 * 1024;
    public static final int MAX_NAME_LENGTH = 200;
    private static final Pattern TYPE = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,99}");

    private CredentialRules() {
    }

    public static String name(String name) {
        if (name == null || name.isBlank()) {
            throw new CredentialException.Invalid("a credential needs a name");
        }
        String n = name.strip();
        if (n.length() > MAX_NAME_LENGTH) {
            throw new CredentialException.Invalid("the name is " + n.length() + " characters long; at most "
                    + MAX_NAME_LENGTH + " are allowed");
        }
        return n;
    }

    public static String type(String type) {
        if (type == null || type.isBlank()) {
            throw new CredentialException.Invalid("a credential needs a type (e.g. \"httpHeaderAuth\")");
        }
        String t = type.strip();
        if (!TYPE.matcher(t).matches()) {
            throw new CredentialException.Invalid("the type \"" + t + "\" is not a type name: letters, digits, "
                    + "'_', '.' and '-', starting with a letter, at most 100");
        }
        return t;
    }

    /** Checks a complete data map (as it will be stored). */
    public static Map<String, Object> data(Map<String, Object> data) {
        if (data == null) {
            throw new CredentialException.Invalid("a credential needs data (a JSON object of fields)");
        }
        for (Map.Entry<String, Object> e : data.entrySet()) {
            if (e.getKey() == null || e.getKey().isBlank()) {
                throw new CredentialException.Invalid("a data field has an empty name");
            }
            if (e.getKey().length() > MAX_NAME_LENGTH) {
                throw new CredentialException.Invalid("a data field name is longer than " + MAX_NAME_LENGTH + " characters");
            }
            if (Credential.MASK.equals(e.getValue())) {
                throw new CredentialException.Invalid("data field \"" + e.getKey() + "\" holds the mask "
                        + Credential.MASK + " instead of a value");
            }
        }
        int size = Json.write(data).getBytes(StandardCharsets.UTF_8).length;
        if (size > MAX_DATA_BYTES) {
            throw new CredentialException.Invalid("the data takes " + size + " bytes as JSON; at most " + MAX_DATA_BYTES
                    + " are allowed");
        }
        return data;
    }
}
