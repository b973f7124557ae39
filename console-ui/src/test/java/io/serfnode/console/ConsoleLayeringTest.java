package io.serfnode.console;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The console speaks to agents only through the model's wire protocol, and its layers stay apart. */
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
    void viewsUseViewModelsNeverTheSessionOrState() {
        noClasses().that().resideInAPackage("io.serfnode.console.view..")
                .should().dependOnClassesThat().resideInAnyPackage("io.serfnode.console.connection..",
                        "io.serfnode.console.settings..", "io.serfnode.console.app..", "java.net.http..")
                .because("views bind to view models, which own state and commands")
                .check(consoleClasses);
    }

    @Test
    void onlyTheConnectionSpeaksHttp() {
        noClasses().that().resideInAPackage("io.serfnode.console..")
                .and().resideOutsideOfPackage("io.serfnode.console.connection..")
                .should().dependOnClassesThat().resideInAPackage("java.net.http..")
                .because("sockets to agents are the connection package's job; view models see ClusterSession only")
                .check(consoleClasses);
    }

    @Test
    void viewModelsNeverTouchSocketsOrTheSceneGraph() {
        noClasses().that().resideInAPackage("io.serfnode.console.viewmodel..")
                .should().dependOnClassesThat().resideInAnyPackage("io.serfnode.console.connection..",
                        "io.serfnode.console.view..", "io.serfnode.console.app..", "java.net..", "javafx.scene..",
                        "javafx.stage..", "javafx.application..", "javafx.animation..")
                .because("view models talk to the cluster through ClusterSession and are tested without the toolkit")
                .check(consoleClasses);
    }

    @Test
    void stateIsPlainJava() {
        noClasses().that().resideInAPackage("io.serfnode.console.state..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "io.serfnode.console.viewmodel..",
                        "io.serfnode.console.view..")
                .because("the reducer must stay cheap and testable on its own")
                .check(consoleClasses);
    }

    @Test
    void connectionAndSettingsStayFreeOfJavaFx() {
        noClasses().that().resideInAnyPackage("io.serfnode.console.connection..", "io.serfnode.console.settings..",
                        "io.serfnode.console.session..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..")
                .because("they run off the FX thread and are tested without a toolkit")
                .check(consoleClasses);
    }

    @Test
    void consoleModuleRequiresTheModelButNotTheAgent() throws IOException {
        // tests run on the class path (see pom.xml), so the compiled descriptor is read directly
        ModuleDescriptor descriptor;
        try (InputStream in = Files.newInputStream(Path.of("target/classes/module-info.class"))) {
            descriptor = ModuleDescriptor.read(in);
        }

        assertThat(descriptor.name()).isEqualTo("io.serfnode.console");
        assertThat(descriptor.requires()).extracting(ModuleDescriptor.Requires::name)
                .contains("io.serfnode.model")
                .doesNotContain("io.serfnode.agent");
    }

    @Test
    void theGraphIsAViewLevelPackage() {
        noClasses().that().resideInAnyPackage("io.serfnode.console.viewmodel..", "io.serfnode.console.state..",
                        "io.serfnode.console.session..", "io.serfnode.console.connection..", "io.serfnode.console.settings..")
                .should().dependOnClassesThat().resideInAPackage("io.serfnode.console.graph..")
                .because("the graph is drawn by views; view models stay free of it and are tested without the toolkit")
                .check(consoleClasses);
    }

    @Test
    void theOverviewMapperStaysOffTheSceneGraph() {
        noClasses().that().resideInAPackage("io.serfnode.console.overview..")
                .should().dependOnClassesThat().resideInAnyPackage("io.serfnode.console.view..",
                        "io.serfnode.console.app..", "io.serfnode.console.connection..", "javafx.scene..",
                        "javafx.stage..", "javafx.application..", "javafx.animation..")
                .because("the graph's model is built on the view-model side, where it is tested without the toolkit")
                .check(consoleClasses);
    }
}
