package dev.triagedesk.evidence.api;

import dev.triagedesk.evidence.redact.Redactor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Counts what a log held while it is read, for the one sentence that says what was found, and words the details of
 * signals. Bounded: a few counters.
 */
final class ApiFindings {

    private final ApiLogFormat format;
    private boolean timestamps;
    private boolean oldPython;
    private boolean newPython;
    private long withError;
    private long withoutResponse;
    private long retried;
    /** Retried with waits that did not grow, or in a tight loop: what makes a 429 worse. */
    private long withoutBackoff;
    private long recovered;

    ApiFindings(ApiLogFormat format) {
        this.format = format;
    }

    void timestamp() {
        timestamps = true;
    }

    boolean hasTimestamps() {
        return timestamps;
    }

    void pythonForm(boolean old) {
        if (old) {
            oldPython = true;
        } else {
            newPython = true;
        }
    }

    void call(CallBuilder c) {
        if (c.error != null) {
            withError++;
        }
        if (!c.responded) {
            withoutResponse++;
        }
        if (c.attempts > 1) {
            retried++;
            String pattern = c.retryPattern();
            if ("no-backoff".equals(pattern) || "tight-loop".equals(pattern)) {
                withoutBackoff++;
            }
        }
        if (c.recovered()) {
            recovered++;
        }
    }

    /** "openai-python log (long-standing form) with timestamps: 2 failing calls (…), 7 attempts, 3 request IDs". */
    String describe(long failingCalls, long attempts, int requestIds) {
        StringBuilder b = new StringBuilder(switch (format) {
            case OPENAI_PYTHON -> "openai-python log" + (oldPython && newPython ? " (both forms)"
                    : oldPython ? " (long-standing form, URLs and headers)" : newPython ? " (metadata-only form)" : "");
            case OPENAI_NODE -> "openai-node log";
            case CURL -> "curl transcript";
            case TRACEBACK -> "traceback or exception text of an API client";
        });
        if (timestamps) {
            b.append(" with timestamps");
        }
        b.append(": ").append(count(failingCalls, "failing call"));
        List<String> detail = new ArrayList<>();
        if (withError > 0) {
            detail.add(withError + " with an error body");
        }
        if (withoutResponse > 0) {
            detail.add(withoutResponse + " without a response");
        }
        if (retried > 0) {
            detail.add(retried + " retried" + (withoutBackoff == 0 ? "" : ", " + withoutBackoff + " without backoff"));
        }
        if (recovered > 0) {
            detail.add(recovered + " succeeded at last");
        }
        if (!detail.isEmpty()) {
            b.append(" (").append(String.join(", ", detail)).append(')');
        }
        return b.append(", ").append(count(attempts, "attempt")).append(" in all, ")
                .append(count(requestIds, "request ID")).toString();
    }

    /** "3 attempts; waits 0.4 s, 0.9 s, 1.8 s: backoff". */
    static String retries(int attempts, List<Double> waits, String pattern) {
        StringBuilder b = new StringBuilder().append(attempts).append(" attempts");
        if (!waits.isEmpty()) {
            b.append("; waits ");
            for (int i = 0; i < waits.size() && i < 8; i++) {
                if (i > 0) {
                    b.append(", ");
                }
                b.append(seconds(waits.get(i)));
            }
            if (waits.size() > 8) {
                b.append(", …");
            }
        }
        if (pattern != null) {
            b.append(": ").append(switch (pattern) {
                case "tight-loop" -> "tight loop";
                case "no-backoff" -> "waits not growing";
                case "retry-after" -> "as the server's retry-after asked";
                default -> "backoff";
            });
        }
        return b.toString();
    }

    static String rateLimit(ApiCall.RateLimit r) {
        List<String> parts = new ArrayList<>();
        if ("0".equals(r.remainingRequests())) {
            parts.add("x-ratelimit-remaining-requests 0" + (r.resetRequests() == null ? "" : " (reset " + r.resetRequests() + ")"));
        }
        if ("0".equals(r.remainingTokens())) {
            parts.add("x-ratelimit-remaining-tokens 0" + (r.resetTokens() == null ? "" : " (reset " + r.resetTokens() + ")"));
        }
        return String.join(", ", parts);
    }

    /** One decimal, two under a second: "0.42 s", "1.8 s". */
    static String seconds(double s) {
        return (s < 1 ? String.format(Locale.ROOT, "%.2f", s) : String.format(Locale.ROOT, "%.1f", s)) + " s";
    }

    private static String count(long n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    /** Cuts to {@code max} chars without splitting a redaction marker or a surrogate pair. */
    static String clip(String s, int max) {
        if (s == null || s.length() <= max) {
            return s;
        }
        int cut = max - 1;
        int marker = s.lastIndexOf(Redactor.MARKER_PREFIX, cut);
        if (marker >= 0 && s.indexOf(']', marker) >= cut) {
            cut = marker;
        }
        if (cut > 0 && Character.isHighSurrogate(s.charAt(cut - 1))) {
            cut--;
        }
        return s.substring(0, cut) + '\u2026';
    }
}
