package io.serfnode.console;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.domain.JavaClasses;
import java.lang.module.ModuleDescriptor;
import org.junit.jupiter.api.Test;

/** The console speaks to agents only through the model's wire protocol, never through agent code. */
class ConsoleLayeringTest {
    private final JavaClasses consoleClasses = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.serfnode.console");

    @Test
    void consoleNeverDependsOnAgentCode() {
        noClasses().that().resideInAPackage("io.serfnode.console..")
                .should().dependOnClassesThat().resideInAPackage("io.serfnode.agent..")
                .because("the console talks to agents only over the WebSocket protocol")
                .check(consoleClasses);
    }

    @Test
    void consoleModuleRequiresTheModelButNotTheAgent() {
        ModuleDescriptor descriptor = ConsoleMain.class.getModule().getDescriptor();

        assertThat(descriptor).as("console-ui runs as the named module io.serfnode.console").isNotNull();
        assertThat(descriptor.requires()).extracting(ModuleDescriptor.Requires::name)
                .contains("io.serfnode.model")
                .doesNotContain("io.serfnode.agent");
    }
}
