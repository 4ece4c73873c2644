package dev.switchboard.platform.ai;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.switchboard.platform.node.ModelUse;

/** The price list an admin keeps, which turns the tokens of model calls into estimated costs. */
public final class ModelPriceTable {

    private final List<ModelPrice> prices;

    public ModelPriceTable(List<ModelPrice> prices) {
        List<String> seen = new ArrayList<>();
        for (ModelPrice p : prices) {
            String key = p.model().toLowerCase(Locale.ROOT);
            if (seen.contains(key)) {
                throw new IllegalArgumentException("the model \"" + p.model() + "\" is priced twice");
            }
            seen.add(key);
        }
        this.prices = List.copyOf(prices);
    }

    /**
     * What we start with: list prices of common models (USD per million tokens, as published in 2025); local
     * models (Ollama and the like) cost nothing and need no entry.
     */
    public static ModelPriceTable defaults() {
        return new ModelPriceTable(List.of(
                new ModelPrice("gpt-4o-mini", 0.15, 0.60),
                new ModelPrice("gpt-4o", 2.50, 10.00),
                new ModelPrice("gpt-4.1-mini", 0.40, 1.60),
                new ModelPrice("gpt-4.1", 2.00, 8.00),
                new ModelPrice("claude-3-5-haiku", 0.80, 4.00),
                new ModelPrice("claude-3-5-sonnet", 3.00, 15.00),
                new ModelPrice("claude-sonnet-4", 3.00, 15.00)));
    }

    public List<ModelPrice> prices() {
        return prices;
    }

    /** The price of a model: its own entry, else the longest entry its name starts with. */
    public Optional<ModelPrice> priceOf(String model) {
        if (model == null) {
            return Optional.empty();
        }
        String name = model.toLowerCase(Locale.ROOT);
        ModelPrice best = null;
        for (ModelPrice p : prices) {
            String key = p.model().toLowerCase(Locale.ROOT);
            if (key.equals(name)) {
                return Optional.of(p);
            }
            if (name.startsWith(key) && (best == null || key.length() > best.model().length())) {
                best = p;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The estimated cost of a call, or null when the model has no price. */
    public Double cost(ModelUse use) {
        return priceOf(use.model()).map(p -> p.cost(use.inputTokens(), use.outputTokens())).orElse(null);
    }
}
