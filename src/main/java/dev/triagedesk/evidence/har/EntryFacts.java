package dev.triagedesk.evidence.har;

import dev.triagedesk.evidence.RequestId;
import dev.triagedesk.evidence.triage.RequestIds;
import java.util.ArrayList;
import java.util.List;

/** What the analysis needs from one HAR entry, gathered while its tokens stream past. */
final class EntryFacts {

    final int index;
    String startedAt;
    double time = Double.NaN;
    String method;
    String url;
    /** The URL as written to the sanitized output, when that was already computed. */
    String sanitizedUrl;
    Integer status;
    String statusText;
    String netErrorText;
    String resourceType;
    String serverIp;
    String mime;
    String encoding;
    String issuer;

    /** The body's beginning (decoded), when the entry needed it. */
    String body;
    boolean bodyTruncated;
    EventStreamScanner stream;

    final List<RequestId> ids = new ArrayList<>(4);
    boolean cfRay;
    String server;
    String contentType;
    String cfMitigated;
    String cfErrorType;
    String via;
    String squidError;
    String remainingRequests;
    String remainingTokens;
    String resetRequests;
    String resetTokens;
    String retryAfter;
    String stainlessRetryCount;
    String referer;
    boolean cookieOrAuth;
    boolean requestJson;

    EntryFacts(int index) {
        this.index = index;
    }

    boolean failing() {
        int s = status == null ? 0 : status;
        return s >= 400 || s <= 0 || netErrorText != null && !netErrorText.isEmpty();
    }

    /** Whether the body must be read to analyze this entry; only known once the status and type are seen. */
    boolean needsBody() {
        if (status == null || failing()) {
            return true;
        }
        String m = mime != null ? mime : contentType;
        if (m == null) {
            return false;
        }
        return m.contains("event-stream") || m.contains("html") && status >= 200 && looksLikeApiPath();
    }

    boolean looksLikeApiPath() {
        return url != null && (url.contains("/backend-api/") || url.contains("/backend-anon/")
                || url.contains("/v1/") || url.contains("/api/"));
    }

    /** Records what a header says; {@code lower} is the header name in lower case. */
    void header(String lower, String value, boolean response) {
        if (RequestIds.isIdHeader(lower)) {
            if (value != null && !value.isBlank() && ids.size() < 16 && !hasId(value)) {
                ids.add(new RequestId(lower, value.trim()));
            }
            if (lower.equals("cf-ray")) {
                cfRay = true;
            }
            return;
        }
        switch (lower) {
            case "cookie", "authorization", "set-cookie", "proxy-authorization" -> cookieOrAuth = true;
            case "content-type" -> {
                if (response) {
                    contentType = value == null ? null : value.toLowerCase(java.util.Locale.ROOT);
                } else {
                    requestJson = value != null && value.contains("json");
                }
            }
            case "server" -> server = value;
            case "cf-mitigated" -> cfMitigated = value;
            case "cf-error-type" -> cfErrorType = value;
            case "via" -> via = value;
            case "x-squid-error" -> squidError = value;
            case "x-ratelimit-remaining-requests" -> remainingRequests = value;
            case "x-ratelimit-remaining-tokens" -> remainingTokens = value;
            case "x-ratelimit-reset-requests" -> resetRequests = value;
            case "x-ratelimit-reset-tokens" -> resetTokens = value;
            case "retry-after" -> retryAfter = value;
            case "x-stainless-retry-count" -> stainlessRetryCount = value;
            case "referer" -> referer = value;
            default -> {
            }
        }
    }

    /** Whether the analysis reads this header's value at all (the rest are skipped without decoding). */
    static boolean interesting(String lower) {
        return switch (lower) {
            case "cookie", "authorization", "set-cookie", "proxy-authorization", "content-type", "server",
                 "cf-mitigated", "cf-error-type", "via", "x-squid-error", "x-ratelimit-remaining-requests",
                 "x-ratelimit-remaining-tokens", "x-ratelimit-reset-requests", "x-ratelimit-reset-tokens",
                 "retry-after", "x-stainless-retry-count", "referer" -> true;
            default -> RequestIds.isIdHeader(lower);
        };
    }

    private boolean hasId(String value) {
        for (RequestId id : ids) {
            if (id.value().equals(value.trim())) {
                return true;
            }
        }
        return false;
    }
}
