package dev.triagedesk.report.web;

import dev.triagedesk.ticket.MaxLength;
import dev.triagedesk.ticket.Product;
import dev.triagedesk.ticket.Ticket;
import dev.triagedesk.ticket.TimeZoneId;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDateTime;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * Step 1, what fails: the product and what the reporter sees (the two answers needed, first), the version, when (local time and time zone, filled in by the
 * browser and editable), the environment and who reports it. Components in the order of the page (the error
 * summary follows it).
 */
record WhatFailsForm(
        @NotNull(message = "{what.product.required}") Product product,
        @NotBlank(message = "{what.seenMessage.required}") @MaxLength(2000) String seenMessage,
        @MaxLength(200) String productDetail,
        @Min(value = 100, message = "{what.seenStatus.range}") @Max(value = 599, message = "{what.seenStatus.range}")
        Integer seenStatus,
        @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm", fallbackPatterns = {"yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm"})
        LocalDateTime occurredAt,
        @TimeZoneId(message = "{what.timeZone.invalid}") @MaxLength(64) String timeZone,
        @MaxLength(1000) String environment,
        @MaxLength(10000) String description,
        @MaxLength(200) String reporterName,
        @Email(message = "{what.reporterEmail.invalid}") @MaxLength(320) String reporterEmail) {

    static WhatFailsForm of(Ticket t) {
        return new WhatFailsForm(t.getProduct(), t.getSeenMessage(), t.getProductDetail(), t.getSeenStatus(),
                t.getOccurredAt(), t.getTimeZone(), t.getEnvironment(), t.getDescription(), t.getReporterName(),
                t.getReporterEmail());
    }

    /** Copies the valid answers onto the ticket (all of them when the form is valid). */
    void applyTo(Ticket t, FieldErrors errors) {
        errors.ifValid("product", product, t::setProduct);
        errors.ifValid("productDetail", FieldErrors.blank(productDetail), t::setProductDetail);
        errors.ifValid("seenMessage", FieldErrors.blank(seenMessage), t::setSeenMessage);
        errors.ifValid("seenStatus", seenStatus, t::setSeenStatus);
        errors.ifValid("occurredAt", occurredAt, t::setOccurredAt);
        errors.ifValid("timeZone", FieldErrors.blank(timeZone), t::setTimeZone);
        errors.ifValid("environment", FieldErrors.blank(environment), t::setEnvironment);
        errors.ifValid("reporterName", FieldErrors.blank(reporterName), t::setReporterName);
        errors.ifValid("reporterEmail", FieldErrors.blank(reporterEmail), t::setReporterEmail);
        errors.ifValid("description", FieldErrors.blank(description), t::setDescription);
    }
}
