package dev.triagedesk.persistence;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.util.FileSystemUtils;

/** {@link CrashIT} on PostgreSQL, in a schema of its own (skipped locally without a server, required in CI). */
@ExtendWith(PostgresTestDatabase.Required.class)
class PostgresCrashIT {

    private static PostgresTestDatabase database;

    @BeforeAll
    static void freshSchema() throws Exception {
        if (PostgresTestDatabase.configured()) {
            database = PostgresTestDatabase.createSchema();
        }
    }

    @AfterAll
    static void dropSchema() throws Exception {
        if (database != null) {
            database.dropSchema();
        }
    }

    @Test
    void everyAcknowledgedReportSurvivesAKillOnPostgres() throws Exception {
        Path data = Files.createTempDirectory(Files.createDirectories(Path.of("target", "crash-it")), "pg-")
                .resolve("data");
        try {
            CrashIT.check(CrashRun.run(CrashIT.options(data, "postgres", database)));
        } finally {
            FileSystemUtils.deleteRecursively(data.getParent());
        }
    }
}
