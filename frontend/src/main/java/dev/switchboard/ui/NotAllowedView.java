package dev.switchboard.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.HttpStatusCode;

import jakarta.annotation.security.PermitAll;

/** What a signed-in user sees on a page their role does not open: a plain "not allowed", never a stack trace. */
@PermitAll
public class NotAllowedView extends VerticalLayout implements HasErrorParameter<AccessDeniedException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        removeAll();
        H2 title = new H2("Not allowed");
        title.setId("not-allowed");
        add(title, new Paragraph("Your role does not let you open \"" + event.getLocation().getPath()
                + "\". Ask an admin if you need it."));
        return HttpStatusCode.FORBIDDEN.getCode();
    }
}
