package dev.triagedesk.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * A report answered with a 201 survives a crash: the packaged application ({@code target/triage-desk.jar}, built by
 * {@code package} before this integration test) takes reports from several threads, is killed with SIGKILL, started
 * again on the same data folder, and every acknowledged reference is there with its evidence, the requests the kill
 * cut off make one ticket each when sent again with their {@code Idempotency-Key}, and the start-up's housekeeping
 * leaves no draft, no evidence file no row names and no temporary file. On the embedded H2 (file mode) and on
 * PostgreSQL ({@link PostgresCrashIT}). {@code scripts/crashtest} runs the same at a larger scale.
 */
class CrashIT {

    private static final Path JAR = Path.of("target", "triage-desk.jar");

    @Test
    void everyAcknowledgedReportSurvivesAKillOnH2() throws Exception {
        Path data = Files.createTempDirectory(Files.createDirectories(Path.of("target", "crash-it")), "h2-")
                .resolve("data");
        try {
            check(CrashRun.run(options(data, "h2", null)));
        } finally {
            FileSystemUtils.deleteRecursively(data.getParent());
        }
    }

    static CrashRun.Options options(Path data, String database, PostgresTestDatabase postgres) {
        assertThat(JAR).as("the packaged application (mvn package)").isRegularFile();
        return new CrashRun.Options(JAR.toAbsolutePath(), data.toAbsolutePath(), 6, Duration.ofSeconds(4), database,
                postgres == null ? null : postgres.serverUrl, postgres == null ? null : postgres.user,
                postgres == null ? null : postgres.password, postgres == null ? null : postgres.schema, List.of(), 400);
    }

    static void check(CrashRun.Result result) {
        assertThat(result.acknowledged()).as(result.report()).isPositive();
        assertThat(result.lost()).as(result.report()).isZero();
        assertThat(result.evidenceMissing()).as(result.report()).isZero();
        assertThat(result.retryFailures()).as(result.report()).isZero();
        assertThat(result.replayMismatches()).as(result.report()).isZero();
        assertThat(result.keysWithoutOneTicket()).as(result.report()).isZero();
        assertThat(result.ticketsInDatabase()).as(result.report()).isEqualTo(result.expectedTickets());
        assertThat(result.afterRestart()).as(result.report())
                .isEqualTo(new CrashRun.Debris(0, 0, 0, 0, 0));
        assertThat(result.problems()).as(result.report()).isEmpty();
    }
}
