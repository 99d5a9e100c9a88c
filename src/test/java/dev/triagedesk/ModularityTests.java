package dev.triagedesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Each top-level package is a module ({@code README.md}, "Architecture"): the modules may not use each other in a
 * circle, nor reach into another module's sub-packages unless it declares them a named interface. The test also
 * writes the module documentation and keeps the README's diagram of the modules true.
 */
class ModularityTests {

    /** Set to rewrite the README's diagram instead of failing on it: {@code -Dmodules.refresh=true}. */
    static final String REFRESH = "modules.refresh";
    static final ApplicationModules MODULES = ApplicationModules.of(TriageDeskApplication.class);

    @Test
    void modulesHaveNoCyclesAndNoReachIntoInternals() {
        MODULES.verify();
    }

    /** PlantUML component diagrams (all modules, and each with its neighbours) and module canvases. */
    @Test
    void writesTheModuleDocumentationIntoTarget() {
        new Documenter(MODULES).writeDocumentation();
        assertThat(Path.of("target", "spring-modulith-docs", "components.puml")).isNotEmptyFile();
    }

    @Test
    void readmeDiagramShowsTheModulesAsTheyAre() throws IOException {
        Path readme = Path.of("README.md");
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        String shown = ModuleDiagram.in(text);
        String actual = ModuleDiagram.mermaid(MODULES);
        assertThat(shown).as("the README's module diagram between its markers").isNotNull();
        if (!actual.equals(shown) && Boolean.getBoolean(REFRESH)) {
            Files.writeString(readme, text.replace(shown, actual), StandardCharsets.UTF_8);
            return;
        }
        assertThat(shown).as("The README's module diagram no longer matches the modules. Refresh it with"
                        + " ./mvnw -q test -Dtest=ModularityTests -D" + REFRESH + "=true and commit README.md")
                .isEqualTo(actual);
    }
}
