package dev.triagedesk.system;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes {@code triage.data-dir} an absolute path before anything reads it. H2 refuses a database file path that
 * is relative without a leading {@code ./} ({@code TRIAGE_DATA_DIR=data} would stop the start-up), and an
 * absolute folder also keeps the database and the evidence files together whatever the working directory.
 */
class AbsoluteDataDir implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String dir = environment.getProperty("triage.data-dir");
        if (dir == null || dir.isBlank()) {
            return;
        }
        String absolute = Path.of(dir).toAbsolutePath().normalize().toString();
        if (!absolute.equals(dir)) {
            environment.getPropertySources().addFirst(new MapPropertySource("triage-absolute-data-dir",
                    Map.of("triage.data-dir", absolute)));
        }
    }
}
