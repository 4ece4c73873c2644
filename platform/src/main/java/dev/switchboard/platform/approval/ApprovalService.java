package dev.switchboard.platform.approval;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.switchboard.platform.json.Json;
import dev.switchboard.platform.node.Item;
import dev.switchboard.platform.paging.Page;
import dev.switchboard.platform.run.RunFilter;
import dev.switchboard.platform.run.RunRecord;
import dev.switchboard.platform.run.RunStatus;
import dev.switchboard.platform.run.RunStore;
import dev.switchboard.platform.run.RunWorker;
import dev.switchboard.platform.run.Step;
import dev.switchboard.platform.run.StepStatus;

/**
 * Turns waiting approval steps into requests, takes decisions (by people, links and deadlines),
 * escalates, and resumes each run with its decision on whichever instance picks it up. Every state
 * change is conditional on the request still being pending, so exactly one decision wins; the run is
 * resumed after the decision is stored, and {@link #sweep()} repairs a crash in between.
 */
public final class ApprovalService {

    /** The key of the request in an approval node's waiting step (the node declares it). */
    public static final String REQUEST_STATE = "approvalRequest";
    private static final System.Logger LOG = System.getLogger(ApprovalService.class.getName());

    private final ApprovalStore store;
    private final RunStore runs;
    private final Runnable wakeUp;
    private final Clock clock;
    private final ApprovalLinks links;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private volatile String publicUrl = "http://localhost:8080";
    private volatile ApprovalMail mail;
    private volatile java.util.function.Predicate<RunRecord> rollsBackOnRejection = run -> false;
    private volatile dev.switchboard.platform.governance.AuditLog audit = dev.switchboard.platform.governance.AuditLog.none();
    private volatile java.util.function.Consumer<String> rollback = runId -> { };
    private volatile Duration waitingCheckEvery = Duration.ZERO;
    private volatile Instant lastWaitingCheck = Instant.EPOCH;

    /** @param wakeUp asks the run service to look for due runs now */
    public ApprovalService(ApprovalStore store, RunStore runs, Runnable wakeUp, Clock clock) {
        this.store = store;
        this.runs = runs;
        this.wakeUp = wakeUp;
        this.clock = clock;
        this.links = new ApprovalLinks(store.linkKey());
    }

    /**
     * How often the sweep looks for waiting runs whose request was never made. A crash cannot leave one
     * (the request is made before the run's status says waiting: see {@link RunWorker#onWaiting}); making
     * it can still fail (the database refused it), and such a run is found at the first sweep and then
     * this often. The search reads the run history (on the embedded server, which has no index on status,
     * all of it), so a server does it rarely; zero (the default) searches on every sweep.
     */
    public ApprovalService waitingCheckEvery(Duration every) {
        this.waitingCheckEvery = every;
        return this;
    }

    public ApprovalService publicUrl(String url) {
        this.publicUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        return this;
    }

    /**
     * A rejection of a run whose workflow says {@code when} rolls the run back with {@code rollback}
     * (its compensations) instead of going on on the rejected output.
     */
    public ApprovalService rollbackOnRejection(java.util.function.Predicate<RunRecord> when,
            java.util.function.Consumer<String> rollback) {
        this.rollsBackOnRejection = when;
        this.rollback = rollback;
        return this;
    }

    /** How requests that name e-mail addresses are mailed. */
    public ApprovalService mail(ApprovalMail mailer) {
        this.mail = mailer;
        return this;
    }

    /** Mails the request to its addresses in the background; a failure is logged with the request. */
    private void mail(ApprovalRequest request, RunRecord run) {
        if (request.notifyEmails().isEmpty() || mail == null) {
            return;
        }
        Thread.ofVirtual().name("approval-mail-" + request.id()).start(() -> {
            try {
                mail.send(request, run, request.notifyEmails(), request.emailFrom(), to -> link(request.id(), to));
            } catch (Exception e) {
                LOG.log(System.Logger.Level.WARNING, "approval " + request.id() + ": the notice to "
                        + request.notifyEmails() + " could not be mailed: " + e.getMessage());
                audit.record("system", "approval notice failed", "approval:" + request.id(),
                        "mailing " + request.notifyEmails() + " failed: " + e.getMessage(), Map.of());
            }
        });
    }

    /** Where decisions are logged. */
    public ApprovalService audit(dev.switchboard.platform.governance.AuditLog log) {
        this.audit = log;
        return this;
    }

    public ApprovalLinks links() {
        return links;
    }

    /** The decision link for a recipient (an e-mail address or a user name). */
    public String link(String requestId, String recipient) {
        return publicUrl + "/approval/" + links.token(requestId, recipient);
    }

    public Optional<ApprovalRequest> get(String id) {
        return store.get(id);
    }

    public Page<ApprovalRequest> list(ApprovalStatus status, String username, Collection<String> roleIds,
            Page.Request request) {
        return store.list(status, username, roleIds, request);
    }

    /** A run is about to wait: if it waits at an approval node, its request is made (once). */
    public void runWaiting(RunRecord run) {
        List<Step> steps = runs.steps(run.id());
        for (int i = steps.size() - 1; i >= 0; i--) {
            Step s = steps.get(i);
            if (s.status() == StepStatus.WAITING && s.nodeState() != null
                    && s.nodeState().get(REQUEST_STATE) instanceof Map<?, ?> request) {
                create(run, s, request);
                return;
            }
        }
    }

    private void create(RunRecord run, Step step, Map<?, ?> r) {
        List<Map<String, Object>> items = new ArrayList<>();
        List<Item> waiting = step.inputs() == null || step.inputs().isEmpty() || step.inputs().get(0) == null
                ? List.of() : step.inputs().get(0);
        for (Item item : waiting.subList(0, Math.min(ApprovalRequest.ITEMS_KEPT, waiting.size()))) {
            items.add(item.json());
        }
        Instant deadline = r.get("deadline") instanceof String d ? Instant.parse(d) : null;
        ApprovalRequest request = new ApprovalRequest(run.id() + ":" + step.index(), run.id(), run.workflowId(),
                run.workflowName(), step.node(), step.index(), ApprovalStatus.PENDING, strings(r.get("approvers")),
                strings(r.get("roles")), String.valueOf(r.get("message")), map(r.get("fields")), strings(r.get("options")),
                items, clock.instant(), deadline, (String) r.get("onDeadline"), (String) r.get("escalateToRole"),
                r.get("escalateMillis") instanceof Number n ? n.longValue() : 0, false, null, false,
                (String) r.get("notifyWebhook"), strings(r.get("emails")), (String) r.get("emailFrom"));
        if (store.create(request)) {
            notify(request);
            mail(request, run);
        }
    }

    /**
     * Decides as a person: {@code option} is approve, reject or a custom option. Refused when the person
     * may not decide this request, or it was decided already.
     */
    public ApprovalRequest decide(String id, String option, String username, Collection<String> roleIds,
            String comment) {
        ApprovalRequest request = store.get(id).orElseThrow(() -> new ApprovalException.NotFound(
                "no approval request with id \"" + id + "\""));
        if (request.status() != ApprovalStatus.PENDING) {
            throw new ApprovalException.AlreadyDecided(request);
        }
        if (roleIds != null && !request.decidableBy(username, roleIds)) {
            throw new ApprovalException.NotAllowed(username + " may not decide this request");
        }
        return decide(request, option, username, comment);
    }

    /** Decides through a signed link: the recipient named in the token decides. */
    public ApprovalRequest decideByLink(String token, String option, String comment) {
        ApprovalLinks.Target target = links.verify(token).orElseThrow(() -> new ApprovalException.NotFound(
                "this decision link is not valid"));
        ApprovalRequest request = store.get(target.requestId()).orElseThrow(() -> new ApprovalException.NotFound(
                "the request of this link no longer exists"));
        if (request.status() != ApprovalStatus.PENDING) {
            throw new ApprovalException.AlreadyDecided(request);
        }
        return decide(request, option, "link:" + target.recipient(), comment);
    }

    private ApprovalRequest decide(ApprovalRequest request, String option, String by, String comment) {
        if (!request.choices().contains(option)) {
            throw new ApprovalException.Invalid("\"" + option + "\" is not a decision of this request (choose "
                    + String.join(", ", request.choices()) + ")");
        }
        Decision decision = new Decision(option, by, clock.instant(), comment == null || comment.isBlank() ? null : comment);
        ApprovalRequest decided = store.decide(request.id(), ApprovalRequest.statusOf(option), decision)
                .orElseThrow(() -> new ApprovalException.AlreadyDecided(store.get(request.id()).orElse(request)));
        logDecision(decided);
        apply(decided);
        return decided;
    }

    /**
     * Handles what is due: deadlines that passed (decided or escalated as their node says), decisions
     * whose run was not yet resumed, and waiting runs whose request was not yet made. Runs at start-up
     * and then every few seconds, on every instance; the conditional writes keep it to one effect.
     */
    public void sweep() {
        Instant now = clock.instant();
        for (ApprovalRequest due : store.due(now, 100)) {
            try {
                if ("escalate".equals(due.onDeadline()) && !due.escalated() && due.escalateToRole() != null) {
                    store.escalate(due.id(), due.deadline(), due.escalateToRole(), due.deadline().plusMillis(due.escalateMillis()))
                            .ifPresent(this::notify);
                    continue;
                }
                String option = switch (due.onDeadline()) {
                    case "approve" -> "approve";
                    case "reject" -> "reject";
                    default -> "timeOut";
                };
                store.decide(due.id(), ApprovalRequest.statusOf(option), new Decision(option, "deadline", now,
                        "the deadline " + due.deadline() + " passed")).ifPresent(d -> {
                            logDecision(d);
                            apply(d);
                        });
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "approval " + due.id() + ": the deadline could not be handled: "
                        + e.getMessage());
            }
        }
        for (ApprovalRequest decided : store.unapplied(100)) {
            apply(decided);
        }
        if (now.isBefore(lastWaitingCheck.plus(waitingCheckEvery))) {
            return;
        }
        lastWaitingCheck = now;
        int page = 0;
        while (true) {
            Page<RunRecord> waiting = runs.list(new RunFilter(null, RunStatus.WAITING, null, null), new Page.Request(page++, 100));
            for (RunRecord run : waiting.items()) {
                if (run.resumeAt() == null) {
                    runWaiting(run);
                }
            }
            if ((long) page * 100 >= waiting.total() || waiting.items().isEmpty()) {
                break;
            }
        }
    }

    private void logDecision(ApprovalRequest decided) {
        Decision d = decided.decision();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("runId", decided.runId());
        details.put("node", decided.node());
        details.put("option", d.option());
        details.put("comment", d.comment());
        audit.record(d.by(), "approval " + decided.status().label(), "approval:" + decided.id(), "\"" + decided.message()
                + "\" in \"" + decided.workflowName() + "\": " + d.option() + (d.comment() == null ? "" : " (" + d.comment() + ")"),
                details);
    }

    /** Resumes the run with the decision: the waiting step's items go out on the decided output. */
    private void apply(ApprovalRequest decided) {
        RunRecord run = runs.get(decided.runId()).orElse(null);
        Step waiting = run == null ? null : runs.steps(run.id()).stream()
                .filter(s -> s.index() == decided.stepIndex()).findFirst().orElse(null);
        if (run != null && run.status() == RunStatus.RUNNING && waiting != null && waiting.status() == StepStatus.WAITING) {
            // decided while the run is about to wait (its request is made before its status says waiting):
            // the next sweep applies the decision
            return;
        }
        if (run == null || run.status() != RunStatus.WAITING || waiting == null || waiting.status() != StepStatus.WAITING) {
            store.markApplied(decided.id());
            return;
        }
        Decision d = decided.decision();
        Map<String, Object> approval = new LinkedHashMap<>();
        approval.put("decision", d.option());
        approval.put("status", decided.status().label());
        approval.put("by", d.by());
        approval.put("at", d.at().toString());
        approval.put("comment", d.comment());
        List<Item> out = new ArrayList<>();
        List<Item> in = waiting.inputs() == null || waiting.inputs().isEmpty() || waiting.inputs().get(0) == null
                ? List.of() : waiting.inputs().get(0);
        for (int i = 0; i < in.size(); i++) {
            Map<String, Object> json = new LinkedHashMap<>(in.get(i).json());
            json.put("approval", approval);
            out.add(Item.of(json, i));
        }
        int outputs = Math.max(waiting.outputs() == null ? 0 : waiting.outputs().size(), 3 + decided.options().size());
        List<List<Item>> perOutput = new ArrayList<>();
        for (int i = 0; i < outputs; i++) {
            perOutput.add(i == decided.outputOf(d.option()) ? out : List.of());
        }
        Instant now = clock.instant();
        List<String> logs = new ArrayList<>(waiting.logs() == null ? List.of() : waiting.logs());
        logs.add(decided.status().label() + " by " + d.by() + " at " + d.at() + (d.comment() == null ? "" : ": " + d.comment()));
        Map<String, Object> state = new LinkedHashMap<>(waiting.nodeState());
        state.put("decision", approval);
        if (decided.status() == ApprovalStatus.REJECTED && rollsBackOnRejection.test(run)) {
            logs.add("the workflow rolls back on rejection");
            runs.stepFinished(run.id(), new Step(waiting.index(), waiting.node(), waiting.runIndex(), StepStatus.SUCCEEDED,
                    waiting.startedAt(), now, waiting.attempts(), waiting.inputs(), waiting.sources(), perOutput, null, logs,
                    state, null));
            store.markApplied(decided.id());
            rollback.accept(run.id());
            return;
        }
        runs.stepFinished(run.id(), new Step(waiting.index(), waiting.node(), waiting.runIndex(), StepStatus.WAITING,
                waiting.startedAt(), waiting.finishedAt(), waiting.attempts(), waiting.inputs(), waiting.sources(),
                perOutput, null, logs, state, now));
        runs.wake(run.id(), now);
        store.markApplied(decided.id());
        wakeUp.run();
    }

    /** Posts the request and its decision link to the node's webhook, if it names one (in the background). */
    private void notify(ApprovalRequest request) {
        if (request.notifyWebhook() == null || request.notifyWebhook().isBlank()) {
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", request.id());
        body.put("runId", request.runId());
        body.put("workflow", request.workflowName());
        body.put("message", request.message());
        body.put("fields", request.fields());
        body.put("deadline", request.deadline() == null ? null : request.deadline().toString());
        body.put("link", link(request.id(), "webhook"));
        try {
            http.sendAsync(HttpRequest.newBuilder(URI.create(request.notifyWebhook())).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(Json.write(body)))
                    .build(), HttpResponse.BodyHandlers.discarding());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "approval " + request.id() + ": the notification to "
                    + request.notifyWebhook() + " failed: " + e.getMessage());
        }
    }

    private static List<String> strings(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(v -> out.add(String.valueOf(v)));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? new LinkedHashMap<>((Map<String, Object>) m) : Map.of();
    }
}
