package dev.triagedesk.ticket;

/**
 * How the findings of an upload (failing requests, console findings, signals, request IDs) get their ids: from a
 * sequence per table (migration V55), a block of {@value #STEP} at a time, so the thousands of rows of a large HAR
 * are inserted in JDBC batches ({@code hibernate.jdbc.batch_size}) instead of one round trip each for its id.
 */
final class FindingIds {

    /** The sequences' increment, which Hibernate's pooled optimizer must use as its block size. */
    static final int STEP = 50;

    private FindingIds() {
    }
}
