package dev.triagedesk;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(TriageDeskApplication.class);

    @Test
    void modulesHaveNoCyclesAndNoReachIntoInternals() {
        MODULES.verify();
    }
}
