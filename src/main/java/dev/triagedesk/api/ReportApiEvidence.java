package dev.triagedesk.api;

import dev.triagedesk.ticket.ConversationAddress;
import dev.triagedesk.ticket.ConversationUrl;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * The text fields {@code POST /api/reports/{token}/evidence} takes beside its files, as the reporter page takes
 * them: console output pasted as text, and the conversation URL (an empty one clears it, none leaves it as it is).
 * Each may come as a form field or as a part.
 *
 * @param consoleText console output, analyzed and sanitized like a console log file
 * @param conversationUrl the address of the conversation that fails
 * @param unread fields whose part could not be taken as text at all, with why
 */
record ReportApiEvidence(
        @Size(max = ReportApiEvidence.MAX_PASTED_CHARS, message = ReportApiEvidence.TOO_LONG) String consoleText,
        @Size(max = 2000) @ConversationUrl String conversationUrl,
        List<ApiProblem.FieldError> unread) {

    /** The reporter page's limit for pasted text (Tomcat caps a multipart form field at 2 MB). */
    static final int MAX_PASTED_CHARS = 500_000;
    static final String TOO_LONG = "is too long to send as text: send it as a console part (a file) instead";

    static ReportApiEvidence of(MultipartHttpServletRequest request) {
        List<ApiProblem.FieldError> unread = new ArrayList<>();
        return new ReportApiEvidence(text(request, "consoleText", unread), text(request, "conversationUrl", unread),
                List.copyOf(unread));
    }

    boolean hasConsoleText() {
        return consoleText != null && !consoleText.isBlank();
    }

    /** The URL to store: null to clear it (an empty field). Only when {@link #conversationUrl} was sent. */
    String conversationUrlToStore() {
        return ConversationAddress.normalise(conversationUrl);
    }

    private static String text(MultipartHttpServletRequest request, String name, List<ApiProblem.FieldError> unread) {
        String field = request.getParameter(name);
        if (field != null) {
            return field;
        }
        MultipartFile part = request.getFile(name);
        if (part == null) {
            return null;
        }
        if (part.getSize() > 4L * MAX_PASTED_CHARS) {
            unread.add(new ApiProblem.FieldError(name, TOO_LONG));
            return null;
        }
        try {
            return new String(part.getBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
