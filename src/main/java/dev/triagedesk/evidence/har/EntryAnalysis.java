package dev.triagedesk.evidence.har;

import dev.triagedesk.evidence.Category;
import dev.triagedesk.evidence.ErrorDetail;
import dev.triagedesk.evidence.Failure;
import dev.triagedesk.evidence.HarPage;
import dev.triagedesk.evidence.HarStats;
import dev.triagedesk.evidence.RequestId;
import dev.triagedesk.evidence.Signal;
import dev.triagedesk.evidence.SignalType;
import dev.triagedesk.evidence.StreamError;
import dev.triagedesk.evidence.StreamEvent;
import dev.triagedesk.evidence.Verdict;
import dev.triagedesk.evidence.redact.Redactor;
import dev.triagedesk.evidence.triage.ConversationUrls;
import dev.triagedesk.evidence.triage.ErrorBodies;
import dev.triagedesk.evidence.triage.EvidenceTally;
import dev.triagedesk.evidence.triage.FailureClassifier;
import dev.triagedesk.evidence.triage.Hosts;
import dev.triagedesk.evidence.triage.InterceptionProducts;
import dev.triagedesk.evidence.triage.NetErrors;
import dev.triagedesk.evidence.triage.RequestIds;
import dev.triagedesk.evidence.triage.TriageRules;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns each entry's {@link EntryFacts} into findings (reported to {@link HarFindings} at once) and keeps the
 * bounded aggregates: stats, request IDs, conversation URLs and the evidence tally behind the verdict.
 */
final class EntryAnalysis {

    private static final int MAX_IDS = 500;
    private static final int MAX_HOSTS = 1000;
    private static final String[] CHALLENGE_MARKERS = {"<title>just a moment", "_cf_chl_opt", "/cdn-cgi/challenge-platform/",
        "cf-chl-", "challenge-error-text", "cf-please-wait"};
    private static final String[] CLOUDFLARE_BLOCK_MARKERS = {"attention required! | cloudflare",
        "sorry, you have been blocked", "error 1020", "cf-error-code\">1020"};

    private final Redactor redactor;
    private final HarFindings findings;
    private final EvidenceTally tally = new EvidenceTally();
    private final TimelineRecorder timeline = new TimelineRecorder();

    private final Map<Integer, Long> byStatus = new TreeMap<>();
    private final Map<String, Long> netErrors = new TreeMap<>();
    private final Map<String, Long> failingHosts = new HashMap<>();
    private final Set<String> requestIdValues = new LinkedHashSet<>();
    private final List<RequestId> requestIds = new ArrayList<>();
    private final Set<String> conversationUrls = new LinkedHashSet<>();
    private long entries;
    private long productRequests;
    private long failing;
    private long apiCalls;
    private long apiFailing;
    private long streamErrors;
    private Instant first;
    private Instant last;
    private String firstText;
    private String lastText;
    private boolean sawCookieOrAuth;
    private boolean sawHttps;

    EntryAnalysis(Redactor redactor, HarFindings findings) {
        this.redactor = redactor;
        this.findings = findings;
    }

    void page(HarPage page, String rawTitle) {
        ConversationUrls.find(rawTitle, conversationUrls);
    }

    void entry(EntryFacts f) {
        entries++;
        if (Hosts.isProduct(f.url)) {
            productRequests++;
        }
        int status = f.status == null ? 0 : f.status;
        byStatus.merge(status, 1L, Long::sum);
        time(f.startedAt);
        boolean api = isApiCall(f);
        if (api) {
            apiCalls++;
        }
        ConversationUrls.find(f.url, conversationUrls);
        ConversationUrls.find(f.referer, conversationUrls);
        sawCookieOrAuth |= f.cookieOrAuth;
        sawHttps |= f.url != null && f.url.regionMatches(true, 0, "https:", 0, 6);

        String rawNetError = f.netErrorText == null || f.netErrorText.isBlank() ? null : f.netErrorText;
        String netError = rawNetError == null ? null
                : NetErrors.find(rawNetError) != null ? NetErrors.find(rawNetError) : redactor.text(clip(rawNetError));
        ErrorDetail rawError = null;
        if (f.body != null && status >= 400) {
            rawError = ErrorBodies.parse(f.body, f.mime != null ? f.mime : f.contentType);
        }
        ErrorDetail error = redact(rawError);
        boolean challenge = challenge(f);
        String vendor = interceptionVendor(f);

        if (f.failing()) {
            failing++;
            if (api) {
                apiFailing++;
            }
            if (netError != null) {
                netErrors.merge(NetErrors.find(netError) != null ? netError : "other", 1L, Long::sum);
            }
            String host = Hosts.host(f.url);
            if (failingHosts.size() < MAX_HOSTS || failingHosts.containsKey(host)) {
                failingHosts.merge(host, 1L, Long::sum);
            }
            Category category = challenge ? Category.BROWSER
                    : vendor != null ? Category.NETWORK
                    : FailureClassifier.classify(status, netError, error);
            List<RequestId> ids = new ArrayList<>(f.ids);
            RequestIds.fromText(f.body, ids);
            rememberIds(ids);
            Double duration = Double.isNaN(f.time) || f.time < 0 ? null : round(f.time);
            findings.failure(new Failure(f.index, f.startedAt, f.method, sanitizedUrl(f), status,
                    f.statusText == null || f.statusText.isEmpty() ? null : redactor.text(f.statusText),
                    netError, duration, error, category, List.copyOf(ids)));
            TriageRules.failure(tally, f.url, status, netError, error, category, "entry", f.index);
        } else if (f.stream != null && f.stream.firstError() != null) {
            streamErrors++;
            StreamEvent raw = f.stream.firstError();
            StreamEvent event = new StreamEvent(redactor.text(raw.type()), redactor.text(raw.code()),
                    redactor.text(raw.message()), redactor.text(raw.param()), raw.sequenceNumber());
            List<RequestId> ids = new ArrayList<>(f.ids);
            RequestIds.fromText(raw.message(), ids);
            rememberIds(ids);
            findings.streamError(new StreamError(f.index, f.startedAt, sanitizedUrl(f), status, event, List.copyOf(ids)));
            TriageRules.streamError(tally, f.url, event.code(), "entry", f.index);
        }
        timeline.entry(f.startedAt, f.failing() || (f.stream != null && f.stream.firstError() != null));
        signals(f, status, netError, rawError, challenge, vendor);
    }

    private void signals(EntryFacts f, int status, String netError, ErrorDetail rawError, boolean challenge,
                         String vendor) {
        if (netError != null && NetErrors.find(netError) == null) {
            SignalType t = NetErrors.signalFromText(netError);
            if (t != null) {
                signal(f, t, clip(netError));
            }
        } else if (netError != null) {
            SignalType t = NetErrors.signal(netError);
            if (t != null) {
                String detail = NetErrors.find(netError) + ": " + NetErrors.explain(netError);
                if (t == SignalType.BLOCKED_BY_CLIENT && Hosts.role(f.url) == Hosts.Role.TELEMETRY) {
                    detail += " (a telemetry host: harmless on its own)";
                }
                signal(f, t, detail);
            }
        }
        if (challenge) {
            signal(f, SignalType.CLOUDFLARE_CHALLENGE, f.cfMitigated != null ? "cf-mitigated: " + f.cfMitigated
                    : "Cloudflare challenge page (\"Just a moment...\")");
        } else if (isHtml(f) && containsAny(f.body, CLOUDFLARE_BLOCK_MARKERS) || "1020".equals(f.cfErrorType)) {
            signal(f, SignalType.CLOUDFLARE_BLOCK, "Cloudflare firewall block page (error 1020 / \"Sorry, you have been blocked\")");
        }
        if (status >= 520 && status <= 530 && (f.cfRay || f.server != null && f.server.toLowerCase(Locale.ROOT).contains("cloudflare"))) {
            signal(f, SignalType.CLOUDFLARE_ORIGIN_ERROR, "HTTP " + status + " from Cloudflare: the service's origin failed, not the reporter's network");
        }
        if (vendor != null) {
            signal(f, SignalType.TLS_INTERCEPTION, vendor);
        } else if (htmlInsteadOfJson(f, status)) {
            signal(f, SignalType.TLS_INTERCEPTION, "HTML answer without Cloudflare headers where the service answers JSON: something between the browser and the service replied");
        }
        if ("0".equals(trim(f.remainingRequests)) || "0".equals(trim(f.remainingTokens))) {
            String which = "0".equals(trim(f.remainingRequests)) ? "x-ratelimit-remaining-requests: 0" : "x-ratelimit-remaining-tokens: 0";
            String reset = "0".equals(trim(f.remainingRequests)) ? f.resetRequests : f.resetTokens;
            signal(f, SignalType.RATE_LIMIT_EXHAUSTED, which + (reset == null ? "" : ", resets in " + reset)
                    + (f.retryAfter == null ? "" : ", retry-after " + f.retryAfter));
        }
        if (f.stainlessRetryCount != null && !"0".equals(trim(f.stainlessRetryCount))) {
            signal(f, SignalType.SDK_RETRIES, "X-Stainless-Retry-Count: " + trim(f.stainlessRetryCount)
                    + " (the OpenAI SDK already retried this call)");
        }
        SignalType fromBody = FailureClassifier.signalOf(status, rawError, f.url);
        if (fromBody != null) {
            String code = rawError.code() != null ? rawError.code() : rawError.message();
            signal(f, fromBody, "HTTP " + status + (code == null ? "" : " " + clip(code)));
        }
    }

    private void signal(EntryFacts f, SignalType type, String detail) {
        String redacted = redactor.text(detail);
        findings.signal(Signal.atEntry(type, f.index, redacted));
        TriageRules.signal(tally, type, f.url, redacted, "entry", f.index);
    }

    private static boolean challenge(EntryFacts f) {
        if (f.cfMitigated != null && f.cfMitigated.trim().equalsIgnoreCase("challenge")) {
            return true;
        }
        return isHtml(f) && containsAny(f.body, CHALLENGE_MARKERS);
    }

    /** The filtering product a response betrays (headers, block page, certificate issuer), or null. */
    private static String interceptionVendor(EntryFacts f) {
        if (f.squidError != null) {
            return "proxy error header X-Squid-Error: " + clip(f.squidError);
        }
        String via = f.via == null ? "" : f.via.toLowerCase(Locale.ROOT);
        String server = f.server == null ? "" : f.server.toLowerCase(Locale.ROOT);
        String viaVendor = InterceptionProducts.vendorIn(via);
        String proxyVendor = viaVendor != null ? viaVendor : InterceptionProducts.vendorIn(server);
        if (proxyVendor != null) {
            return "response passed through a " + proxyVendor + " proxy (" + (viaVendor != null ? "Via: " + clip(f.via) : "Server: " + clip(f.server)) + ")";
        }
        if (f.issuer != null) {
            String vendor = InterceptionProducts.vendorIn(f.issuer.toLowerCase(Locale.ROOT));
            if (vendor != null) {
                return "certificate issued by " + clip(f.issuer) + " (" + vendor + " TLS inspection)";
            }
        }
        if (isHtml(f) && f.body != null && !f.cfRay) {
            String body = f.body.length() > 65536 ? f.body.substring(0, 65536) : f.body;
            String lower = body.toLowerCase(Locale.ROOT);
            String vendor = InterceptionProducts.vendorIn(lower);
            if (vendor != null) {
                return "block page of " + vendor + " instead of the service's response";
            }
        }
        return null;
    }

    private static boolean htmlInsteadOfJson(EntryFacts f, int status) {
        if (status <= 0 || f.cfRay || !isHtml(f) || !f.looksLikeApiPath()) {
            return false; // the cheap tests first: this runs for every entry
        }
        Hosts.Role role = Hosts.role(f.url);
        return (role == Hosts.Role.APP || role == Hosts.Role.API)
                && (f.server == null || !f.server.toLowerCase(Locale.ROOT).contains("cloudflare"))
                && !containsAny(f.body, CHALLENGE_MARKERS);
    }

    private static boolean isHtml(EntryFacts f) {
        String m = f.mime != null ? f.mime : f.contentType;
        if (m != null && m.toLowerCase(Locale.ROOT).contains("html")) {
            return true;
        }
        return f.body != null && f.body.stripLeading().startsWith("<");
    }

    private static boolean containsAny(String body, String[] markers) {
        if (body == null) {
            return false;
        }
        String lower = (body.length() > 65536 ? body.substring(0, 65536) : body).toLowerCase(Locale.ROOT);
        for (String m : markers) {
            if (lower.contains(m)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isApiCall(EntryFacts f) {
        if (f.resourceType != null) {
            String t = f.resourceType.toLowerCase(Locale.ROOT);
            if (t.equals("xhr") || t.equals("fetch") || t.equals("eventsource") || t.equals("websocket")) {
                return true;
            }
            if (t.equals("document") || t.equals("script") || t.equals("stylesheet") || t.equals("image")
                    || t.equals("font") || t.equals("media")) {
                return false;
            }
        }
        if (Hosts.role(f.url) == Hosts.Role.API || f.looksLikeApiPath() || f.requestJson) {
            return true;
        }
        String m = f.mime != null ? f.mime : f.contentType;
        return m != null && (m.contains("json") || m.contains("event-stream"));
    }

    private String sanitizedUrl(EntryFacts f) {
        if (f.sanitizedUrl == null) {
            f.sanitizedUrl = redactor.url(f.url);
        }
        return f.sanitizedUrl;
    }

    private ErrorDetail redact(ErrorDetail e) {
        if (e == null) {
            return null;
        }
        return new ErrorDetail(redactor.text(e.type()), redactor.text(e.code()), redactor.text(e.message()),
                redactor.text(e.param()));
    }

    private void rememberIds(List<RequestId> ids) {
        for (RequestId id : ids) {
            if (requestIds.size() < MAX_IDS && requestIdValues.add(id.value())) {
                requestIds.add(id);
            }
        }
    }

    private void time(String startedAt) {
        if (startedAt == null) {
            return;
        }
        // one capture writes one format with one offset: then the text compares like the instant it names
        if (firstText != null && sameShape(startedAt, firstText) && sameShape(startedAt, lastText)) {
            if (startedAt.compareTo(firstText) < 0) {
                firstText = startedAt;
                first = null;
            }
            if (startedAt.compareTo(lastText) > 0) {
                lastText = startedAt;
                last = null;
            }
            return;
        }
        if (first == null && firstText != null) {
            first = OffsetDateTime.parse(firstText).toInstant();
        }
        if (last == null && lastText != null) {
            last = OffsetDateTime.parse(lastText).toInstant();
        }
        Instant t;
        try {
            t = OffsetDateTime.parse(startedAt).toInstant();
        } catch (DateTimeParseException e) {
            return;
        }
        if (first == null || t.isBefore(first)) {
            first = t;
            firstText = startedAt;
        }
        if (last == null || t.isAfter(last)) {
            last = t;
            lastText = startedAt;
        }
    }

    /** Same length and the same zone suffix ("Z", "+02:00"), so plain text order is time order. */
    private static boolean sameShape(String a, String b) {
        int n = a.length();
        if (n != b.length() || n < 20) {
            return false;
        }
        if (a.charAt(n - 1) == 'Z') {
            return b.charAt(n - 1) == 'Z';
        }
        return n >= 6 && a.regionMatches(n - 6, b, n - 6, 6) && (a.charAt(n - 6) == '+' || a.charAt(n - 6) == '-');
    }

    /**
     * Adds what the analysis of the same document's later entries saw, whose entry indexes start at
     * {@code offset}: the same aggregates as if one analysis had seen every entry in order.
     */
    void merge(EntryAnalysis later, int offset) {
        entries += later.entries;
        productRequests += later.productRequests;
        failing += later.failing;
        apiCalls += later.apiCalls;
        apiFailing += later.apiFailing;
        streamErrors += later.streamErrors;
        later.byStatus.forEach((k, v) -> byStatus.merge(k, v, Long::sum));
        later.netErrors.forEach((k, v) -> netErrors.merge(k, v, Long::sum));
        later.failingHosts.forEach((host, n) -> {
            if (failingHosts.size() < MAX_HOSTS || failingHosts.containsKey(host)) {
                failingHosts.merge(host, n, Long::sum);
            }
        });
        rememberIds(later.requestIds);
        conversationUrls.addAll(later.conversationUrls);
        time(later.firstText);
        time(later.lastText);
        sawCookieOrAuth |= later.sawCookieOrAuth;
        sawHttps |= later.sawHttps;
        tally.merge(later.tally, offset);
        timeline.merge(later.timeline);
    }

    EvidenceTally tally() {
        return tally;
    }

    Verdict verdict() {
        return TriageRules.decide(tally);
    }

    List<RequestId> requestIds() {
        return List.copyOf(requestIds);
    }

    List<String> conversationUrls() {
        return List.copyOf(conversationUrls);
    }

    long entries() {
        return entries;
    }

    long productRequests() {
        return productRequests;
    }

    /** No cookie or Authorization anywhere in an HTTPS capture: it was sanitized before it reached us. */
    boolean alreadySanitized() {
        return entries > 0 && sawHttps && !sawCookieOrAuth;
    }

    HarStats stats() {
        Map<String, Long> statuses = new LinkedHashMap<>();
        byStatus.forEach((k, v) -> statuses.put(String.valueOf(k), v));
        Map<String, Long> hosts = new LinkedHashMap<>();
        failingHosts.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                .limit(10)
                .forEach(e -> hosts.put(e.getKey(), e.getValue()));
        return new HarStats(statuses, entries, productRequests, failing, percent(failing, entries), apiCalls, apiFailing,
                apiCalls == 0 ? null : percent(apiFailing, apiCalls), streamErrors,
                Collections.unmodifiableMap(new LinkedHashMap<>(netErrors)), // by name: Map.copyOf's order varies by run
                hosts, firstText, lastText, timeline.timeline());
    }

    private static double percent(long part, long whole) {
        return whole == 0 ? 0 : Math.round(part * 1000.0 / whole) / 10.0;
    }

    private static double round(double ms) {
        return Math.round(ms * 1000) / 1000.0;
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }

    private static String clip(String s) {
        return s == null || s.length() <= 300 ? s : s.substring(0, 299) + "…";
    }
}
