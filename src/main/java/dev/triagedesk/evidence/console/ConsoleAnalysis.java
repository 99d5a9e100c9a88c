package dev.triagedesk.evidence.console;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.triagedesk.evidence.RequestId;
import dev.triagedesk.evidence.Signal;
import java.util.List;

/**
 * What a console log says. Every text is already redacted.
 *
 * @param kind always {@code console}
 * @param format the detected {@link ConsoleFormat} id
 * @param lineCount lines in the log, counted as {@link java.io.BufferedReader#readLine()} does
 * @param errors the findings in line order, at most the analyzer's cap
 * @param errorsOmitted findings beyond the cap (0 normally)
 * @param requestIds IDs support can look up (request-id phrases, {@code req_…}, {@code x-request-id: …},
 *                   Cloudflare rays)
 * @param conversationUrls canonical ChatGPT conversation links found anywhere in the log
 * @param signals triage evidence, one per distinct type and detail, at the first line it was seen
 * @param found one sentence saying how the log was read and what it held: its layout (a {@code generic} log is
 *              one in a layout not seen before, read line by line), the timestamp forms and levels its lines
 *              carry, and how many findings state a status, a net error, a URL or an error body
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConsoleAnalysis(String kind,
                              String format,
                              int lineCount,
                              List<ConsoleError> errors,
                              long errorsOmitted,
                              List<RequestId> requestIds,
                              List<String> conversationUrls,
                              List<Signal> signals,
                              String found) {

    public static final String KIND = "console";

    /** An analysis without the sentence saying what was found (tests and callers that build one by hand). */
    public ConsoleAnalysis(String kind, String format, int lineCount, List<ConsoleError> errors, long errorsOmitted,
                           List<RequestId> requestIds, List<String> conversationUrls, List<Signal> signals) {
        this(kind, format, lineCount, errors, errorsOmitted, requestIds, conversationUrls, signals, null);
    }
}
