package dev.triagedesk.evidence.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.triagedesk.evidence.RequestId;
import dev.triagedesk.evidence.Signal;
import dev.triagedesk.evidence.console.ConsoleAnalysis;
import java.util.List;

/**
 * What an API client's log, traceback or curl transcript says. Every text is already redacted.
 *
 * @param kind always {@code api-log}
 * @param format the {@link ApiLogFormat} id: {@code openai-python}, {@code openai-node}, {@code traceback},
 *               {@code curl}
 * @param lineCount lines in the log, counted as {@link java.io.BufferedReader#readLine()} does
 * @param calls the calls that failed at least once, in line order, at most the analyzer's cap
 * @param callsOmitted such calls beyond the cap
 * @param attempts every attempt (request sent and answered or failed) the log shows, failing or not
 * @param failedAttempts the attempts among them that failed
 * @param requestIds IDs support can look up, of the failing calls first, then any other the log holds
 * @param signals triage evidence, one per distinct type and detail, at the first line it was seen
 * @param found one sentence saying how the log was read and what it held
 * @param console what the lines that are not the client's own say, read as a console log (an application's or a
 *                browser's lines in the same file: their errors, {@code net::ERR_} codes, signals); {@code null} when
 *                they hold no finding, as in a pure SDK log, transcript or traceback
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiLogAnalysis(String kind,
                             String format,
                             int lineCount,
                             List<ApiCall> calls,
                             long callsOmitted,
                             long attempts,
                             long failedAttempts,
                             List<RequestId> requestIds,
                             List<Signal> signals,
                             String found,
                             ConsoleAnalysis console) {

    public static final String KIND = "api-log";

    /** An analysis of a log with no lines but the client's own. */
    public ApiLogAnalysis(String kind, String format, int lineCount, List<ApiCall> calls, long callsOmitted,
                          long attempts, long failedAttempts, List<RequestId> requestIds, List<Signal> signals,
                          String found) {
        this(kind, format, lineCount, calls, callsOmitted, attempts, failedAttempts, requestIds, signals, found, null);
    }
}
