package dev.switchboard.nodes.approval;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.switchboard.platform.node.Item;
import dev.switchboard.platform.node.NodeCategory;
import dev.switchboard.platform.node.NodeContext;
import dev.switchboard.platform.node.NodeDescriptor;
import dev.switchboard.platform.node.NodeException;
import dev.switchboard.platform.node.NodeResult;
import dev.switchboard.platform.node.NodeType;
import dev.switchboard.platform.node.ParameterSpec;
import dev.switchboard.platform.node.ParameterType;

/**
 * Waits for a person to approve or reject: the run suspends and an approval request (who may decide, the
 * message and fields they see, the items, the deadline and what happens at it) is recorded in the waiting
 * step's state under {@value #REQUEST}, from which the platform makes the request and resumes the run with
 * the decision. Outputs, in order: approved, rejected, timed out, then one per custom option; the items go
 * out on the decided output, each with an {@code approval} field (decision, by, at, comment).
 */
public final class ApprovalNode implements NodeType {

    /** The key of the request in the waiting step's node state. */
    public static final String REQUEST = "approvalRequest"; // ApprovalService.REQUEST_STATE
    static final List<String> FIXED_OUTPUTS = List.of("approved", "rejected", "timed out");

    private static final NodeDescriptor DESCRIPTOR = NodeDescriptor.builder("approval", "Approval", NodeCategory.APPROVAL)
            .description("Waits until a person approves or rejects (in the inbox or from a signed link), or a deadline passes.")
            .noN8nAlias()
            .credentialTypes(dev.switchboard.platform.node.CredentialType.of("smtp", "SMTP",
                    ParameterSpec.of("user", "User", ParameterType.STRING, ""),
                    ParameterSpec.of("password", "Password", ParameterType.STRING, "").asSecret(),
                    ParameterSpec.required("host", "Host", ParameterType.STRING),
                    ParameterSpec.of("port", "Port", ParameterType.NUMBER, 465L),
                    ParameterSpec.of("secure", "SSL/TLS", ParameterType.BOOLEAN, true))
                    .description("A mail server to send messages through (as n8n's SMTP credential)."))
            .outputs("approved", "rejected", "timed out")
            .parameters(
                    ParameterSpec.of("approvers", "Approvers (user names)", ParameterType.STRING, "")
                            .help("Comma-separated user names who may decide. With neither approvers nor roles, any admin may."),
                    new ParameterSpec("approverRoles", "Approver roles", ParameterType.MULTI_OPTIONS, false, List.of(),
                            List.of("admin", "builder", "approver", "viewer"), false, false,
                            "Everyone with one of these roles may decide.", null, null),
                    ParameterSpec.of("message", "Message", ParameterType.STRING, "Please approve")
                            .help("What the approver reads; expressions see the first item."),
                    ParameterSpec.of("fields", "Fields to show", ParameterType.FIXED_COLLECTION, Map.of())
                            .rows("fields", "name", "value")
                            .help("Name and value (an expression) of each fact the approver sees beside the items."),
                    ParameterSpec.of("customOptions", "Other decisions", ParameterType.STRING, "")
                            .help("Comma-separated extra choices besides approve and reject (e.g. \"escalate to legal\"); each gets its own output."),
                    ParameterSpec.of("deadlineAmount", "Deadline in", ParameterType.NUMBER, 0L)
                            .help("How long the approvers have; 0 waits for ever."),
                    ParameterSpec.options("deadlineUnit", "Deadline unit", "hours", "seconds", "minutes", "hours", "days"),
                    ParameterSpec.options("onDeadline", "At the deadline", "timeOut", "timeOut", "approve", "reject", "escalate")
                            .help("Go out on the timed-out output, decide on its own, or hand the request to another role with a new deadline."),
                    new ParameterSpec("escalateToRole", "Escalate to role", ParameterType.OPTIONS, false, "admin",
                            List.of("admin", "builder", "approver"), false, false, null, Map.of("onDeadline", List.of("escalate")), null),
                    ParameterSpec.of("escalateAmount", "New deadline in", ParameterType.NUMBER, 1L).showWhen("onDeadline", "escalate"),
                    ParameterSpec.options("escalateUnit", "New deadline unit", "days", "seconds", "minutes", "hours", "days")
                            .showWhen("onDeadline", "escalate"),
                    ParameterSpec.of("notifyEmail", "Notify by e-mail", ParameterType.STRING, "")
                            .help("Comma-separated addresses; each gets the request with its own decision link, sent through the SMTP credential."),
                    ParameterSpec.of("emailFrom", "E-mail from", ParameterType.STRING, "")
                            .help("The sender address; the SMTP user when empty."),
                    ParameterSpec.of("notifyWebhook", "Notify a URL", ParameterType.STRING, "")
                            .help("Also POST the request (with its decision link) to this URL, e.g. a chat webhook."))
            .build();

    @Override
    public NodeDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public int outputCount(double version, Map<String, Object> parameters) {
        return FIXED_OUTPUTS.size() + customOptions(parameters.get("customOptions")).size();
    }

    static List<String> customOptions(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof String s && !s.startsWith("=")) {
            for (String part : s.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.strip());
                }
            }
        }
        return out;
    }

    @Override
    public NodeResult execute(NodeContext context) {
        List<Item> input = context.items();
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("approvers", list(context.string("approvers", 0, "")));
        Object roles = context.parameter("approverRoles", 0, List.of());
        request.put("roles", roles instanceof List<?> l ? l.stream().map(String::valueOf).toList() : list(String.valueOf(roles)));
        request.put("message", context.string("message", 0, "Please approve"));
        Map<String, Object> fields = new LinkedHashMap<>();
        if (context.parameter("fields", 0, Map.of()) instanceof Map<?, ?> m && m.get("fields") instanceof List<?> rows) {
            for (Object row : rows) {
                if (row instanceof Map<?, ?> r && r.get("name") != null) {
                    fields.put(String.valueOf(r.get("name")), r.get("value"));
                }
            }
        }
        request.put("fields", fields);
        List<String> options = customOptions(context.parameter("customOptions", 0, ""));
        request.put("options", options);
        Instant now = context.now();
        double amount = context.number("deadlineAmount", 0, 0);
        if (amount < 0 || Double.isNaN(amount)) {
            throw new NodeException("Parameter \"deadlineAmount\": the deadline must be 0 (none) or more");
        }
        if (amount > 0) {
            request.put("deadline", now.plusMillis(millis(amount, context.string("deadlineUnit", 0, "hours"))).toString());
        }
        String onDeadline = context.string("onDeadline", 0, "timeOut");
        if (!List.of("timeOut", "approve", "reject", "escalate").contains(onDeadline)) {
            throw new NodeException("Parameter \"onDeadline\": unknown choice \"" + onDeadline
                    + "\" (use timeOut, approve, reject or escalate)");
        }
        request.put("onDeadline", onDeadline);
        if (onDeadline.equals("escalate")) {
            request.put("escalateToRole", context.string("escalateToRole", 0, "admin"));
            request.put("escalateMillis", millis(context.number("escalateAmount", 0, 1), context.string("escalateUnit", 0, "days")));
        }
        request.put("emails", list(context.string("notifyEmail", 0, "")));
        request.put("emailFrom", context.string("emailFrom", 0, ""));
        String hook = context.string("notifyWebhook", 0, "");
        if (!hook.isBlank()) {
            request.put("notifyWebhook", hook);
        }
        context.nodeState().put(REQUEST, request);
        List<List<Item>> none = new ArrayList<>();
        for (int i = 0; i < FIXED_OUTPUTS.size() + options.size(); i++) {
            none.add(List.of());
        }
        return new NodeResult.Suspend(null, "waiting for a decision: " + request.get("message"), none);
    }

    private static List<String> list(String commaSeparated) {
        List<String> out = new ArrayList<>();
        for (String part : commaSeparated.split(",")) {
            if (!part.isBlank()) {
                out.add(part.strip());
            }
        }
        return out;
    }

    private static long millis(double amount, String unit) {
        double minutes = switch (unit) {
            case "seconds" -> amount / 60;
            case "minutes" -> amount;
            case "hours" -> amount * 60;
            case "days" -> amount * 1440;
            default -> throw new NodeException("Parameter \"deadlineUnit\": unknown unit \"" + unit
                    + "\" (use seconds, minutes, hours or days)");
        };
        return Math.round(minutes * 60_000);
    }
}
