package dev.triagedesk.report.web;

import dev.triagedesk.ticket.ConversationUrl;
import jakarta.validation.constraints.Size;

/**
 * The text fields of step 4 (the files come as their own parts), in the order of the page: console output pasted
 * instead of a file, and the conversation URL.
 */
record EvidenceForm(
        @Size(max = EvidenceForm.MAX_PASTED_CHARS, message = "{evidence.consoleText.tooLong}") String consoleText,
        @Size(max = 2000) @ConversationUrl String conversationUrl) {

    /** Larger logs go in as files: Tomcat caps the non-file fields of a multipart request at 2 MB. */
    static final int MAX_PASTED_CHARS = 500_000;

    static EvidenceForm of(String conversationUrl) {
        return new EvidenceForm(null, conversationUrl);
    }

    boolean hasPastedConsole() {
        return consoleText != null && !consoleText.isBlank();
    }
}
