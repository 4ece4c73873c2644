package dev.switchboard.platform.governance;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The admin's rules for publishing: a node carrying one of {@code approvalRequiredFor} risk tags must be
 * reached from every trigger only through an approval node.
 */
public record Policy(Set<String> approvalRequiredFor) {
    // kept sorted, so that it reads (and is stored and logged) the same way every time

    /** The risk tags node types carry. */
    public static final List<String> RISK_TAGS = List.of("external-write", "outbound-message", "payment", "pricing",
            "legal", "delete");

    public Policy {
        approvalRequiredFor = java.util.Collections.unmodifiableSortedSet(
                approvalRequiredFor == null ? new TreeSet<>() : new TreeSet<>(approvalRequiredFor));
        for (String tag : approvalRequiredFor) {
            if (!RISK_TAGS.contains(tag)) {
                throw new IllegalArgumentException("unknown risk tag \"" + tag + "\" (use " + String.join(", ", RISK_TAGS) + ")");
            }
        }
    }

    public static Policy none() {
        return new Policy(Set.of());
    }
}
