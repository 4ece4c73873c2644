package dev.switchboard.nodes.testing;

import static dev.switchboard.nodes.NodeTestKit.chain;
import static dev.switchboard.nodes.NodeTestKit.json;
import static dev.switchboard.nodes.NodeTestKit.objs;
import static dev.switchboard.nodes.NodeTestKit.run;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.switchboard.platform.run.RunResult;

class N8nTrainingCustomerMessengerNodeTest {

    @Test
    void reportsTheMessageItWouldSendForEachItem() {
        RunResult result = run(chain("Messenger", "n8n-nodes-base.n8nTrainingCustomerMessenger", 1,
                        "{\"customerId\": \"={{ $json.id }}\", \"message\": \"=Hello {{ $json.name }}\"}"),
                objs("[{\"id\": 7, \"name\": \"Ada\"}, {\"id\": 8, \"name\": \"Ben\"}]"));
        assertThat(json(result, "Messenger")).isEqualTo(objs("""
                [{"output": "Sent message to customer 7:  Hello Ada"},
                 {"output": "Sent message to customer 8:  Hello Ben"}]"""));
        assertThat(result.output("Messenger").get(1).pairedItem()).extracting("item").containsExactly(1);
    }

    @Test
    void emptyParametersStillProduceTheSentence() {
        RunResult result = run(chain("Messenger", "n8n-nodes-base.n8nTrainingCustomerMessenger", 1, "{}"),
                objs("[{}]"));
        assertThat(json(result, "Messenger")).isEqualTo(objs("[{\"output\": \"Sent message to customer :  \"}]"));
    }
}
