package dev.switchboard.platform.json;

/** JSON that cannot be read, with a message that names where. */
public final class JsonException extends RuntimeException {
    public JsonException(String message) {
        super(message);
    }

    public JsonException(String message, Throwable cause) {
        super(message, cause);
    }
}
