package dev.triagedesk.evidence.console;

import dev.triagedesk.evidence.Category;
import dev.triagedesk.evidence.ErrorDetail;
import dev.triagedesk.evidence.RequestId;
import dev.triagedesk.evidence.Signal;
import dev.triagedesk.evidence.SignalType;
import dev.triagedesk.evidence.redact.Redactor;
import dev.triagedesk.evidence.triage.AsciiWords;
import dev.triagedesk.evidence.triage.ConversationUrls;
import dev.triagedesk.evidence.triage.FailureClassifier;
import dev.triagedesk.evidence.triage.Hosts;
import dev.triagedesk.evidence.triage.NetErrors;
import dev.triagedesk.evidence.triage.RequestIds;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.io.IOUtils;

/**
 * Reads a browser console log line by line and reports its error-level findings, request IDs, conversation
 * links and triage signals. The format is detected from the first 64 KB; after that the log is streamed, one
 * message in memory at a time, so memory stays bounded for any size: at most {@value #DEFAULT_MAX_ERRORS}
 * findings are kept (the rest are counted), lines are read up to 64 KB (the rest of a longer line is skipped),
 * signals are kept once per type and detail.
 *
 * <p>Which messages are findings: those the log marks as errors (a {@code [ERROR]} or {@code error:} prefix,
 * DevTools' "Understand this error", a Playwright page error), warnings only when they are network, CORS or CSP
 * failures, and, where the format prints no level (Chrome copies, Firefox exports, plain text), messages whose
 * text is a browser failure template or an uncaught exception, plus Chrome messages that come with a stack and
 * read as errors. Log, info and debug messages never are, whatever they say.
 *
 * <p>Every text in the result went through the {@link Redactor} given to the constructor. Not thread-safe: one
 * analyzer per document, like the redactor.
 */
public final class ConsoleAnalyzer {

    public static final int DEFAULT_MAX_ERRORS = 5000;
    /** How much text format detection looks at. */
    public static final int HEAD_CHARS = 64 * 1024;

    static final int MAX_LINE = 64 * 1024;
    static final int MAX_SIGNALS = 500;
    static final int MAX_MESSAGE = 500;
    static final int MAX_URL = 2048;
    static final int MAX_REQUEST_IDS = 64;

    /** Chrome rows without level that read as errors once a stack follows them. */
    private static final Pattern ERROR_WORD = Pattern.compile("(?i)\\b(?:errors?|fail(?:ed|ure|s)?|exception"
            + "|unable|cannot|can't|could not|denied|refused|invalid|unauthori[sz]ed|forbidden|not found|timed? ?out)\\b");
    /** Errors raised by browser extensions (or their well-known side effects) are browser state. */
    private static final Pattern EXTENSION = Pattern.compile("(?:chrome|moz|safari-web|ms-browser)-extension://"
            + "|message channel closed before a response was received|Extension context invalidated");
    /** A 401 on a token-refresh endpoint: the session cannot be renewed. */
    private static final Pattern REFRESH_PATH = Pattern.compile(
            "(?i)/(?:auth|token|oauth|session)s?/(?:[\\w-]+/)?refresh|refresh[_-]?token");
    /** {@code x-request-id: …}, {@code cf-ray=…}: named after the header. */
    private static final Pattern HEADER_ID = Pattern.compile("(?i)\\b(x-request-id|x-oai-request-id|openai-request-id"
            + "|x-client-request-id|request-id|cf-ray|x-amzn-requestid|x-amz-cf-id|x-correlation-id|x-trace-id)"
            + "[\"']?\\s*[:=]\\s*[\"']?([A-Za-z0-9][A-Za-z0-9_.:-]{7,99})");
    /** Cloudflare challenge URLs carry the ray: {@code …/challenge-platform/…/v1?ray=95d21e585e0a2b85&lang=auto}. */
    private static final Pattern RAY_PARAM = Pattern.compile("[?&]ray=([0-9a-f]{16})\\b");

    private final Redactor redactor;
    private final int maxErrors;

    public ConsoleAnalyzer(Redactor redactor) {
        this(redactor, DEFAULT_MAX_ERRORS);
    }

    ConsoleAnalyzer(Redactor redactor, int maxErrors) {
        this.redactor = redactor;
        this.maxErrors = maxErrors;
    }

    /** Whether the text (the first ~64 KB of a file) reads like any supported console format. */
    public static boolean looksLikeConsole(String head) {
        return FormatDetector.looksLikeConsole(head);
    }

    /** The {@link ConsoleFormat} id of the text (the first ~64 KB of a file): {@code chrome}, {@code firefox}… */
    public static String detectFormat(String head) {
        return FormatDetector.detect(head).id();
    }

    /** Reads the whole log; the reader is not closed. */
    public ConsoleAnalysis analyze(Reader reader) {
        try {
            char[] head = new char[HEAD_CHARS];
            int n = IOUtils.read(reader, head);
            ConsoleFormat format = FormatDetector.detect(new String(head, 0, n));
            Reading reading = new Reading(format);
            LineReader lines = new LineReader(reader, head, n, MAX_LINE);
            for (LineReader.Line l = lines.nextSkippingRest(); l != null; l = lines.nextSkippingRest()) {
                reading.line(l.text());
            }
            return reading.finish();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the console log: " + e.getMessage(), e);
        }
    }

    /**
     * A reader of the lines another reader passes on, numbered as in the file: the lines of an API client's log that
     * are not the client's own (an application's or a browser's lines in the same file), read as a log in a layout of
     * its own ({@code generic}), since the client's lines around them are no browser's.
     */
    public LineFeed feed() {
        return new LineFeed(new Reading(ConsoleFormat.GENERIC));
    }

    /** Lines fed one at a time with their number in the file; see {@link #feed()}. Not thread-safe. */
    public static final class LineFeed {

        private final Reading reading;

        private LineFeed(Reading reading) {
            this.reading = reading;
        }

        /** Reads line {@code number} of the file (numbers rise; the lines between belong to another reader). */
        public void line(int number, String text) {
            reading.lineNo = number - 1;
            reading.line(text);
        }

        /** What the lines fed held, in a file of {@code lineCount} lines. */
        public ConsoleAnalysis finish(int lineCount) {
            return reading.finish(lineCount);
        }
    }

    /** The state of one analysis: the open message and what has been found so far. */
    private final class Reading {

        private final ConsoleFormat format;
        private final List<ConsoleError> errors = new ArrayList<>();
        private final List<Signal> signals = new ArrayList<>();
        private final Set<String> signalKeys = new HashSet<>();
        private final List<RequestId> requestIds = new ArrayList<>();
        private final Set<String> requestIdValues = new HashSet<>();
        private final Set<String> conversationUrls = new LinkedHashSet<>();
        private final ConsoleFindings found = new ConsoleFindings();
        private long omitted;
        private int lineNo;
        private MessageBlock block;

        Reading(ConsoleFormat format) {
            this.format = format;
        }

        void line(String raw) {
            if (lineNo < Integer.MAX_VALUE) {
                lineNo++;
            }
            if (lineNo == 1 && !raw.isEmpty() && raw.charAt(0) == '\uFEFF') {
                raw = raw.substring(1);
            }
            identifiers(raw);
            ConsoleLine cl = LineParser.parse(raw, format);
            found.line(cl);
            switch (cl.kind()) {
                case BLANK, MARKER -> { }
                case HEADER -> flush();
                case START, NET_REQUEST -> open(cl, false);
                case NET_STATUS -> {
                    if (block != null && block.isNetworkRow() && block.status == null) {
                        block.status = cl.status();
                        block.append(cl.text());
                    }
                }
                case FRAME -> {
                    if (block != null) {
                        block.frames = true;
                        block.closed |= cl.closed();
                    }
                }
                case TEXT -> text(cl);
            }
            if (cl.marker() != null && block != null) {
                block.marker = cl.marker(); // DevTools' "Understand this error" ends the row it belongs to
            }
        }

        private void open(ConsoleLine first, boolean pageError) {
            flush();
            block = new MessageBlock(lineNo, first, pageError);
        }

        /** A line with no prefix of its own: a continuation or a message without prefix, depending on the format. */
        private void text(ConsoleLine cl) {
            switch (format) {
                case PLAYWRIGHT -> {
                    String before = LineParser.beforePlaywrightSuffix(cl.text());
                    if (block != null && !block.closed && !block.pageError) {
                        block.append(before != null ? before : cl.text());
                        block.closed = before != null;
                    } else if (block != null && block.pageError && cl.indented()) {
                        block.append(cl.text());
                    } else if (!cl.indented()) {
                        open(cl, true); // uncaught page errors are listed without level or location
                    }
                }
                case CHROME -> {
                    // a multi-line message's first line says what it is; a line after a stack starts a new one
                    if (block == null || block.frames) {
                        open(cl, false);
                    }
                }
                case GENERIC -> {
                    // only indented lines, stack frames and a JSON body's closing brace come here: they continue
                    if (block == null) {
                        open(cl, false);
                    } else {
                        block.append(cl.text());
                    }
                }
                case SAFARI, PUPPETEER, CAPTURED, FIREFOX -> {
                    if (block == null) {
                        open(cl, false);
                    } else if (format != ConsoleFormat.FIREFOX) {
                        block.append(cl.text()); // Firefox indents stacks; the others wrap long messages
                    }
                }
                default -> open(cl, false);
            }
        }

        private void flush() {
            MessageBlock b = block;
            block = null;
            if (b == null) {
                return;
            }
            String text = b.text();
            if (format == ConsoleFormat.GENERIC && !b.isNetworkRow() && !"error".equals(b.level)
                    && !MessageFacts.mayStateFailure(text)) {
                return; // below error, only a failure the text states is reported, and this text states none
            }
            MessageFacts facts = b.isNetworkRow() ? MessageFacts.networkRow(b.status, b.url)
                    : format == ConsoleFormat.GENERIC ? MessageFacts.readGeneric(text) : MessageFacts.read(text, b.anchor);
            if (facts.kind() == MessageFacts.Kind.IGNORED) {
                return;
            }
            String level = level(b, facts, text);
            if (!"error".equals(level) && !("warning".equals(level) && facts.networkish())) {
                return;
            }
            String url = facts.url() == null ? null : clip(redactor.url(facts.url()), MAX_URL);
            String message = clip(redactor.text(text), MAX_MESSAGE);
            signals(b.line, facts, url, message, text);
            if (errors.size() >= maxErrors) {
                omitted++;
                return;
            }
            found.finding(facts, url);
            errors.add(new ConsoleError(b.line, b.time, level, message, url, facts.status(), facts.netError(),
                    category(facts, text, b.anchor)));
        }

        private String level(MessageBlock b, MessageFacts f, String text) {
            if (format == ConsoleFormat.GENERIC) {
                return genericLevel(b.level, f);
            }
            if (b.level != null) {
                return b.level;
            }
            if (b.marker != null) {
                return b.marker;
            }
            if (b.isNetworkRow()) {
                return f.networkish() ? "error" : null;
            }
            if (f.errorByText()) {
                return "error";
            }
            if (format == ConsoleFormat.CHROME && b.frames && (b.gap >= 2 || ERROR_WORD.matcher(text).find())) {
                return "error"; // console.error/console.warn rows carry a stack; copies print no level
            }
            return null;
        }

        /**
         * A log in an unknown layout declares levels of its own making: an error is one, and so is a line whose text
         * states a failure (a failed request, a net error, an error body) whatever level it was logged at; a
         * request failure logged below warning is reported as a warning.
         */
        private static String genericLevel(String declared, MessageFacts f) {
            if ("error".equals(declared)) {
                return "error";
            }
            if (!f.statesFailure()) {
                return null;
            }
            return declared == null ? "error" : "warning";
        }

        private Category category(MessageFacts f, String text, String anchor) {
            switch (f.kind()) {
                case CORS:
                    // the page never read the response: a blocker, a network failure, or an error page from a
                    // proxy or Cloudflare without CORS headers (error-facts.md 6.4)
                    return Category.NETWORK;
                case CSP:
                case MIXED_CONTENT:
                    return Category.BROWSER;
                default:
                    break;
            }
            ErrorDetail detail = new ErrorDetail(null, f.code(), text, null);
            if (f.status() != null) {
                return FailureClassifier.classify(f.status(), f.netError(), detail);
            }
            if (f.netError() != null) {
                return FailureClassifier.classify(0, f.netError(), detail);
            }
            SignalType said = FailureClassifier.signalOf(0, detail, f.url());
            if (said != null) {
                // no status, but the text is one of the service's own error messages
                return switch (said) {
                    case QUOTA_EXHAUSTED -> Category.SLOW_OR_CHECK_QUOTA;
                    case SESSION_EXPIRED, REGION_UNSUPPORTED -> Category.FIX_ACCESS;
                    default -> Category.NETWORK; // unusual activity: VPN or IP reputation
                };
            }
            if (f.phraseSignal() != null || f.kind() == MessageFacts.Kind.WEBSOCKET
                    || f.kind() == MessageFacts.Kind.FETCH_FAILED) {
                return Category.NETWORK;
            }
            if (EXTENSION.matcher(text).find() || anchor != null && EXTENSION.matcher(anchor).find()) {
                return Category.BROWSER;
            }
            return Category.UNKNOWN;
        }

        private void signals(int line, MessageFacts f, String url, String message, String text) {
            String on = url == null ? "" : " " + url;
            Set<SignalType> seen = new HashSet<>();
            if (f.netError() != null) {
                SignalType t = NetErrors.signal(f.netError());
                if (t != null) {
                    signal(t, line, f.netError() + on, seen);
                }
            }
            if (f.phraseSignal() != null) {
                signal(f.phraseSignal(), line, f.phrase() + on, seen);
            }
            switch (f.kind()) {
                case CORS -> signal(SignalType.CORS_BLOCKED, line,
                        "CORS" + (f.status() == null ? "" : " status " + f.status()) + on, seen);
                case CSP -> signal(SignalType.BLOCKED_BY_POLICY, line,
                        "CSP" + (f.directive() == null ? "" : " " + f.directive()) + on, seen);
                case MIXED_CONTENT -> signal(SignalType.MIXED_CONTENT, line, "mixed content" + on, seen);
                default -> { }
            }
            int status = f.status() == null ? 0 : f.status();
            String http = status > 0 ? "HTTP " + status + " " : "";
            SignalType fromBody = FailureClassifier.signalOf(status, new ErrorDetail(null, f.code(), text, null),
                    f.url());
            if (fromBody != null) {
                signal(fromBody, line, http + (f.code() != null ? f.code() : clip(message, 120)) + on, seen);
            } else if (status == 401 && f.url() != null && REFRESH_PATH.matcher(Hosts.path(f.url())).find()) {
                signal(SignalType.SESSION_EXPIRED, line, "HTTP 401 on token refresh" + on, seen);
            }
        }

        private void signal(SignalType type, int line, String detail, Set<SignalType> seen) {
            if (!seen.add(type) || signals.size() >= MAX_SIGNALS) {
                return;
            }
            String d = clip(detail, 200);
            if (signalKeys.add(type.id() + '\u0000' + d)) {
                signals.add(Signal.atLine(type, line, d));
            }
        }

        /** IDs and conversation links can sit on any line, logged at any level. */
        private void identifiers(String raw) {
            if (conversationUrls.size() < 200) {
                ConversationUrls.find(raw, conversationUrls);
            }
            if (requestIds.size() >= MAX_REQUEST_IDS || !mayHoldId(raw)) {
                return;
            }
            Matcher m = HEADER_ID.matcher(raw);
            while (m.find()) {
                requestId(m.group(1).toLowerCase(Locale.ROOT), m.group(2));
            }
            m = RAY_PARAM.matcher(raw);
            while (m.find()) {
                requestId("cf-ray", m.group(1));
            }
            List<RequestId> found = new ArrayList<>();
            RequestIds.fromText(raw, found);
            for (RequestId r : found) {
                requestId(r.name(), r.value());
            }
        }

        /**
         * A cheap look for the words every ID pattern needs ("request", "req_", "ray", "trace", "correlation",
         * "amz", or a parenthesised 16-hex ray): most lines have none, and the patterns are the hot path.
         */
        private static boolean mayHoldId(String s) {
            int n = s.length();
            for (int i = 0; i < n; i++) {
                switch (s.charAt(i)) {
                    case 'r', 'R' -> {
                        if (AsciiWords.at(s, i, "req") || AsciiWords.at(s, i, "ray")) {
                            return true;
                        }
                    }
                    case 't', 'T' -> {
                        if (AsciiWords.at(s, i, "trace")) {
                            return true;
                        }
                    }
                    case 'c', 'C' -> {
                        if (AsciiWords.at(s, i, "correlation")) {
                            return true;
                        }
                    }
                    case 'a', 'A' -> {
                        if (AsciiWords.at(s, i, "amz")) {
                            return true;
                        }
                    }
                    case '(' -> {
                        if (hexRun(s, i + 1) >= 16) {
                            return true;
                        }
                    }
                    default -> { }
                }
            }
            return false;
        }

        private static int hexRun(String s, int from) {
            int j = from;
            while (j < s.length() && Character.digit(s.charAt(j), 16) >= 0) {
                j++;
            }
            return j - from;
        }

        private void requestId(String name, String value) {
            if (requestIds.size() < MAX_REQUEST_IDS && requestIdValues.add(value)) {
                requestIds.add(new RequestId(name, redactor.text(value)));
            }
        }

        ConsoleAnalysis finish() {
            return finish(lineNo);
        }

        ConsoleAnalysis finish(int lineCount) {
            flush();
            lineNo = lineCount;
            return new ConsoleAnalysis(ConsoleAnalysis.KIND, format.id(), lineNo, List.copyOf(errors), omitted,
                    List.copyOf(requestIds), List.copyOf(conversationUrls), List.copyOf(signals),
                    lineNo == 0 ? null : found.describe(format, errors.size() + omitted, requestIds.size()));
        }
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
