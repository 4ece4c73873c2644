package dev.switchboard.platform.approval;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A request for a decision that an approval node made when it suspended its run.
 *
 * @param id            {@code <runId>:<step index>}, so that a request is made once per waiting step
 * @param approvers     user names who may decide
 * @param roles         role ids whose holders may decide (with neither, any admin may)
 * @param fields        the facts the approver sees (resolved when the node ran)
 * @param options       the node's custom options besides approve and reject
 * @param items         the items waiting at the node (the first {@value #ITEMS_KEPT})
 * @param deadline      when {@code onDeadline} happens, or null for never
 * @param onDeadline    {@code timeOut}, {@code approve}, {@code reject} or {@code escalate}
 * @param escalateToRole for escalation: the role that gets the request
 * @param escalateMillis for escalation: the new deadline, from the first one
 * @param escalated     whether it was escalated (a second deadline times out)
 * @param applied       whether the run was resumed with the decision (a crash in between is repaired)
 * @param notifyEmails  addresses mailed the request (each with their own link) through the node's SMTP credential
 */
public record ApprovalRequest(String id, String runId, String workflowId, String workflowName, String node,
        int stepIndex, ApprovalStatus status, List<String> approvers, List<String> roles, String message,
        Map<String, Object> fields, List<String> options, List<Map<String, Object>> items, Instant createdAt,
        Instant deadline, String onDeadline, String escalateToRole, long escalateMillis, boolean escalated,
        Decision decision, boolean applied, String notifyWebhook, List<String> notifyEmails, String emailFrom) {

    public static final int ITEMS_KEPT = 50;

    public ApprovalRequest {
        approvers = approvers == null ? List.of() : List.copyOf(approvers);
        roles = roles == null ? List.of() : List.copyOf(roles);
        fields = fields == null ? Map.of() : fields;
        options = options == null ? List.of() : List.copyOf(options);
        items = items == null ? List.of() : items;
        onDeadline = onDeadline == null ? "timeOut" : onDeadline;
        notifyEmails = notifyEmails == null ? List.of() : List.copyOf(notifyEmails);
    }

    /** Whether this user (with these role ids) may decide: named, or holding a named role, or an admin when none is named. */
    public boolean decidableBy(String username, java.util.Collection<String> roleIds) {
        if (approvers.contains(username)) {
            return true;
        }
        for (String r : roles) {
            if (roleIds.contains(r)) {
                return true;
            }
        }
        return approvers.isEmpty() && roles.isEmpty() && roleIds.contains("admin");
    }

    /** The output a decision goes out on: approved 0, rejected 1, timed out 2, then the custom options. */
    public int outputOf(String option) {
        return switch (option) {
            case "approve" -> 0;
            case "reject" -> 1;
            case "timeOut" -> 2;
            default -> {
                int at = options.indexOf(option);
                if (at < 0) {
                    throw new ApprovalException.Invalid("\"" + option + "\" is not a decision of this request (choose "
                            + String.join(", ", choices()) + ")");
                }
                yield 3 + at;
            }
        };
    }

    /** The decisions a person may take. */
    public List<String> choices() {
        List<String> all = new java.util.ArrayList<>(List.of("approve", "reject"));
        all.addAll(options);
        return all;
    }

    static ApprovalStatus statusOf(String option) {
        return switch (option) {
            case "approve" -> ApprovalStatus.APPROVED;
            case "reject" -> ApprovalStatus.REJECTED;
            case "timeOut" -> ApprovalStatus.TIMED_OUT;
            default -> ApprovalStatus.DECIDED;
        };
    }
}
