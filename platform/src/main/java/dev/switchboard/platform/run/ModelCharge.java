package dev.switchboard.platform.run;

import java.util.ArrayList;
import java.util.List;

import dev.switchboard.platform.node.ModelUse;

/**
 * What one step spent on one model: calls, tokens in and out, and the estimated cost in US dollars from
 * the price table at the time (null when the table has no price for the model).
 */
public record ModelCharge(String model, int calls, long inputTokens, long outputTokens, Double estimatedCost) {

    /** This charge with one more call added. */
    ModelCharge plus(ModelUse use, Double cost) {
        Double total;
        if (calls == 0) {
            total = cost;
        } else if (estimatedCost == null || cost == null) {
            total = null; // a price unknown for one call makes the sum unknown
        } else {
            total = estimatedCost + cost;
        }
        return new ModelCharge(model, calls + 1, inputTokens + use.inputTokens(), outputTokens + use.outputTokens(), total);
    }

    /** Adds a call to the charges of a step, one entry per model. */
    static void add(List<ModelCharge> charges, ModelUse use, Double cost) {
        for (int i = 0; i < charges.size(); i++) {
            if (charges.get(i).model().equals(use.model())) {
                charges.set(i, charges.get(i).plus(use, cost));
                return;
            }
        }
        charges.add(new ModelCharge(use.model(), 0, 0, 0, null).plus(use, cost));
    }

    /** The sum of the estimated costs, or null when none of them is known. */
    public static Double totalCost(List<ModelCharge> charges) {
        Double sum = null;
        for (ModelCharge c : charges == null ? List.<ModelCharge>of() : charges) {
            if (c.estimatedCost() != null) {
                sum = (sum == null ? 0 : sum) + c.estimatedCost();
            }
        }
        return sum;
    }

    static List<ModelCharge> copy(List<ModelCharge> charges) {
        return charges == null || charges.isEmpty() ? List.of() : List.copyOf(new ArrayList<>(charges));
    }
}
