package dev.triagedesk.export;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The ticket as JSON, schema {@value #SCHEMA} (described by {@code /schema/ticket-export-v1.json}). Enum values
 * are lower case with underscores ({@code "waiting_on_reporter"}, {@code "fix_access"}); times are ISO 8601.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TicketExport(String schema, String reference, String status, String submittedAt, String updatedAt,
                           String assignee, Reporter reporter, Answers answers, VerdictPart verdict,
                           List<Label> labels, List<EvidencePart> evidence, List<FailingPart> failingRequests,
                           List<ConsolePart> consoleErrors, List<SignalPart> signals, List<IdPart> requestIds,
                           SummaryPart summary) {

    public static final String SCHEMA = "triage-desk/ticket-export/1";

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Reporter(String name, String email) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Answers(String product, String productDetail, String seenMessage, Integer seenStatus,
                          String occurredAt, String timeZone, String environment, String description,
                          String statusPage, java.util.Map<String, String> checks, Api api, String conversationUrl) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Api(String model, String endpoint, String serviceTier, String orgId, String projectId,
                      Integer failingPercent, Boolean retriedWithBackoff, Boolean backoffHelped, String requestIds,
                      String sdk, String callMode) {
    }

    public record VerdictPart(String path, String label, List<String> reasons, String nextStep) {
    }

    public record Label(String name, boolean present, String detail) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EvidencePart(long id, String name, String kind, String status, String reason, String format,
                               long entries, long failures, long streamErrors, long signals, long secretsRemoved,
                               boolean alreadySanitized, boolean partial, String addedAt) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FailingPart(long evidence, int entry, boolean streamError, String startedAt, String method,
                              String url, int status, String statusText, String netError, Double durationMs,
                              String category, ErrorPart error, List<IdPart> requestIds) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ErrorPart(String type, String code, String message, String param) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ConsolePart(long evidence, int line, String time, String level, String message, String url,
                              Integer status, String netError, String category, Integer linkedEntry) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SignalPart(long evidence, String type, Integer entry, Integer line, String url, String detail) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record IdPart(String name, String value, Long evidence) {
    }

    public record SummaryPart(String markdown, String text) {
    }
}
