package dev.triagedesk.report.web;

import dev.triagedesk.ticket.ConversationUrl;
import dev.triagedesk.ticket.MaxLength;

/**
 * The text fields of step 4 (the files come as their own parts), in the order of the page: console output pasted
 * instead of a file (its limit is a setting, checked by {@link UploadIntake#checkPastedText}), and the conversation
 * URL.
 */
record EvidenceForm(String consoleText, @MaxLength(2000) @ConversationUrl String conversationUrl) {

    static EvidenceForm of(String conversationUrl) {
        return new EvidenceForm(null, conversationUrl);
    }

    boolean hasPastedConsole() {
        return consoleText != null && !consoleText.isBlank();
    }
}
