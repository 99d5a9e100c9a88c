package dev.triagedesk.ticket;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;

/**
 * Every answer of the guided form in one record: the JSON API takes it whole, the form fills it step by step.
 *
 * @param occurredAt when it failed, in the reporter's local time ({@code timeZone})
 * @param environment browser or app version, operating system, device
 */
public record ReportAnswers(
        @NotNull(message = "{report.product.required}") Product product,
        @Size(max = 200) String productDetail,
        @Size(max = 2000) String seenMessage,
        @Min(value = 100, message = "{what.seenStatus.range}") @Max(value = 599, message = "{what.seenStatus.range}")
        Integer seenStatus,
        LocalDateTime occurredAt,
        @TimeZoneId(message = "{what.timeZone.invalid}") @Size(max = 64) String timeZone,
        @Size(max = 1000) String environment,
        @Size(max = 200) String reporterName,
        @Email(message = "{what.reporterEmail.invalid}") @Size(max = 320) String reporterEmail,
        @Size(max = 10000) String description,
        StatusPageAnswer statusPage,
        @Valid Checks checks,
        @Valid Api api,
        @Size(max = 2000) @ConversationUrl String conversationUrl) {

    /** The browser and app isolation checklist; a missing result means "not tried". */
    public record Checks(CheckResult privateWindow, CheckResult clearedSiteData, CheckResult extensionsOff,
                         CheckResult otherBrowser, CheckResult otherDevice, CheckResult otherNetwork,
                         CheckResult vpnOff, CheckResult appVsWeb) {
    }

    /** The API checklist. */
    public record Api(@Size(max = 200) String model, @Size(max = 500) String endpoint,
                      @Size(max = 100) String serviceTier, @Size(max = 200) String orgId,
                      @Size(max = 200) String projectId, @Min(value = 0, message = "{checks.failingPercent.range}")
                      @Max(value = 100, message = "{checks.failingPercent.range}") Integer failingPercent,
                      Boolean retriedWithBackoff, @Size(max = 4000) String requestIds) {
    }
}
