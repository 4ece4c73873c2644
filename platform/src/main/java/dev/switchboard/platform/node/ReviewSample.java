package dev.switchboard.platform.node;

import java.util.Map;

/**
 * One output of an AI node picked for a person to check while the run goes on: what the model was given,
 * what it answered, and how sure it said it was. The reviewer accepts it or gives the right answer; the
 * accept rate per node and week comes from these verdicts.
 *
 * @param itemIndex  the input item the answer is for
 * @param question   what the model was asked (the text it classified, the prompt), as the reviewer reads it
 * @param answer     the node's answer, in the shape a correction takes (e.g. {@code {"categories": [...]}})
 * @param confidence the model's confidence from 0 to 1, or null when the node has none
 */
public record ReviewSample(int itemIndex, String question, Map<String, Object> answer, Double confidence) {

    public ReviewSample {
        question = question == null ? "" : question;
        answer = answer == null ? Map.of() : Map.copyOf(answer);
    }
}
