package dev.switchboard.nodes;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Nodes see only the node SPI (and JSON values): they cannot reach into the engine, storage or the UI. */
class ArchitectureTest {

    private static final JavaClasses NODES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.switchboard.nodes");

    @Test
    void nodesUseOnlyTheNodeSpi() {
        noClasses().that().resideInAPackage("dev.switchboard.nodes..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.switchboard.platform.run..", "dev.switchboard.platform.expression..",
                        "dev.switchboard.platform.workflow..", "dev.switchboard.platform.engine..",
                        "org.springframework..", "com.vaadin..", "com.mongodb..", "org.bson..", "org.graalvm..")
                .because("a node is written against dev.switchboard.platform.node only")
                .check(NODES);
    }

    @Test
    void nodesAreFoundThroughTheServiceLoader() {
        var types = NodeTestKit.TYPES.all();
        org.assertj.core.api.Assertions.assertThat(types).extracting(t -> t.descriptor().type())
                .contains("switchboard.manualTrigger", "switchboard.code", "switchboard.noOp");
    }

    @Test
    void aNodeThatOnlyComputesNamesNoRiskNothingToUndoAndNoCredentialUnlessItIsATrigger() {
        var computing = NodeTestKit.TYPES.all().stream()
                .filter(t -> t.onlyComputes(t.descriptor().latestVersion(), java.util.Map.of())).toList();
        org.assertj.core.api.Assertions.assertThat(computing).extracting(t -> t.descriptor().type())
                .contains("switchboard.webhook", "switchboard.set", "switchboard.if", "switchboard.switch",
                        "switchboard.merge", "switchboard.noOp")
                // these act outside the run: answer a caller, call out, wait, or run code that could
                .doesNotContain("switchboard.respondToWebhook", "switchboard.httpRequest", "switchboard.wait",
                        "switchboard.code", "switchboard.executeWorkflow");
        for (var t : computing) {
            var d = t.descriptor();
            org.assertj.core.api.Assertions.assertThat(d.riskTags()).as(d.type() + " risk tags").isEmpty();
            if (!d.isTrigger()) {
                // a trigger's credential checks who calls it; any other node's would reach something outside
                org.assertj.core.api.Assertions.assertThat(d.credentials()).as(d.type() + " credentials").isEmpty();
            }
            org.assertj.core.api.Assertions.assertThat(d.compensable()).as(d.type() + " compensable").isFalse();
        }
    }
}
