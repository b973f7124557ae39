package io.serfnode.model;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The model is shared by the agent and the console, so it may lean on nothing but the JDK and Jackson. */
class ModelPurityTest {
    private final JavaClasses model = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.serfnode.model");

    @Test
    void dependsOnlyOnTheJdkAndJackson() {
        classes().should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "com.fasterxml.jackson..", "io.serfnode.model..")
                .check(model);
    }

    @Test
    void knowsNothingOfTheAgentOrTheConsole() {
        classes().should().onlyDependOnClassesThat()
                .resideOutsideOfPackages("io.serfnode.agent..", "io.serfnode.console..", "javafx..", "org.glassfish..",
                        "com.github.dockerjava..", "org.msgpack..")
                .check(model);
    }
}
