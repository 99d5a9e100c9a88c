package dev.triagedesk.evidence.triage;

import java.util.Locale;

/** Which part of the service a URL belongs to, after the domain lists in the support playbook. */
public final class Hosts {

    /** The role of a host in a ChatGPT or OpenAI API session. */
    public enum Role {
        /** api.openai.com and other API endpoints. */
        API,
        /** hosts the web app cannot work without (chatgpt.com, oaistatic.com, auth, challenges.cloudflare.com). */
        APP,
        /** analytics and feature-flag hosts whose failures are cosmetic (statsig, datadog, sentry, intercom...). */
        TELEMETRY,
        OTHER
    }

    private static final String[] TELEMETRY_HOSTS = {
        "statsig", "featuregates.org", "featureassets.org", "prodregistryv2.org", "browser-intake-datadoghq",
        "datadoghq", "sentry.io", "intercom.io", "intercomcdn.com", "segment.io", "segment.com", "ab.chatgpt.com",
        "google-analytics.com", "googletagmanager.com", "doubleclick.net", "hotjar", "mixpanel", "amplitude.com"};

    private static final String[] APP_HOSTS = {
        "chatgpt.com", "chat.openai.com", "openai.com", "oaistatic.com", "oaiusercontent.com",
        "challenges.cloudflare.com"};

    /**
     * The product's own domains (playbook, section 2, short list), without the third parties the app loads:
     * challenges.cloudflare.com serves every site behind Cloudflare, so a request to it is no sign of ChatGPT.
     */
    private static final String[] PRODUCT_DOMAINS = {"chatgpt.com", "openai.com", "oaistatic.com", "oaiusercontent.com"};

    /** The product's hosts as the pages and the ticket name them. */
    public static final String PRODUCT_HOST_NAMES =
            "chatgpt.com, chat.openai.com, api.openai.com, openai.com, oaistatic.com, oaiusercontent.com";

    private Hosts() {
    }

    public static String host(String url) {
        if (url == null) {
            return "";
        }
        int s = url.indexOf("://");
        int start = s >= 0 ? s + 3 : url.startsWith("//") ? 2 : 0;
        int end = start;
        while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        String authority = url.substring(start, end);
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            authority = authority.substring(at + 1);
        }
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            return (close > 0 ? authority.substring(0, close + 1) : authority).toLowerCase(Locale.ROOT);
        }
        int colon = authority.indexOf(':');
        return (colon >= 0 ? authority.substring(0, colon) : authority).toLowerCase(Locale.ROOT);
    }

    public static String path(String url) {
        if (url == null) {
            return "";
        }
        int s = url.indexOf("://");
        // without a scheme (Chrome's console writes "chatgpt.com/backend-api/…"), the host comes first, as in host()
        int authority = s >= 0 ? s + 3 : url.startsWith("//") ? 2 : 0;
        int start = authority == 0 && url.startsWith("/") ? 0 : url.indexOf('/', authority);
        if (start < 0) {
            return "/";
        }
        int end = start;
        while (end < url.length() && "?#".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        return url.substring(start, end);
    }

    public static Role role(String url) {
        String host = host(url);
        String path = path(url);
        for (String t : TELEMETRY_HOSTS) {
            if (host.contains(t)) {
                return Role.TELEMETRY;
            }
        }
        if (path.startsWith("/ces/") || path.contains("/rgstr")) {
            return Role.TELEMETRY;
        }
        if (host.equals("api.openai.com") || host.endsWith(".openai.azure.com")) {
            return Role.API;
        }
        for (String a : APP_HOSTS) {
            if (host.equals(a) || host.endsWith("." + a)) {
                return Role.APP;
            }
        }
        return Role.OTHER;
    }

    /**
     * Whether the URL goes to ChatGPT or the OpenAI API itself: chatgpt.com, *.openai.com (chat, api, auth...),
     * oaistatic.com, oaiusercontent.com and Azure OpenAI endpoints, analytics subdomains of these included. A
     * capture with no such request shows another site.
     */
    public static boolean isProduct(String url) {
        String host = host(url);
        if (host.endsWith(".openai.azure.com")) {
            return true;
        }
        for (String d : PRODUCT_DOMAINS) {
            if (host.equals(d) || host.endsWith("." + d)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the URL is one of ChatGPT's own (web app) hosts rather than the API. */
    public static boolean isChatGptWeb(String url) {
        String host = host(url);
        return host.equals("chatgpt.com") || host.endsWith(".chatgpt.com") || host.equals("chat.openai.com");
    }
}
