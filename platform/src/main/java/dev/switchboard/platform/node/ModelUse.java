package dev.switchboard.platform.node;

/**
 * The tokens one call to a language model used, as its server reported them: recorded on the step with
 * {@link NodeContext#recordModelUse}, which adds the estimated cost from the price table.
 */
public record ModelUse(String model, long inputTokens, long outputTokens) {

    public ModelUse {
        model = model == null || model.isBlank() ? "unknown" : model;
        inputTokens = Math.max(0, inputTokens);
        outputTokens = Math.max(0, outputTokens);
    }
}
