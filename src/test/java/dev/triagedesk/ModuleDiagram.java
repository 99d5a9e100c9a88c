package dev.triagedesk;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The overview of the modules that the README shows: a Mermaid flowchart with one arrow from each module to each
 * module it uses directly, as in the component diagram the {@code Documenter} writes (PlantUML, which GitHub does
 * not draw).
 */
final class ModuleDiagram {

    static final String START = "<!-- module diagram: written by ModularityTests -->";
    static final String END = "<!-- end of module diagram -->";

    private ModuleDiagram() {
    }

    /**
     * Each module's name and the names of the modules whose types its classes use (fields, parameters, calls,
     * supertypes: what the module test checks), sorted so the text is stable.
     */
    static Map<String, Set<String>> dependencies(ApplicationModules modules) {
        Map<String, Set<String>> uses = new TreeMap<>();
        for (ApplicationModule module : modules) {
            Set<String> targets = new TreeSet<>();
            module.getBasePackage().stream()
                    .flatMap(type -> type.getDirectDependenciesFromSelf().stream())
                    .flatMap(dependency -> modules.getModuleByType(dependency.getTargetClass()).stream())
                    .filter(target -> !target.equals(module))
                    .forEach(target -> targets.add(name(target)));
            uses.put(name(module), targets);
        }
        return uses;
    }

    /** The README's block, markers included; Mermaid draws each module above the modules it uses. */
    static String mermaid(ApplicationModules modules) {
        StringBuilder out = new StringBuilder(START).append("\n```mermaid\nflowchart TB\n");
        dependencies(modules).forEach((from, targets) -> {
            if (targets.isEmpty()) {
                out.append("    ").append(from).append('\n');
            }
            targets.forEach(to -> out.append("    ").append(from).append(" --> ").append(to).append('\n'));
        });
        return out.append("```\n").append(END).toString();
    }

    /** The block as the README has it now, or null when its markers are missing. */
    static String in(String readme) {
        int start = readme.indexOf(START);
        int end = readme.indexOf(END);
        return start < 0 || end < start ? null : readme.substring(start, end + END.length());
    }

    private static String name(ApplicationModule module) {
        return module.getIdentifier().toString();
    }
}
