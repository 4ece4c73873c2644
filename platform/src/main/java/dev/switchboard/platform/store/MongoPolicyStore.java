package dev.switchboard.platform.store;

import java.util.LinkedHashSet;
import java.util.List;

import org.bson.Document;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;

import dev.switchboard.platform.governance.Policy;
import dev.switchboard.platform.governance.PolicyStore;

/** The policy as the document {@code _id: "policy"} of {@code settings}: {@code approvalRequiredFor} (risk tags). */
public final class MongoPolicyStore implements PolicyStore {

    private final MongoCollection<Document> settings;

    public MongoPolicyStore(MongoConnection connection) {
        this.settings = connection.database().getCollection("settings");
    }

    @Override
    public Policy get() {
        Document d = settings.find(Filters.eq("_id", "policy")).first();
        return d == null ? Policy.none()
                : new Policy(new LinkedHashSet<>(d.getList("approvalRequiredFor", String.class, List.of())));
    }

    @Override
    public void set(Policy policy) {
        settings.replaceOne(Filters.eq("_id", "policy"), new Document("_id", "policy").append("approvalRequiredFor",
                List.copyOf(policy.approvalRequiredFor())), new ReplaceOptions().upsert(true));
    }
}
