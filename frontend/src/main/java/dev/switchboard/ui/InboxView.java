package dev.switchboard.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;

import dev.switchboard.platform.approval.AiReview;
import dev.switchboard.platform.approval.AiReviewService;
import dev.switchboard.platform.approval.ApprovalException;
import dev.switchboard.platform.approval.ApprovalRequest;
import dev.switchboard.platform.approval.ApprovalService;
import dev.switchboard.platform.approval.ApprovalStatus;
import dev.switchboard.platform.json.Json;
import dev.switchboard.platform.node.Item;
import dev.switchboard.platform.user.Role;
import dev.switchboard.ui.editor.ItemsPanel;
import jakarta.annotation.security.PermitAll;

/**
 * The approval inbox: the pending requests the signed-in person may decide, newest first; selecting one
 * shows its message, fields, items and run, and the decisions it offers, with a comment.
 */
@Route("inbox")
@PageTitle("Inbox · Switchboard")
@PermitAll
public class InboxView extends VerticalLayout {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z");

    private final ApprovalService approvals;
    private final String user;
    private final List<String> roleIds = new ArrayList<>();
    private final Grid<ApprovalRequest> grid = new Grid<>();
    private final Div detail = new Div();
    private final ZoneId zone = ZoneId.systemDefault();

    private final dev.switchboard.platform.governance.Publishing publishing;
    private final Grid<dev.switchboard.platform.governance.PublishRequest> reviews = new Grid<>();

    private final AiReviewService aiReviews;
    private final Grid<AiReview> samples = new Grid<>();
    private final Div sampleDetail = new Div();

    public InboxView(ApprovalService approvals, dev.switchboard.platform.governance.Publishing publishing,
            AiReviewService aiReviews, AuthenticationContext auth) {
        this.aiReviews = aiReviews;
        this.publishing = publishing;
        this.approvals = approvals;
        this.user = auth.getPrincipalName().orElse("");
        for (Role r : Role.values()) {
            if (auth.hasRole(r.name())) {
                roleIds.add(r.id());
            }
        }
        setSizeFull();
        grid.setId("inbox");
        grid.addColumn(ApprovalRequest::workflowName).setHeader("Workflow");
        grid.addColumn(ApprovalRequest::message).setHeader("Request").setFlexGrow(3);
        grid.addColumn(r -> WHEN.format(r.createdAt().atZone(zone))).setHeader("Asked").setAutoWidth(true);
        grid.addColumn(r -> r.deadline() == null ? "" : WHEN.format(r.deadline().atZone(zone))).setHeader("Deadline")
                .setAutoWidth(true);
        grid.setItems(query -> Pages.fetch(query.getOffset(), query.getLimit(),
                request -> approvals.list(ApprovalStatus.PENDING, user, roleIds, request)));
        grid.addSelectionListener(e -> e.getFirstSelectedItem().ifPresentOrElse(this::show, detail::removeAll));
        detail.setId("approval-detail");
        detail.getStyle().set("padding", "var(--lumo-space-m)");
        grid.setHeight("14em");
        detail.setWidthFull();
        detail.getStyle().set("overflow", "auto").set("flex", "1 1 0").set("box-sizing", "border-box");
        reviews.setId("reviews");
        reviews.addColumn(dev.switchboard.platform.governance.PublishRequest::workflowName).setHeader("Workflow to publish");
        reviews.addColumn(dev.switchboard.platform.governance.PublishRequest::requestedBy).setHeader("Asked by");
        reviews.addColumn(r -> r.note() == null ? "" : r.note()).setHeader("Note").setFlexGrow(2);
        reviews.addComponentColumn(r -> {
            Button approve = new Button("Approve publish", e -> review(r, true));
            approve.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_SUCCESS);
            Button reject = new Button("Reject", e -> review(r, false));
            reject.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
            Button open = new Button("Open", e -> UI.getCurrent().navigate("workflows/" + r.workflowId()));
            open.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            return new HorizontalLayout(open, approve, reject);
        }).setAutoWidth(true);
        reviews.setItems(query -> Pages.fetch(query.getOffset(), query.getLimit(),
                request -> publishing.pendingReviews(user, request)));
        reviews.setAllRowsVisible(true);
        samples.setId("ai-reviews");
        samples.addColumn(r -> "AI review").setHeader("Type").setAutoWidth(true).setFlexGrow(0);
        samples.addColumn(AiReview::workflowName).setHeader("Workflow");
        samples.addColumn(AiReview::node).setHeader("Node");
        samples.addColumn(r -> r.confidence() == null ? "" : Math.round(r.confidence() * 100) + " %").setHeader("Confidence")
                .setAutoWidth(true);
        samples.addColumn(r -> WHEN.format(r.createdAt().atZone(zone))).setHeader("Sampled").setAutoWidth(true);
        samples.setItems(query -> Pages.fetch(query.getOffset(), query.getLimit(),
                request -> aiReviews.list(AiReview.Verdict.PENDING, user, roleIds, null, request)));
        samples.addSelectionListener(e -> e.getFirstSelectedItem().ifPresentOrElse(this::showSample, sampleDetail::removeAll));
        samples.setHeight("12em");
        samples.getStyle().set("flex-shrink", "0");
        grid.getStyle().set("flex-shrink", "0");
        sampleDetail.setId("ai-review-detail");
        sampleDetail.setWidthFull();
        add(new H2("Inbox"), new Paragraph("Requests waiting for your decision."), grid, detail,
                new H3("Publishes to review"), reviews,
                new H3("AI answers to review"), new Paragraph("A sample of what AI nodes answered; their runs went on. "
                        + "Accept an answer, or give the right one: the node's accept rate counts both."), samples, sampleDetail);
    }

    private void showSample(AiReview r) {
        sampleDetail.removeAll();
        Span where = new Span("Workflow \"" + r.workflowName() + "\", node \"" + r.node() + "\" (" + r.nodeType()
                + "), item " + r.itemIndex() + (r.confidence() == null ? "" : ", confidence " + Math.round(r.confidence() * 100) + " %"));
        Button run = new Button("Open the run", e -> UI.getCurrent().navigate("runs/" + r.runId()));
        run.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        com.vaadin.flow.component.html.Pre question = new com.vaadin.flow.component.html.Pre(r.question());
        question.setId("ai-review-question");
        question.getStyle().set("white-space", "pre-wrap");
        TextArea answer = new TextArea("The answer (edit it to correct)");
        answer.setId("ai-review-answer");
        answer.setValue(Json.write(r.answer()));
        answer.setWidthFull();
        TextArea comment = new TextArea("Comment");
        comment.setWidthFull();
        Button accept = new Button("Accept", e -> judge(r, null, comment.getValue()));
        accept.setId("ai-review-accept");
        accept.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        Button correct = new Button("Save correction", e -> judge(r, answer.getValue(), comment.getValue()));
        correct.setId("ai-review-correct");
        sampleDetail.add(new Div(where, run), new H3("Asked"), question, answer, comment, new HorizontalLayout(accept, correct));
    }

    @SuppressWarnings("unchecked")
    void judge(AiReview r, String correctionJson, String comment) {
        try {
            AiReview judged;
            if (correctionJson == null) {
                judged = aiReviews.accept(r.id(), user, roleIds, comment);
            } else {
                Object correction;
                try {
                    correction = Json.parse(correctionJson);
                } catch (RuntimeException e) {
                    throw new ApprovalException.Invalid("the correction is not JSON: " + e.getMessage());
                }
                if (!(correction instanceof Map<?, ?> m)) {
                    throw new ApprovalException.Invalid("the correction must be a JSON object, like the answer");
                }
                judged = aiReviews.correct(r.id(), (Map<String, Object>) m, user, roleIds, comment);
            }
            Notification n = Notification.show("Recorded: " + judged.verdict().label());
            n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (ApprovalException e) {
            Notification n = Notification.show(e.getMessage(), 6_000, Notification.Position.BOTTOM_START);
            n.addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        sampleDetail.removeAll();
        samples.getDataProvider().refreshAll();
    }

    Grid<AiReview> samples() {
        return samples;
    }

    private void show(ApprovalRequest r) {
        detail.removeAll();
        H3 title = new H3(r.message());
        title.setId("approval-message");
        Span context = new Span("Workflow \"" + r.workflowName() + "\", node \"" + r.node() + "\""
                + (r.deadline() == null ? "" : ", decide before " + WHEN.format(r.deadline().atZone(zone)))
                + (r.escalated() ? " (escalated)" : ""));
        Button run = new Button("Open the run", e -> UI.getCurrent().navigate("runs/" + r.runId()));
        run.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        detail.add(title, context, run);
        TextArea comment = new TextArea("Comment");
        comment.setId("approval-comment");
        comment.setWidthFull();
        HorizontalLayout buttons = new HorizontalLayout();
        for (String choice : r.choices()) {
            Button b = new Button(switch (choice) {
                case "approve" -> "Approve";
                case "reject" -> "Reject";
                default -> choice;
            }, e -> decide(r, choice, comment.getValue()));
            b.setId(switch (choice) {
                case "approve" -> "approve";
                case "reject" -> "reject";
                default -> "decide-" + r.choices().indexOf(choice);
            });
            if (choice.equals("approve")) {
                b.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
            } else if (choice.equals("reject")) {
                b.addThemeVariants(ButtonVariant.LUMO_ERROR);
            }
            buttons.add(b);
        }
        detail.add(comment, buttons);
        if (!r.fields().isEmpty()) {
            Div fields = new Div();
            fields.setId("approval-fields");
            r.fields().forEach((k, v) -> {
                Div row = new Div(new Span(k + ": "), new Span(v instanceof String s ? s : Json.write(v)));
                fields.add(row);
            });
            detail.add(fields);
        }
        List<Item> items = new ArrayList<>();
        for (Map<String, Object> json : r.items()) {
            items.add(Item.of(json));
        }
        detail.add(ItemsPanel.of("approval-items", "Items", List.of(items)));
    }

    void decide(ApprovalRequest r, String option, String comment) {
        try {
            ApprovalRequest decided = approvals.decide(r.id(), option, user, roleIds, comment);
            Notification n = Notification.show("Recorded: " + decided.status().label() + " — \"" + r.workflowName()
                    + "\" goes on");
            n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (ApprovalException e) {
            Notification n = Notification.show(e.getMessage(), 6_000, Notification.Position.BOTTOM_START);
            n.addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        detail.removeAll();
        grid.getDataProvider().refreshAll();
    }

    void review(dev.switchboard.platform.governance.PublishRequest r, boolean approve) {
        try {
            var decided = publishing.review(r.id(), user, approve, null);
            Notification.show("\"" + r.workflowName() + "\": publish " + decided.status()
                    + (decided.version() == null ? "" : ", live as version " + decided.version()));
        } catch (RuntimeException e) {
            Notification n = Notification.show(e.getMessage(), 6_000, Notification.Position.BOTTOM_START);
            n.addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        reviews.getDataProvider().refreshAll();
    }

    Grid<dev.switchboard.platform.governance.PublishRequest> reviews() {
        return reviews;
    }

    Grid<ApprovalRequest> grid() {
        return grid;
    }
}
