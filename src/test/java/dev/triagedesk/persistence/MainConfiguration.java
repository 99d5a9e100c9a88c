package dev.triagedesk.persistence;

/**
 * The application's own configuration files. Tests read the main {@code application.properties} with the test
 * overrides of {@code config/application.properties} on top (an in-memory database among them), so tests that mean
 * to run the application as deployed name the main folder as an additional config location: its settings
 * (the H2 file URL under {@code triage.data-dir} above all) then apply on top of the test defaults, and
 * {@code application-postgres.properties} is read from it for the {@code postgres} profile.
 * The path is relative to the project folder, where Maven runs the tests; Spring fails at start-up if it is not there.
 */
final class MainConfiguration {

    static final String ADDITIONAL_LOCATION = "spring.config.additional-location=file:src/main/resources/";

    private MainConfiguration() {
    }
}
