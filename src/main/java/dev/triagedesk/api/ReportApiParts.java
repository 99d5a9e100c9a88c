package dev.triagedesk.api;

import dev.triagedesk.ticket.ReportAnswers;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The multipart parts of the report API, for its OpenAPI description only: the controller reads the parts from the
 * request itself (so that every mistake in them can be answered at once), where springdoc cannot see them.
 */
final class ReportApiParts {

    private ReportApiParts() {
    }

    @Schema(name = "NewReport", description = "The parts of POST /api/reports")
    record NewReport(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The answers of the guided form, as"
                    + " JSON (a text field or a part); enum values in any case")
            ReportAnswers report,
            @ArraySchema(arraySchema = @Schema(description = "HAR files (JSON), from the browser's developer tools"),
                    schema = @Schema(type = "string", format = "binary")) List<byte[]> har,
            @ArraySchema(arraySchema = @Schema(description = "Console logs saved from the browser or an SDK"),
                    schema = @Schema(type = "string", format = "binary")) List<byte[]> console,
            @ArraySchema(arraySchema = @Schema(description = "Screenshots (PNG, JPEG, GIF or WebP)"),
                    schema = @Schema(type = "string", format = "binary")) List<byte[]> screenshot) {
    }

    @Schema(name = "MoreEvidence", description = "The parts of POST /api/reports/{token}/evidence: at least one")
    record MoreEvidence(
            @ArraySchema(arraySchema = @Schema(description = "HAR files (JSON)"),
                    schema = @Schema(type = "string", format = "binary")) List<byte[]> har,
            @ArraySchema(arraySchema = @Schema(description = "Console logs"),
                    schema = @Schema(type = "string", format = "binary")) List<byte[]> console,
            @ArraySchema(arraySchema = @Schema(description = "Screenshots"),
                    schema = @Schema(type = "string", format = "binary")) List<byte[]> screenshot,
            @Schema(description = "Console output pasted as text, analyzed and sanitized like a console log file;"
                    + " over the pasted-text limit, send it as a console part instead") String consoleText,
            @Schema(description = "The address of the conversation that fails; an empty one clears it",
                    maxLength = 2000) String conversationUrl) {
    }
}
