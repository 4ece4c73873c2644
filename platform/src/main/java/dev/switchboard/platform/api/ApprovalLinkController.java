package dev.switchboard.platform.api;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.switchboard.platform.approval.ApprovalException;
import dev.switchboard.platform.approval.ApprovalRequest;
import dev.switchboard.platform.approval.ApprovalService;
import dev.switchboard.platform.approval.ApprovalStatus;
import dev.switchboard.platform.json.Json;

/**
 * The signed decision link of a notification, {@code /approval/{token}}: GET shows the request and a form
 * and decides nothing (so a mail scanner that follows links decides nothing); only the form's POST
 * ({@code decision}, {@code comment}) decides. A request decided already says so, by whom and when.
 */
@RestController
public class ApprovalLinkController {

    private final ApprovalService approvals;

    public ApprovalLinkController(ApprovalService approvals) {
        this.approvals = approvals;
    }

    @GetMapping(path = "/approval/{token}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(@PathVariable String token) {
        var target = approvals.links().verify(token);
        if (target.isEmpty()) {
            return html(HttpStatus.NOT_FOUND, "Not a valid link", "<p>This decision link is not valid.</p>");
        }
        var request = approvals.get(target.get().requestId());
        if (request.isEmpty()) {
            return html(HttpStatus.NOT_FOUND, "Request not found", "<p>The request of this link no longer exists.</p>");
        }
        ApprovalRequest r = request.get();
        if (r.status() != ApprovalStatus.PENDING) {
            return html(HttpStatus.CONFLICT, "Already decided", "<p>" + escape(new ApprovalException.AlreadyDecided(r)
                    .getMessage()) + ".</p>");
        }
        StringBuilder body = new StringBuilder();
        body.append("<p id=\"message\">").append(escape(r.message())).append("</p>");
        body.append("<p>Workflow <b>").append(escape(r.workflowName())).append("</b>, node ")
                .append(escape(r.node())).append(r.deadline() == null ? "" : ", decide before " + r.deadline())
                .append(".</p>");
        if (!r.fields().isEmpty()) {
            body.append("<table>");
            r.fields().forEach((k, v) -> body.append("<tr><th>").append(escape(k)).append("</th><td>")
                    .append(escape(v instanceof String s ? s : Json.write(v))).append("</td></tr>"));
            body.append("</table>");
        }
        body.append("<details><summary>").append(r.items().size()).append(" item(s)</summary><pre>")
                .append(escape(Json.writePretty(r.items()))).append("</pre></details>");
        body.append("<form method=\"post\"><p><label>Comment<br><textarea name=\"comment\" rows=\"3\" cols=\"50\"></textarea>")
                .append("</label></p><p>");
        for (String choice : r.choices()) {
            body.append("<button type=\"submit\" name=\"decision\" value=\"").append(escape(choice)).append("\">")
                    .append(escape(label(choice))).append("</button> ");
        }
        body.append("</p></form>");
        return html(HttpStatus.OK, "Decision needed", body.toString());
    }

    @PostMapping(path = "/approval/{token}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> decide(@PathVariable String token, @RequestParam(required = false) String decision,
            @RequestParam(required = false) String comment) {
        if (decision == null || decision.isBlank()) {
            return html(HttpStatus.BAD_REQUEST, "No decision", "<p>Choose a decision on the request's page.</p>");
        }
        try {
            ApprovalRequest r = approvals.decideByLink(token, decision, comment);
            return html(HttpStatus.OK, "Thank you", "<p id=\"result\">Recorded: " + escape(r.status().label())
                    + ". The workflow goes on.</p>");
        } catch (ApprovalException.AlreadyDecided e) {
            return html(HttpStatus.CONFLICT, "Already decided", "<p id=\"result\">" + escape(e.getMessage()) + ".</p>");
        } catch (ApprovalException.NotFound e) {
            return html(HttpStatus.NOT_FOUND, "Not found", "<p id=\"result\">" + escape(e.getMessage()) + ".</p>");
        } catch (ApprovalException e) {
            return html(HttpStatus.BAD_REQUEST, "Not recorded", "<p id=\"result\">" + escape(e.getMessage()) + ".</p>");
        }
    }

    private static String label(String choice) {
        return switch (choice) {
            case "approve" -> "Approve";
            case "reject" -> "Reject";
            default -> choice;
        };
    }

    private static ResponseEntity<String> html(HttpStatus status, String title, String body) {
        String page = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + escape(title)
                + " · Switchboard</title><meta name=\"robots\" content=\"noindex\"></head><body style=\"font-family: sans-serif;"
                + " max-width: 40em; margin: 2em auto\"><h1>" + escape(title) + "</h1>" + body + "</body></html>";
        return ResponseEntity.status(status).contentType(MediaType.TEXT_HTML).header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer").body(page);
    }

    static String escape(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
