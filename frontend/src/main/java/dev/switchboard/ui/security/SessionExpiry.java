package dev.switchboard.ui.security;

import org.springframework.stereotype.Component;

import com.vaadin.flow.server.CustomizedSystemMessages;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;

/**
 * When a session expires the browser goes straight back to sign-in (and, once signed in, to the page
 * it was on) instead of showing Vaadin's "session expired" box. Nothing is lost: the editor saves the
 * draft on every change.
 */
@Component
public class SessionExpiry implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().setSystemMessagesProvider(info -> messages());
    }

    static CustomizedSystemMessages messages() {
        CustomizedSystemMessages messages = new CustomizedSystemMessages();
        messages.setSessionExpiredNotificationEnabled(false);
        return messages;
    }
}
