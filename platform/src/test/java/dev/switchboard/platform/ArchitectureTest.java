package dev.switchboard.platform;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The engine core stays free of the server's frameworks, so it runs anywhere: the CLI, tests, the server. */
class ArchitectureTest {

    private static final JavaClasses PLATFORM = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.switchboard.platform");

    @Test
    void theEngineCoreImportsNeitherSpringNorVaadinNorTheMongoDbDriver() {
        noClasses().that().resideInAnyPackage(
                        "dev.switchboard.platform.workflow..", "dev.switchboard.platform.node..",
                        "dev.switchboard.platform.expression..", "dev.switchboard.platform.run..",
                        "dev.switchboard.platform.json..", "dev.switchboard.platform.engine..",
                        "dev.switchboard.platform.paging..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "com.vaadin..", "com.mongodb..", "org.bson..", "jakarta.servlet..")
                .because("the engine core talks to storage and the UI through its own small interfaces")
                .check(PLATFORM);
    }

    @Test
    void theEngineCoreKnowsNothingOfTheServerThatHostsIt() {
        noClasses().that().resideInAnyPackage(
                        "dev.switchboard.platform.workflow..", "dev.switchboard.platform.node..",
                        "dev.switchboard.platform.expression..", "dev.switchboard.platform.run..",
                        "dev.switchboard.platform.json..", "dev.switchboard.platform.engine..",
                        "dev.switchboard.platform.paging..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.switchboard.platform.store..", "dev.switchboard.platform.server..",
                        "dev.switchboard.platform.api..", "dev.switchboard.platform.schedule..",
                        "dev.switchboard.platform.credential..", "org.quartz..")
                .because("storage, scheduling and the web talk to the engine through its interfaces, not the reverse")
                .check(PLATFORM);
    }

    @Test
    void theNodeSpiDependsOnlyOnItselfAndJsonValues() {
        noClasses().that().resideInAPackage("dev.switchboard.platform.node..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.switchboard.platform.run..", "dev.switchboard.platform.expression..",
                        "dev.switchboard.platform.workflow..", "dev.switchboard.platform.engine..", "org.graalvm..")
                .because("node types see the SPI only; the engine implements it")
                .check(PLATFORM);
    }

    @Test
    void theCredentialVaultKnowsNoStorageNorWebFramework() {
        noClasses().that().resideInAPackage("dev.switchboard.platform.credential..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "com.vaadin..", "com.mongodb..", "org.bson..", "jakarta.servlet..",
                        "dev.switchboard.platform.store..", "dev.switchboard.platform.server..",
                        "dev.switchboard.platform.api..")
                .because("the store and the API implement and use the vault through its interface")
                .check(PLATFORM);
    }
}
