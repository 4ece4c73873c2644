package dev.switchboard.platform.store;

import java.util.ArrayList;
import java.util.List;

import org.bson.Document;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;

import dev.switchboard.platform.ai.ModelPrice;
import dev.switchboard.platform.ai.ModelPriceStore;
import dev.switchboard.platform.ai.ModelPriceTable;

/**
 * The price table as the document {@code _id: "model-prices"} of {@code settings}: {@code prices}, a list of
 * {@code model}, {@code inputPerMillion}, {@code outputPerMillion}. Absent until an admin saves one.
 */
public final class MongoModelPriceStore implements ModelPriceStore {

    private static final String ID = "model-prices";
    private final MongoCollection<Document> settings;

    public MongoModelPriceStore(MongoConnection connection) {
        this.settings = connection.database().getCollection("settings");
    }

    @Override
    public ModelPriceTable table() {
        Document d = settings.find(Filters.eq("_id", ID)).first();
        if (d == null) {
            return ModelPriceTable.defaults();
        }
        List<ModelPrice> prices = new ArrayList<>();
        for (Document p : d.getList("prices", Document.class, List.of())) {
            prices.add(new ModelPrice(p.getString("model"), p.get("inputPerMillion", Number.class).doubleValue(),
                    p.get("outputPerMillion", Number.class).doubleValue()));
        }
        return new ModelPriceTable(prices);
    }

    @Override
    public void save(ModelPriceTable table) {
        List<Document> prices = new ArrayList<>();
        for (ModelPrice p : table.prices()) {
            prices.add(new Document("model", p.model()).append("inputPerMillion", p.inputPerMillion())
                    .append("outputPerMillion", p.outputPerMillion()));
        }
        settings.replaceOne(Filters.eq("_id", ID), new Document("_id", ID).append("prices", prices),
                new ReplaceOptions().upsert(true));
    }
}
