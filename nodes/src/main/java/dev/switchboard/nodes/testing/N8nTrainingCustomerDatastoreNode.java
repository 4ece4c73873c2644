package dev.switchboard.nodes.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.switchboard.platform.node.Item;
import dev.switchboard.platform.node.NodeCategory;
import dev.switchboard.platform.node.NodeContext;
import dev.switchboard.platform.node.NodeDescriptor;
import dev.switchboard.platform.node.NodeResult;
import dev.switchboard.platform.node.NodeType;
import dev.switchboard.platform.node.ParameterSpec;
import dev.switchboard.platform.node.ParameterType;

/**
 * n8n's training datastore: five fictional customers, for tutorials and tests. Answers locally;
 * nothing is fetched.
 */
public final class N8nTrainingCustomerDatastoreNode implements NodeType {

    private static final List<List<Object>> PEOPLE = List.of(
            List.of("23423532", "Jay Gatsby", "gatsby@west-egg.com", "Keeps asking about a green light??", "US", "1925-04-10"),
            List.of("23423533", "José Arcadio Buendía", "jab@macondo.co", "Lots of people named after him. Very confusing", "CO", "1967-05-05"),
            List.of("23423534", "Max Sendak", "info@in-and-out-of-weeks.org", "Keeps rolling his terrible eyes", "US", "1963-04-09"),
            java.util.Arrays.asList("23423535", "Zaphod Beeblebrox", "captain@heartofgold.com", "Felt like I was talking to more than one person", null, "1979-10-12"),
            List.of("23423536", "Edmund Pevensie", "edmund@narnia.gov", "Passionate sailor", "UK", "1950-10-16"));
    private static final List<String> FIELDS = List.of("id", "name", "email", "notes", "country", "created");

    private static final NodeDescriptor DESCRIPTOR = NodeDescriptor.builder("n8nTrainingCustomerDatastore",
                    "Customer Datastore (n8n training)", NodeCategory.CONNECTOR)
            .description("Fictional customers for learning and testing; nothing leaves the machine.")
            .parameters(
                    ParameterSpec.options("operation", "Operation", "getOnePerson", "getOnePerson", "getAllPeople"),
                    ParameterSpec.of("returnAll", "Return all", ParameterType.BOOLEAN, false).showWhen("operation", "getAllPeople"),
                    ParameterSpec.of("limit", "Limit", ParameterType.NUMBER, 5).showWhen("operation", "getAllPeople"))
            .build();

    @Override
    public NodeDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public NodeResult execute(NodeContext context) {
        List<Item> out = new ArrayList<>();
        for (int i = 0; i < context.items().size(); i++) {
            int count = 1;
            if ("getAllPeople".equals(context.string("operation", i, "getOnePerson"))) {
                count = context.bool("returnAll", i, false) ? PEOPLE.size()
                        : (int) Math.max(0, Math.min(PEOPLE.size(), context.number("limit", i, 5)));
            }
            for (int p = 0; p < count; p++) {
                out.add(Item.of(person(p), i));
            }
        }
        return NodeResult.of(out);
    }

    private static Map<String, Object> person(int index) {
        Map<String, Object> json = new LinkedHashMap<>();
        for (int f = 0; f < FIELDS.size(); f++) {
            json.put(FIELDS.get(f), PEOPLE.get(index).get(f));
        }
        return json;
    }
}
