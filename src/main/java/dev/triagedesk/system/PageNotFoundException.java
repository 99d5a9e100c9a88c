package dev.triagedesk.system;

/**
 * Thrown by page controllers when an address names nothing (an unknown or mistyped private link). Answered with
 * the friendly 404 page by {@code system.web.PageErrorAdvice}; the message key says what was not found.
 */
public class PageNotFoundException extends RuntimeException {

    private final String messageKey;

    public PageNotFoundException(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
