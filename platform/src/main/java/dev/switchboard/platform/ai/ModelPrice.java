package dev.switchboard.platform.ai;

/**
 * What a model costs, in US dollars per million tokens read and written.
 *
 * @param model the model's name as nodes give it; a price also applies to dated versions of the name
 *              ({@code gpt-4o-mini} prices {@code gpt-4o-mini-2024-07-18})
 */
public record ModelPrice(String model, double inputPerMillion, double outputPerMillion) {

    public ModelPrice {
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("a price needs the model's name");
        }
        if (!(inputPerMillion >= 0) || !(outputPerMillion >= 0) || Double.isInfinite(inputPerMillion)
                || Double.isInfinite(outputPerMillion)) {
            throw new IllegalArgumentException("the prices of \"" + model + "\" must be numbers of 0 or more");
        }
        model = model.strip();
    }

    /** The cost of so many tokens in and out. */
    public double cost(long inputTokens, long outputTokens) {
        return inputTokens * inputPerMillion / 1_000_000d + outputTokens * outputPerMillion / 1_000_000d;
    }
}
