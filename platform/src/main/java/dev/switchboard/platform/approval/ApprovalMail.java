package dev.switchboard.platform.approval;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.BiFunction;

import dev.switchboard.platform.json.Json;
import dev.switchboard.platform.node.NodeCredential;
import dev.switchboard.platform.run.CredentialResolver;
import dev.switchboard.platform.run.RunRecord;
import dev.switchboard.platform.workflow.Workflow;
import dev.switchboard.platform.workflow.WorkflowNode;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * E-mails an approval request, one message per recipient with the recipient's own signed link, through the
 * SMTP credential (n8n's {@code smtp}: {@code host}, {@code port}, {@code secure}, {@code user},
 * {@code password}) that the approval node names. The credential is resolved from the vault when the mail
 * is sent; nothing of it is stored with the request.
 */
public final class ApprovalMail {

    public static final String CREDENTIAL_TYPE = "smtp";

    private final CredentialResolver credentials;
    private final BiFunction<String, Integer, Workflow> workflows;

    /** @param workflows the workflow of a run: by workflow id and version */
    public ApprovalMail(CredentialResolver credentials, BiFunction<String, Integer, Workflow> workflows) {
        this.credentials = credentials;
        this.workflows = workflows;
    }

    /** Sends the request to each address; {@code link} gives a recipient's decision link. */
    void send(ApprovalRequest request, RunRecord run, List<String> to, String from,
            java.util.function.Function<String, String> link) throws MessagingException {
        WorkflowNode node = workflows.apply(run.workflowId(), run.workflowVersion()).node(request.node())
                .orElseThrow(() -> new MessagingException("the approval node \"" + request.node() + "\" is gone"));
        if (!(node.credentials().get(CREDENTIAL_TYPE) instanceof Map<?, ?> ref)) {
            throw new MessagingException("the approval node \"" + request.node() + "\" names no SMTP credential to mail with");
        }
        NodeCredential smtp = credentials.resolve(CREDENTIAL_TYPE, ref.get("id") == null ? null : String.valueOf(ref.get("id")),
                ref.get("name") == null ? null : String.valueOf(ref.get("name")));
        String host = smtp.text("host");
        Object port = smtp.data().getOrDefault("port", 465);
        boolean secure = !Boolean.FALSE.equals(smtp.data().get("secure"));
        Properties props = new Properties();
        props.put("mail.smtp.host", host);
        props.put("mail.smtp.port", String.valueOf(port instanceof Number n ? n.intValue() : port));
        props.put("mail.smtp.connectiontimeout", "10000");
        props.put("mail.smtp.timeout", "20000");
        props.put("mail.smtp.ssl.enable", String.valueOf(secure));
        String user = smtp.text("user");
        String password = smtp.text("password");
        boolean auth = user != null && !user.isBlank();
        props.put("mail.smtp.auth", String.valueOf(auth));
        Session session = Session.getInstance(props, auth ? new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(user, password == null ? "" : password);
            }
        } : null);
        for (String recipient : to) {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(from == null || from.isBlank() ? (auth ? user : "switchboard@localhost") : from));
            message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(recipient));
            message.setSubject("Approval needed: " + request.message(), "UTF-8");
            message.setText(body(request, link.apply(recipient)), "UTF-8");
            Transport.send(message);
        }
    }

    static String body(ApprovalRequest r, String link) {
        StringBuilder sb = new StringBuilder();
        sb.append(r.message()).append("\n\n");
        sb.append("Workflow \"").append(r.workflowName()).append("\", node \"").append(r.node()).append("\"");
        if (r.deadline() != null) {
            sb.append(", decide before ").append(r.deadline());
        }
        sb.append(".\n\n");
        r.fields().forEach((k, v) -> sb.append(k).append(": ").append(v instanceof String s ? s : Json.write(v)).append('\n'));
        sb.append("\nTo decide, open this link; nothing is decided until you press a button on that page:\n").append(link)
                .append("\n\nOr decide in the Switchboard inbox.\n");
        return sb.toString();
    }
}
