package dev.switchboard.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;

import dev.switchboard.platform.ai.ModelPrice;
import dev.switchboard.platform.ai.ModelPriceStore;
import dev.switchboard.platform.ai.ModelPriceTable;
import dev.switchboard.platform.approval.AcceptRate;
import dev.switchboard.platform.approval.AiReviewService;
import dev.switchboard.platform.governance.AuditLog;
import jakarta.annotation.security.RolesAllowed;

/**
 * AI (admins): the price table that estimates what model calls cost (USD per million tokens; a price applies
 * to dated versions of its model's name too), and how reviewers judged each AI node's sampled answers, per week.
 */
@Route("ai")
@PageTitle("AI models · Switchboard")
@RolesAllowed("ADMIN")
public class AiView extends VerticalLayout {

    /** A row being edited. */
    static final class PriceRow {
        final TextField model = new TextField();
        final NumberField input = new NumberField();
        final NumberField output = new NumberField();

        PriceRow(String name, Double in, Double out) {
            model.setValue(name);
            model.setPlaceholder("e.g. gpt-4o-mini");
            input.setValue(in);
            output.setValue(out);
            input.setMin(0);
            output.setMin(0);
            model.setWidthFull();
        }
    }

    private final List<PriceRow> rows = new ArrayList<>();
    private final Grid<PriceRow> prices = new Grid<>();
    private final Grid<AcceptRate> rates = new Grid<>();
    private final ModelPriceStore store;
    private final AuditLog audit;
    private final String user;

    public AiView(ModelPriceStore store, AiReviewService reviews, AuditLog audit, AuthenticationContext auth) {
        this.store = store;
        this.audit = audit;
        this.user = auth.getPrincipalName().orElse("unknown");
        for (ModelPrice p : store.table().prices()) {
            rows.add(new PriceRow(p.model(), p.inputPerMillion(), p.outputPerMillion()));
        }
        prices.setId("model-prices");
        prices.addComponentColumn(r -> r.model).setHeader("Model").setFlexGrow(2);
        prices.addComponentColumn(r -> r.input).setHeader("Input, $ per million tokens");
        prices.addComponentColumn(r -> r.output).setHeader("Output, $ per million tokens");
        prices.addComponentColumn(r -> {
            Button remove = new Button("Remove", e -> {
                rows.remove(r);
                prices.setItems(rows);
            });
            remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            return remove;
        }).setAutoWidth(true).setFlexGrow(0);
        prices.setItems(rows);
        prices.setAllRowsVisible(true);
        Button add = new Button("Add a model", e -> {
            rows.add(new PriceRow("", 0.0, 0.0));
            prices.setItems(rows);
        });
        add.setId("model-price-add");
        Button save = new Button("Save prices", e -> save());
        save.setId("model-prices-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        rates.setId("accept-rates");
        rates.addColumn(AcceptRate::workflowName).setHeader("Workflow");
        rates.addColumn(AcceptRate::node).setHeader("Node");
        rates.addColumn(AcceptRate::week).setHeader("Week");
        rates.addColumn(AcceptRate::accepted).setHeader("Accepted");
        rates.addColumn(AcceptRate::corrected).setHeader("Corrected");
        rates.addColumn(r -> r.rate() == null ? "" : Math.round(r.rate() * 100) + " %").setHeader("Accept rate");
        rates.setItems(reviews.acceptRates(null));
        rates.setAllRowsVisible(true);

        add(new H2("AI models"), new H3("Prices"), new Paragraph("Steps that call a model show its tokens and the cost "
                + "these prices estimate. A price for gpt-4o-mini also prices gpt-4o-mini-2024-07-18; a model without a "
                + "price (a local one) shows its tokens only."), prices, new com.vaadin.flow.component.orderedlayout
                .HorizontalLayout(add, save), new H3("AI review accept rates"),
                new Paragraph("Answers that AI nodes sampled for review, as reviewers judged them in the inbox."), rates);
    }

    void save() {
        List<ModelPrice> list = new ArrayList<>();
        try {
            for (PriceRow r : rows) {
                if (r.model.getValue().isBlank()) {
                    continue;
                }
                list.add(new ModelPrice(r.model.getValue(), r.input.getValue() == null ? 0 : r.input.getValue(),
                        r.output.getValue() == null ? 0 : r.output.getValue()));
            }
            ModelPriceTable table = new ModelPriceTable(list);
            store.save(table);
            audit.record(user, "model prices changed", "model-prices", table.prices().size() + " model(s) priced",
                    Map.of("models", table.prices().stream().map(ModelPrice::model).toList()));
            Notification.show("Prices saved: " + table.prices().size() + " model(s)");
        } catch (IllegalArgumentException e) {
            Notification n = Notification.show(e.getMessage(), 6_000, Notification.Position.BOTTOM_START);
            n.addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    List<PriceRow> rows() {
        return rows;
    }

    Grid<AcceptRate> rates() {
        return rates;
    }
}
