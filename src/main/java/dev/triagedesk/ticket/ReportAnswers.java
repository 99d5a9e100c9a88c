package dev.triagedesk.ticket;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDateTime;

/**
 * Every answer of the guided form in one record: the JSON API takes it whole, the form fills it step by step.
 *
 * @param occurredAt when it failed, in the reporter's local time ({@code timeZone})
 * @param environment browser or app version, operating system, device
 */
public record ReportAnswers(
        @NotNull(message = "{report.product.required}") Product product,
        @MaxLength(200) String productDetail,
        @MaxLength(2000) String seenMessage,
        @Min(value = 100, message = "{what.seenStatus.range}") @Max(value = 599, message = "{what.seenStatus.range}")
        Integer seenStatus,
        LocalDateTime occurredAt,
        @TimeZoneId(message = "{what.timeZone.invalid}") @MaxLength(64) String timeZone,
        @MaxLength(1000) String environment,
        @MaxLength(200) String reporterName,
        @Email(message = "{what.reporterEmail.invalid}") @MaxLength(320) String reporterEmail,
        @MaxLength(10000) String description,
        StatusPageAnswer statusPage,
        @Valid Checks checks,
        @Valid Api api,
        @MaxLength(2000) @ConversationUrl String conversationUrl) {

    /** The browser and app isolation checklist; a missing result means "not tried". */
    public record Checks(CheckResult privateWindow, CheckResult clearedSiteData, CheckResult extensionsOff,
                         CheckResult otherBrowser, CheckResult otherDevice, CheckResult otherNetwork,
                         CheckResult vpnOff, CheckResult appVsWeb) {
    }

    /**
     * The API checklist.
     *
     * @param retriedWithBackoff whether the calls were retried with exponential backoff
     * @param backoffHelped whether those retries got the calls through (true implies they were retried)
     * @param sdk the client and its version ("openai-python 1.54.0")
     * @param callMode plain calls, streaming or Batch
     */
    public record Api(@MaxLength(200) String model, @MaxLength(500) String endpoint,
                      @MaxLength(100) String serviceTier, @MaxLength(200) String orgId,
                      @MaxLength(200) String projectId, @Min(value = 0, message = "{checks.failingPercent.range}")
                      @Max(value = 100, message = "{checks.failingPercent.range}") Integer failingPercent,
                      Boolean retriedWithBackoff, @MaxLength(4000) String requestIds, Boolean backoffHelped,
                      @MaxLength(200) String sdk, ApiCallMode callMode) {

        /** Without the client and how the calls were made. */
        public Api(String model, String endpoint, String serviceTier, String orgId, String projectId,
                   Integer failingPercent, Boolean retriedWithBackoff, String requestIds, Boolean backoffHelped) {
            this(model, endpoint, serviceTier, orgId, projectId, failingPercent, retriedWithBackoff, requestIds,
                    backoffHelped, null, null);
        }

        /** Without saying whether the retries helped. */
        public Api(String model, String endpoint, String serviceTier, String orgId, String projectId,
                   Integer failingPercent, Boolean retriedWithBackoff, String requestIds) {
            this(model, endpoint, serviceTier, orgId, projectId, failingPercent, retriedWithBackoff, requestIds, null);
        }
    }
}
