package dev.triagedesk.ticket;

/**
 * A row of a page that shows a {@link FailureGroup}: the first request's line, its address as the row shows it
 * (whole, or shortened in the middle), and whether the row opens on more. The ticket page and the reporter's
 * findings each add what their own row lists.
 */
public interface FailureGroupRow {

    FailureGroup group();

    /** The address as the row shows it. */
    String shortUrl();

    /** The first request of the row. */
    default FailingRequest request() {
        return group().first();
    }

    default int count() {
        return group().count();
    }

    default boolean repeated() {
        return group().repeated();
    }

    /** Whether the row shows the address shortened in the middle (whole when opened). */
    default boolean urlShortened() {
        return request().getUrl() != null && !request().getUrl().equals(shortUrl());
    }

    /** Whether the row has more to show than its line: the requests of a group, or a shortened address. */
    default boolean hasMore() {
        return repeated() || urlShortened();
    }
}
