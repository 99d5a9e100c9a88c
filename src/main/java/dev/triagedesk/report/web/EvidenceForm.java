package dev.triagedesk.report.web;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The text fields of step 4 (the files come as their own parts): the conversation URL and console output pasted
 * instead of a file. The reporter page uses it without the URL.
 */
record EvidenceForm(
        @Size(max = 2000) @Pattern(regexp = "^\\s*$|^\\s*https?://\\S+\\s*$", message = "{validation.url}")
        String conversationUrl,
        @Size(max = EvidenceForm.MAX_PASTED_CHARS, message = "{evidence.consoleText.tooLong}") String consoleText) {

    /** Larger logs go in as files: Tomcat caps the non-file fields of a multipart request at 2 MB. */
    static final int MAX_PASTED_CHARS = 500_000;

    static EvidenceForm of(String conversationUrl) {
        return new EvidenceForm(conversationUrl, null);
    }

    boolean hasPastedConsole() {
        return consoleText != null && !consoleText.isBlank();
    }
}
