package dev.triagedesk.ticket;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The conversation ID of a conversation URL, the value support and the queue's search know a conversation by:
 * {@code https://chatgpt.com/c/<id>?model=gpt-5#part} and {@code https://chatgpt.com/c/<id>/} both give
 * {@code <id>}. The URL itself is kept as the reporter gave it; only the index holds the bare ID.
 */
public final class ConversationId {

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private ConversationId() {
    }

    /**
     * The last ID-shaped (8-4-4-4-12 hex) segment of the URL's path, else its last non-empty segment; never the
     * query or fragment. Null when the URL has no path to take one from ({@code https://chatgpt.com/}).
     */
    public static String of(String url) {
        if (url == null) {
            return null;
        }
        String u = url.trim();
        int end = u.length();
        for (char c : new char[] {'?', '#'}) {
            int at = u.indexOf(c);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        u = u.substring(0, end);
        int scheme = u.indexOf("://");
        int path = scheme < 0 ? 0 : u.indexOf('/', scheme + 3);
        if (path < 0) {
            return null;
        }
        String last = null;
        String lastUuid = null;
        for (String segment : u.substring(path).split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            last = segment;
            Matcher m = UUID.matcher(segment);
            if (m.matches()) {
                lastUuid = segment;
            }
        }
        return lastUuid != null ? lastUuid : last;
    }
}
