package dev.switchboard.platform.api;

import org.springframework.core.Ordered;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.handler.AbstractHandlerMapping;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Sends {@code /webhook/…} and {@code /webhook-test/…} straight to {@link WebhookController#receive}, ahead of
 * Spring MVC's request mappings. Those try every pattern of the REST API on each request before they settle on
 * the webhook's, which took about a tenth of a small workflow's processing time; this is a prefix test. The
 * controller's own mapping stays, and says the same.
 */
final class WebhookHandlerMapping extends AbstractHandlerMapping {

    private static final String LIVE = "/webhook/";
    private static final String TEST = "/webhook-test/";

    private final HandlerMethod receive;

    WebhookHandlerMapping(WebhookController controller) {
        try {
            this.receive = new HandlerMethod(controller, WebhookController.class.getDeclaredMethod("receive",
                    HttpServletRequest.class));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("WebhookController has no receive(HttpServletRequest)", e);
        }
        setOrder(Ordered.HIGHEST_PRECEDENCE);
    }

    @Override
    protected Object getHandlerInternal(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        int from = context == null ? 0 : context.length();
        return uri.startsWith(LIVE, from) || uri.startsWith(TEST, from) ? receive : null;
    }
}
