package dev.triagedesk.incident;

import dev.triagedesk.evidence.SignalType;
import dev.triagedesk.evidence.TriagePath;
import dev.triagedesk.ticket.FailingRequest;
import dev.triagedesk.ticket.FailureGroup;
import dev.triagedesk.ticket.FindingSignal;
import dev.triagedesk.ticket.NormalizedPath;
import dev.triagedesk.ticket.Product;
import dev.triagedesk.ticket.Ticket;
import dev.triagedesk.ticket.TicketDetails;
import dev.triagedesk.ticket.TicketFailure;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * What makes two reports the same problem, the way error trackers group events: the product, the verdict's path,
 * and the failure the evidence shows most (the failing host, method and endpoint path with identifiers as
 * placeholders, the status or network error, the error code or type), or the strongest signal (a Cloudflare
 * challenge, TLS interception...). Never request IDs: each is unique. A report without evidence is grouped by
 * product, path and the status seen, with its message only when the message says something specific; one with
 * neither a status nor a specific message has no fingerprint and joins no incident.
 *
 * @param failure the failure it rests on, null when it rests on a signal or on the answers only
 * @param message the reporter's message, normalized, when it is specific and there is no captured failure
 */
public record Fingerprint(Product product, TriagePath verdict, Failure failure, SignalType signal,
                          Integer seenStatus, String message) {

    /** The failure behind a fingerprint. {@code endpoint} is the normalized path without query. */
    public record Failure(String host, String method, String endpoint, String outcome, String errorCode) {
    }

    /** Phrases every failure shows: a message made of them tells nothing about which problem it is. */
    private static final List<String> GENERIC = List.of("something went wrong", "an error occurred", "error occurred",
            "network error", "internal server error", "server error", "bad gateway", "service unavailable",
            "gateway timeout", "too many requests", "unknown error", "try again", "request failed", "not working",
            "doesn't work", "does not work", "error", "failed", "oops", "hmm");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}' ]+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final List<String> PRODUCT_DOMAINS = List.of("chatgpt.com", "openai.com", "oaistatic.com",
            "oaiusercontent.com");

    /** The fingerprint of a submitted ticket, or empty when it has nothing to group by. */
    public static Optional<Fingerprint> of(TicketDetails details) {
        return of(details.failure());
    }

    /** The fingerprint of a submitted ticket, or empty when it has nothing to group by. */
    public static Optional<Fingerprint> of(TicketFailure failure) {
        return of(failure, failure.ticket().getVerdictPath());
    }

    /** The fingerprint with this verdict path: a draft's, whose verdict is not stored yet. */
    public static Optional<Fingerprint> of(TicketDetails details, TriagePath verdict) {
        return of(details.failure(), verdict);
    }

    private static Optional<Fingerprint> of(TicketFailure details, TriagePath verdict) {
        Ticket t = details.ticket();
        Optional<FailureGroup> main = mainFailure(details.failures());
        SignalType signal = details.signals().stream().map(FindingSignal::getType)
                .min(Comparator.naturalOrder()).orElse(null);
        if (main.isPresent()) {
            return Optional.of(new Fingerprint(t.getProduct(), verdict, failure(main.get().first()), signal,
                    null, null));
        }
        if (signal != null) {
            return Optional.of(new Fingerprint(t.getProduct(), verdict, null, signal, null, null));
        }
        String message = specificMessage(t.getSeenMessage());
        if (t.getSeenStatus() == null && message == null) {
            return Optional.empty();
        }
        return Optional.of(new Fingerprint(t.getProduct(), verdict, null, null, t.getSeenStatus(), message));
    }

    /**
     * The failure the evidence shows most: failures of ChatGPT's or the API's own hosts before any other (a failing
     * analytics call must not name the problem), then the most repeated one, then the first found.
     */
    static Optional<FailureGroup> mainFailure(List<FailingRequest> failures) {
        List<FailureGroup> groups = FailureGroup.of(failures);
        FailureGroup best = null;
        for (FailureGroup g : groups) {
            if (best == null || rank(g) > rank(best)) {
                best = g;
            }
        }
        return Optional.ofNullable(best);
    }

    private static long rank(FailureGroup g) {
        return (isProductHost(host(g.first().getUrl())) ? 1_000_000_000L : 0) + g.count();
    }

    static Failure failure(FailingRequest f) {
        String outcome = f.getStatus() > 0 ? "HTTP " + f.getStatus()
                : f.getNetError() != null && !f.getNetError().isBlank() ? f.getNetError().trim() : "no response";
        if (f.isStreamError()) {
            outcome = "stream error after " + outcome;
        }
        String code = f.getErrorCode() != null && !f.getErrorCode().isBlank() ? f.getErrorCode()
                : f.getErrorType() != null && !f.getErrorType().isBlank() ? f.getErrorType() : null;
        String method = f.getMethod() == null ? "" : f.getMethod().toUpperCase(Locale.ROOT);
        return new Failure(host(f.getUrl()), method, endpoint(f.getUrl()), outcome, code);
    }

    /** The host of an address, in lower case, without port; empty when there is none. */
    static String host(String url) {
        if (url == null) {
            return "";
        }
        int scheme = url.indexOf("://");
        if (scheme < 0) {
            return "";
        }
        int start = scheme + 3;
        int end = start;
        while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        String authority = url.substring(start, end);
        authority = authority.substring(authority.lastIndexOf('@') + 1);
        int colon = authority.startsWith("[") ? authority.indexOf(':', Math.max(0, authority.indexOf(']'))) : authority.indexOf(':');
        return (colon >= 0 ? authority.substring(0, colon) : authority).toLowerCase(Locale.ROOT);
    }

    /** The path as error trackers name an endpoint: identifiers as {@code {id}}, no query, no host. */
    static String endpoint(String url) {
        String normalized = NormalizedPath.of(url);
        if (normalized == null) {
            return "";
        }
        int q = normalized.indexOf('?');
        if (q >= 0) {
            normalized = normalized.substring(0, q);
        }
        int scheme = normalized.indexOf("://");
        if (scheme >= 0) {
            int slash = normalized.indexOf('/', scheme + 3);
            normalized = slash < 0 ? "/" : normalized.substring(slash);
        }
        return normalized.isEmpty() ? "/" : normalized;
    }

    static boolean isProductHost(String host) {
        for (String d : PRODUCT_DOMAINS) {
            if (host.equals(d) || host.endsWith("." + d)) {
                return true;
            }
        }
        return host.endsWith(".openai.azure.com");
    }

    /**
     * The message in a form that compares equal across reporters (lower case, no punctuation, numbers as {@code #}),
     * or null when it is generic: made of phrases every failure shows, or shorter than three words.
     */
    static String specificMessage(String seen) {
        if (seen == null) {
            return null;
        }
        String text = SPACES.matcher(NOT_WORD.matcher(seen.toLowerCase(Locale.ROOT)).replaceAll(" ")).replaceAll(" ")
                .trim();
        text = DIGITS.matcher(text).replaceAll("#");
        String rest = " " + text + " ";
        for (String g : GENERIC) {
            rest = rest.replace(" " + g + " ", " ");
        }
        String[] words = rest.trim().split(" ");
        if (rest.isBlank() || words.length < 3) {
            return null;
        }
        return text.length() > 300 ? text.substring(0, 300) : text;
    }

    /** The fingerprint as text: what is compared (through {@link #hash}) and shown to staff. */
    public String text() {
        StringJoiner j = new StringJoiner(" | ");
        j.add("product=" + (product == null ? "" : product.name().toLowerCase(Locale.ROOT)));
        j.add("path=" + (verdict == null ? "" : verdict.id()));
        if (failure != null) {
            j.add("host=" + failure.host());
            j.add("request=" + (failure.method() + " " + failure.endpoint()).trim());
            j.add("outcome=" + failure.outcome());
            j.add("code=" + (failure.errorCode() == null ? "" : failure.errorCode()));
        }
        if (signal != null) {
            j.add("signal=" + signal.id());
        }
        if (failure == null && signal == null) {
            j.add("seen=" + (seenStatus == null ? "" : seenStatus));
            if (message != null) {
                j.add("message=" + message);
            }
        }
        String text = j.toString();
        return text.length() > 2000 ? text.substring(0, 2000) : text;
    }

    /** SHA-256 of {@link #text}, hexadecimal: the indexed key incidents are found by. */
    public String hash() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A title for people: "HTTP 500 from chatgpt.com POST /backend-api/conversation/{id}", "Cloudflare challenge
     * page ... on ChatGPT on the web", "HTTP 500 “...” on OpenAI API (no capture)".
     */
    public String title() {
        String on = product == null ? "" : " on " + product.label();
        String title;
        if (failure != null) {
            title = failure.outcome() + (failure.errorCode() == null ? "" : " " + failure.errorCode())
                    + (failure.host().isEmpty() ? "" : " from " + failure.host()) + " "
                    + (failure.method() + " " + failure.endpoint()).trim();
        } else if (signal != null) {
            title = signal.label() + on;
        } else {
            title = ((seenStatus == null ? "" : "HTTP " + seenStatus + " ")
                    + (message == null ? "" : "“" + message + "” ")).trim() + on + " (no capture)";
        }
        title = title.trim();
        return title.length() > 300 ? title.substring(0, 299) + "…" : title;
    }
}
