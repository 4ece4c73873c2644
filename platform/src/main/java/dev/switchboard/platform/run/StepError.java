package dev.switchboard.platform.run;

/**
 * Why a step failed, naming where: the node, the parameter when an expression failed, the item.
 *
 * @param itemIndex the item being processed, or -1
 */
public record StepError(String message, String node, String parameter, int itemIndex, String description) {

    /** One line naming the node, the parameter and the item. */
    public String describe() {
        StringBuilder sb = new StringBuilder("node \"").append(node).append('"');
        if (parameter != null) {
            sb.append(", parameter \"").append(parameter).append('"');
        }
        if (itemIndex >= 0) {
            sb.append(", item ").append(itemIndex);
        }
        return sb.append(": ").append(message).toString();
    }
}
