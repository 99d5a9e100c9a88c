package dev.triagedesk.system.web;

/**
 * Thrown by page controllers when an address names nothing (an unknown or mistyped private link). Answered with
 * the friendly 404 page by {@link PageErrorAdvice}; the message key says what was not found.
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
