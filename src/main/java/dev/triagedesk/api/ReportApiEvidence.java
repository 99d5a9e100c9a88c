package dev.triagedesk.api;

import dev.triagedesk.report.PastedTextLimit;
import dev.triagedesk.system.ReadableSize;
import dev.triagedesk.ticket.ConversationAddress;
import dev.triagedesk.ticket.ConversationUrl;
import dev.triagedesk.ticket.MaxLength;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
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
        String consoleText,
        @MaxLength(2000) @ConversationUrl String conversationUrl,
        List<ApiProblem.FieldError> unread) {

    /** A conversation URL sent as a part larger than this is not read (it would be refused by its size anyway). */
    private static final long URL_PART_BYTES = 64 * 1024;

    /**
     * The text fields of the request. Console output over the pasted-text limit is not taken, and is named in
     * {@link #unread} (a part that large is not even read).
     */
    static ReportApiEvidence of(MultipartHttpServletRequest request, PastedTextLimit limit) {
        List<ApiProblem.FieldError> unread = new ArrayList<>();
        Function<String, String> consoleTooLarge = size -> "is " + size + ", more than the " + limit.maxText()
                + " that can be sent as text: send it as a console part (a file) instead";
        String console = text(request, "consoleText", limit.maxBytes(), consoleTooLarge, unread);
        String excess = limit.excess(console).orElse(null);
        if (excess != null) {
            unread.add(new ApiProblem.FieldError("consoleText", consoleTooLarge.apply(excess)));
            console = null;
        }
        String url = text(request, "conversationUrl", URL_PART_BYTES,
                size -> "is " + size + ": a conversation URL has at most 2000 characters", unread);
        return new ReportApiEvidence(console, url, List.copyOf(unread));
    }

    boolean hasConsoleText() {
        return consoleText != null && !consoleText.isBlank();
    }

    /** The URL to store: null to clear it (an empty field). Only when {@link #conversationUrl} was sent. */
    String conversationUrlToStore() {
        return ConversationAddress.normalise(conversationUrl);
    }

    private static String text(MultipartHttpServletRequest request, String name, long maxPartBytes,
                               Function<String, String> tooLarge, List<ApiProblem.FieldError> unread) {
        String field = request.getParameter(name);
        if (field != null) {
            return field;
        }
        MultipartFile part = request.getFile(name);
        if (part == null) {
            return null;
        }
        if (part.getSize() > maxPartBytes) {
            unread.add(new ApiProblem.FieldError(name, tooLarge.apply(ReadableSize.of(part.getSize()))));
            return null;
        }
        try {
            return new String(part.getBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
