package dev.triagedesk.evidence;

import java.util.List;

/**
 * When the requests of a capture started, as a histogram: what the ticket's timeline picture draws, so a burst of
 * errors shows at a glance. Buckets are equal slices of {@code [start, end]}; a request that started in bucket
 * {@code i} counts in {@code requests[i]}, and also in {@code failing[i]} when it failed (HTTP error, no response,
 * or an error event inside its stream).
 *
 * @param start earliest request start (ISO-8601 instant)
 * @param end latest request start
 * @param bucketMillis width of one bucket
 * @param requests requests started per bucket
 * @param failing failing requests started per bucket
 * @param untimed requests whose start time was missing or unreadable, left out of the buckets
 */
public record HarTimeline(String start, String end, long bucketMillis, List<Long> requests, List<Long> failing,
                          long untimed) {
}
