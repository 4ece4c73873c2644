package dev.switchboard.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;

import dev.switchboard.platform.workflow.StoredWorkflow;
import dev.switchboard.platform.workflow.WorkflowStore;
import jakarta.annotation.security.PermitAll;

/** The workflows: searched by name, paged from the store as the grid scrolls, newest edit first. */
@Route("workflows")
@RouteAlias("")
@PageTitle("Workflows · Switchboard")
@PermitAll
public class WorkflowsView extends VerticalLayout {

    private static final DateTimeFormatter EDITED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z");

    private final Grid<StoredWorkflow> grid = new Grid<>(StoredWorkflow.class, false);
    private final TextField search = new TextField();

    public WorkflowsView(WorkflowStore workflows) {
        setSizeFull();
        search.setPlaceholder("Search by name");
        search.setId("workflow-search");
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> grid.getDataProvider().refreshAll());

        grid.setId("workflows");
        grid.addColumn(StoredWorkflow::name).setHeader("Name").setFlexGrow(3);
        grid.addColumn(w -> w.active() ? "active" : "inactive").setHeader("State");
        grid.addColumn(w -> w.publishedVersion() == null ? "draft only" : "v" + w.publishedVersion()).setHeader("Published");
        grid.addColumn(w -> EDITED.format(w.updatedAt().atZone(ZoneId.systemDefault()))).setHeader("Last edited");
        grid.setItems(query -> Pages.fetch(query.getOffset(), query.getLimit(),
                request -> workflows.list(search.getValue(), request)));
        grid.setSizeFull();
        add(new H2("Workflows"), search, grid);
    }

    Grid<StoredWorkflow> grid() {
        return grid;
    }

    TextField search() {
        return search;
    }
}
