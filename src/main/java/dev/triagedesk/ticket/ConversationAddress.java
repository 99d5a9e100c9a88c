package dev.triagedesk.ticket;

import java.util.regex.Pattern;

/**
 * The address of the conversation that fails, as a reporter types it: a web address starting with
 * {@code https://} (or {@code http://}), or, as the form's hint shows it, a ChatGPT conversation without the scheme
 * ({@code chatgpt.com/c/…}, {@code chat.openai.com/c/…}), stored with {@code https://} in front. Without a scheme
 * other hosts are refused: the reporter most likely copied something else. See {@link ConversationUrl}.
 */
public final class ConversationAddress {

    /** What a typed address is. */
    public enum Kind { BLANK, WITH_SCHEME, CHATGPT_WITHOUT_SCHEME, OTHER_HOST_WITHOUT_SCHEME, NOT_AN_ADDRESS }

    private static final Pattern WITH_SCHEME = Pattern.compile("(?i)^https?://\\S+$");
    /** Host, a conversation's path (in a GPT's too, or shared), then perhaps a query or fragment; no scheme. */
    private static final Pattern CHATGPT_CONVERSATION = Pattern.compile("(?i)^(?:www\\.)?(?:chatgpt\\.com|chat\\.openai\\.com)"
            + "(?:/g/[^/?#\\s]+)?/(?:c|share)/[A-Za-z0-9-]+/?(?:[?#]\\S*)?$");
    /** A host name, then perhaps a port, path, query or fragment. */
    private static final Pattern HOST_AND_MORE = Pattern.compile("^[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+(?:[:/?#]\\S*)?$");

    private ConversationAddress() {
    }

    public static Kind of(String typed) {
        if (typed == null || typed.isBlank()) {
            return Kind.BLANK;
        }
        String u = typed.strip();
        if (WITH_SCHEME.matcher(u).matches()) {
            return Kind.WITH_SCHEME;
        }
        if (CHATGPT_CONVERSATION.matcher(u).matches()) {
            return Kind.CHATGPT_WITHOUT_SCHEME;
        }
        return HOST_AND_MORE.matcher(u).matches() ? Kind.OTHER_HOST_WITHOUT_SCHEME : Kind.NOT_AN_ADDRESS;
    }

    /** What to store for what was typed: trimmed, blank as null, a ChatGPT conversation with {@code https://}. */
    public static String normalise(String typed) {
        Kind kind = of(typed);
        if (kind == Kind.BLANK) {
            return null;
        }
        return kind == Kind.CHATGPT_WITHOUT_SCHEME ? "https://" + typed.strip() : typed.strip();
    }
}
