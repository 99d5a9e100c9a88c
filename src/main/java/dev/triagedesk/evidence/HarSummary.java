package dev.triagedesk.evidence;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.triagedesk.evidence.redact.RedactionReport;
import java.util.List;

/**
 * Everything about a HAR except the per-entry lists (failures, stream errors, signals), which the processor
 * streams to a {@link dev.triagedesk.evidence.har.HarFindings} as it goes so they never need to fit in memory.
 *
 * @param partial the file broke off (lenient mode) and only the complete entries before the break were read
 * @param partialReason where and why it broke
 * @param requestIds distinct IDs of the failing entries and stream errors (bounded)
 * @param alreadySanitized no cookies or Authorization anywhere: the export was sanitized before (Chrome's default)
 * @param notes sentences for the reader (what evidence is missing, what was left out)
 * @param redaction what sanitizing removed; absent when the file was analyzed without writing a sanitized copy
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HarSummary(String version, Creator creator, Creator browser, long entryCount, long pageCount,
                         List<HarPage> pages, boolean partial, String partialReason, List<RequestId> requestIds,
                         List<String> conversationUrls, HarStats stats, boolean alreadySanitized,
                         List<String> notes, RedactionReport redaction, Verdict verdict) {
}
