package dev.triagedesk.evidence;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * Counts over all entries of a HAR.
 *
 * @param byStatus entries per HTTP status ({@code 0} for no response)
 * @param productRequests entries to ChatGPT's or the OpenAI API's own hosts; none means the capture shows another site
 * @param failingPercent failing entries as a percentage of all entries
 * @param apiCalls entries that are API calls (fetch/XHR/event streams, JSON, {@code /api/} and {@code /v1/} paths)
 * @param apiFailingPercent failing API calls as a percentage of API calls; absent when there are none
 * @param netErrors failures per browser net error
 * @param failingHosts failures per host, the ten hosts with most
 * @param firstStartedAt earliest {@code startedDateTime}, as written (with its time zone offset)
 * @param lastStartedAt latest {@code startedDateTime}
 * @param timeline request starts over time, failing ones apart; absent when no entry has a readable time
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HarStats(Map<String, Long> byStatus, long entries, long productRequests, long failing, double failingPercent,
                       long apiCalls, long apiFailing, Double apiFailingPercent, long streamErrors,
                       Map<String, Long> netErrors, Map<String, Long> failingHosts, String firstStartedAt,
                       String lastStartedAt, HarTimeline timeline) {
}
