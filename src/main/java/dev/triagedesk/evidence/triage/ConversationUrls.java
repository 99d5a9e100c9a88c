package dev.triagedesk.evidence.triage;

import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ChatGPT conversation links: {@code chatgpt.com/c/<id>}, project and GPT conversations ({@code /g/<gpt>/c/<id>}),
 * shares, the legacy {@code chat.openai.com} host, and the conversation IDs inside backend API paths. IDs are
 * 8-4-4-4-12 hex but not always version 4, so any hex is accepted.
 */
public final class ConversationUrls {

    private static final String UUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
    private static final Pattern PAGE = Pattern.compile(
            "(?i)https?://(?:chatgpt\\.com|chat\\.openai\\.com)(/g/g-[A-Za-z0-9-]+)?/(c|share|chat)/(" + UUID + ")");
    private static final Pattern BACKEND = Pattern.compile(
            "(?i)https?://(?:chatgpt\\.com|chat\\.openai\\.com)/backend-(?:api|anon)/conversation/(?:gen_title/)?(" + UUID + ")");
    private static final int MAX = 200;

    private ConversationUrls() {
    }

    /** Adds the canonical conversation URLs found in the text (a URL, a header value, a page title, a line). */
    public static void find(String text, Collection<String> into) {
        if (text == null || text.length() < 30 || into.size() >= MAX) {
            return;
        }
        if (text.indexOf("chatgpt.com") < 0 && text.indexOf("chat.openai.com") < 0) {
            return;
        }
        Matcher m = PAGE.matcher(text);
        while (m.find() && into.size() < MAX) {
            String kind = m.group(2).toLowerCase();
            String gpt = m.group(1) == null ? "" : m.group(1);
            into.add("https://chatgpt.com" + gpt + "/" + (kind.equals("chat") ? "c" : kind) + "/"
                    + m.group(3).toLowerCase());
        }
        m = BACKEND.matcher(text);
        while (m.find() && into.size() < MAX) {
            into.add("https://chatgpt.com/c/" + m.group(1).toLowerCase());
        }
    }
}
