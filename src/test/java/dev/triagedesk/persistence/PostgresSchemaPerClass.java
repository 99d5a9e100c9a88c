package dev.triagedesk.persistence;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * What every application test on PostgreSQL shares: a schema of its own (see {@link PostgresTestDatabase}) and a
 * data folder, made before the class and removed after it, handed to the application through the variables the
 * {@code postgres} profile reads ({@code TRIAGE_DB_URL}, {@code TRIAGE_DB_USER}, {@code TRIAGE_DB_PASSWORD}), so
 * the profile's own mapping is exercised too. Classes run one after another, so one pair of fields serves each in
 * turn; a subclass adds its own {@code @DynamicPropertySource} for anything more.
 */
@ExtendWith(PostgresTestDatabase.Required.class)
abstract class PostgresSchemaPerClass {

    static PostgresTestDatabase database;
    static Path dataDir;

    @BeforeAll
    static void freshSchema() throws Exception {
        if (PostgresTestDatabase.configured()) {
            database = PostgresTestDatabase.createSchema();
            dataDir = Files.createTempDirectory("triage-postgres-test");
        }
    }

    @AfterAll
    static void dropSchema() throws Exception {
        if (database != null) {
            database.dropSchema();
            database = null;
        }
        if (dataDir != null) {
            FileSystemUtils.deleteRecursively(dataDir);
            dataDir = null;
        }
    }

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("TRIAGE_DB_URL", () -> database.applicationUrl());
        registry.add("TRIAGE_DB_USER", () -> database.user);
        registry.add("TRIAGE_DB_PASSWORD", () -> database.password);
        registry.add("triage.data-dir", () -> dataDir.toString());
    }
}
