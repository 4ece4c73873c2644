package dev.switchboard.platform.approval;

import java.time.Instant;
import java.time.temporal.IsoFields;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * An approval of type "AI review": one answer of an AI node, sampled while its run went on, for a person to
 * accept or correct. The verdicts make the node's accept rate per week.
 *
 * @param id         {@code <runId>:<step index>:<item index>}, so that a sample is made once
 * @param reviewers  user names who may review it (none: the admins)
 * @param question   what the model was given
 * @param answer     what the node answered
 * @param confidence the model's confidence (0 to 1), or null
 * @param correction the right answer a reviewer gave (for {@link Verdict#CORRECTED})
 * @param counted    whether the verdict is in the accept rates (a crash in between is repaired by the sweep)
 */
public record AiReview(String id, String runId, String workflowId, String workflowName, String node, String nodeType,
        int stepIndex, int itemIndex, List<String> reviewers, String question, Map<String, Object> answer,
        Double confidence, Instant createdAt, Verdict verdict, String reviewedBy, Instant reviewedAt,
        Map<String, Object> correction, String comment, boolean counted) {

    /** Where a review stands. */
    public enum Verdict {
        PENDING("pending"), ACCEPTED("accepted"), CORRECTED("corrected");

        private final String label;

        Verdict(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public static Verdict fromLabel(String label) {
            for (Verdict v : values()) {
                if (v.label.equalsIgnoreCase(label) || v.name().equalsIgnoreCase(label)) {
                    return v;
                }
            }
            throw new ApprovalException.Invalid("unknown review status \"" + label + "\" (use pending, accepted or corrected)");
        }
    }

    public AiReview {
        reviewers = reviewers == null ? List.of() : List.copyOf(reviewers);
        answer = answer == null ? Map.of() : answer;
        verdict = verdict == null ? Verdict.PENDING : verdict;
    }

    /** Whether this user (with these role ids) may review it: named, or an admin. */
    public boolean reviewableBy(String username, java.util.Collection<String> roleIds) {
        return reviewers.contains(username) || roleIds.contains("admin");
    }

    /** The ISO week the sample was made in ({@code 2026-W49}), the period of the accept rate it counts in. */
    public String week() {
        return weekOf(createdAt);
    }

    public static String weekOf(Instant at) {
        var day = at.atOffset(ZoneOffset.UTC);
        return String.format("%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }
}
