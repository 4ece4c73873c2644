package dev.switchboard.platform.run;

import dev.switchboard.platform.node.NodeException;

/** A parameter's expression failed; names the parameter and the item. */
final class ParameterException extends NodeException {

    private final String parameter;

    ParameterException(String parameter, int itemIndex, String message, Throwable cause) {
        super(message, itemIndex, null, cause);
        this.parameter = parameter;
    }

    String parameter() {
        return parameter;
    }
}
