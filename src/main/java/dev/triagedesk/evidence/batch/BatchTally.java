package dev.triagedesk.evidence.batch;

import dev.triagedesk.evidence.Category;
import dev.triagedesk.evidence.ErrorDetail;
import dev.triagedesk.evidence.RequestId;
import dev.triagedesk.evidence.Signal;
import dev.triagedesk.evidence.SignalType;
import dev.triagedesk.evidence.redact.Redactor;
import dev.triagedesk.evidence.triage.FailureClassifier;
import dev.triagedesk.evidence.triage.RequestIds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Counts the results of a Batch file as they are read and keeps the failing ones up to a cap; what is kept is
 * redacted on the way in. Memory does not grow with the file: lists stop at the cap, the code table at
 * {@value #MAX_CODES} distinct codes.
 */
final class BatchTally {

    static final String RULE = "batch-line";
    private static final int MAX_CODES = 100;
    private static final int MAX_MESSAGE = 1000;
    static final String NO_CODE = "(none)";
    static final String OTHER_CODES = "(other codes)";

    private final Redactor redactor;
    private final int cap;

    long lines;
    long requests;
    long inputRequests;
    long succeeded;
    long failed;
    long expired;
    long cancelled;
    long timedOut;
    long otherErrors;
    long firstExpiredLine;
    final Map<Integer, Long> byStatus = new TreeMap<>();
    final Map<String, Long> byCode = new LinkedHashMap<>();
    final List<String> failedCustomIds = new ArrayList<>();
    long failedCustomIdsOmitted;
    final List<BatchFailure> failures = new ArrayList<>();
    long failuresOmitted;
    final List<BrokenLine> broken = new ArrayList<>();
    long brokenCount;
    boolean truncated;
    String endpoint;
    final List<RequestId> requestIds = new ArrayList<>();
    private final Set<String> seenIds = new LinkedHashSet<>();
    final Map<String, Signal> signals = new LinkedHashMap<>();

    BatchTally(Redactor redactor, int cap) {
        this.redactor = redactor;
        this.cap = cap;
    }

    void broken(long line, String reason) {
        brokenCount++;
        if (broken.size() < cap) {
            broken.add(new BrokenLine(line, reason));
        }
    }

    void add(long line, ResultLine r) {
        if (r.isRequest()) {
            inputRequests++;
            if (held != null) {
                if (!heldEndpoint && r.url != null) {
                    heldEndpoint = true;
                    hold(line, r);
                }
            } else if (endpoint == null && r.url != null) {
                endpoint = redactor.url(r.url);
            }
            return;
        }
        requests++;
        if (r.hasResponse && r.status >= 200 && r.status < 300) {
            succeeded++;
            return;
        }
        Outcome o = outcome(r);
        switch (o.outcome) {
            case BatchFailure.FAILED -> {
                failed++;
                byStatus.merge(o.status, 1L, Long::sum);
            }
            case BatchFailure.EXPIRED -> {
                if (expired++ == 0) {
                    firstExpiredLine = line;
                }
            }
            case BatchFailure.CANCELLED -> cancelled++;
            case BatchFailure.TIMED_OUT -> timedOut++;
            default -> otherErrors++;
        }
        countCode(o.error);
        if (held != null) {
            holdIfItCanMatter(line, r, o);
        } else {
            keep(line, r, o);
        }
    }

    /** What a result that did not succeed came to: outcome, status (0 without a response) and error. */
    private record Outcome(String outcome, int status, ErrorDetail error) {
    }

    private static Outcome outcome(ResultLine r) {
        if (r.hasResponse) {
            return new Outcome(BatchFailure.FAILED, Math.max(r.status, 0), r.bodyError != null ? r.bodyError
                    : r.lineError);
        }
        ErrorDetail error = r.lineError;
        String code = lower(error == null ? null : error.code());
        String outcome = switch (code == null ? "" : code) {
            case "batch_expired" -> BatchFailure.EXPIRED;
            case "batch_cancelled", "batch_canceled" -> BatchFailure.CANCELLED;
            case "request_timeout" -> BatchFailure.TIMED_OUT;
            default -> BatchFailure.ERROR;
        };
        return new Outcome(outcome, 0, error);
    }

    /** The findings of a result that did not succeed, and their redaction; the counts are already taken. */
    private void keep(long line, ResultLine r, Outcome o) {
        String outcome = o.outcome;
        int status = o.status;
        ErrorDetail error = o.error;
        // only what is kept is redacted (the counts need none): a large file's findings stop at the cap
        boolean keepFailure = failures.size() < cap;
        boolean keepCustomId = failedCustomIds.size() < cap;
        // the error first: a secret its message shows is then known, and goes wherever else it stands
        ErrorDetail shown = keepFailure ? redacted(error) : null;
        String customId = keepFailure || keepCustomId ? redactor.text(r.customId, RULE) : null;
        if (keepCustomId) {
            failedCustomIds.add(customId == null ? "(no custom_id)" : customId);
        } else {
            failedCustomIdsOmitted++;
        }
        String requestId = null;
        if (keepFailure || requestIds.size() < cap) {
            requestId = redactor.text(r.requestId, RULE);
            if (requestId != null && !requestId.isBlank()) {
                addRequestId(new RequestId("x-request-id", requestId));
            }
        }
        if (shown != null && shown.message() != null && requestIds.size() < cap) {
            List<RequestId> quoted = new ArrayList<>();
            RequestIds.fromText(shown.message(), quoted);
            quoted.forEach(this::addRequestId);
        }
        Category category = category(outcome, status, error);
        if (keepFailure) {
            String url = r.url == null ? null : redactor.url(r.url);
            failures.add(new BatchFailure(line, redactor.text(r.id, RULE), customId, outcome, status, shown,
                    requestId, category, redactor.text(r.method, RULE), url));
        } else {
            failuresOmitted++;
        }
        SignalType signal = FailureClassifier.signalOf(status, error, r.url);
        if (signal != null && signals.size() < cap) {
            String key = signalKey(signal, error);
            if (!signals.containsKey(key)) {
                ErrorDetail e = shown != null ? shown : redacted(error);
                String shownCode = e.code() != null ? e.code() : e.type();
                String detail = (status > 0 ? status + " " : "") + (shownCode == null ? "" : shownCode + ": ")
                        + clip(e.message() == null ? "" : e.message(), 200);
                signals.put(key, Signal.atLine(signal, lineNumber(line), detail.strip()));
            }
        }
    }

    private static String signalKey(SignalType signal, ErrorDetail error) {
        return signal.id() + "|" + (error.code() != null ? error.code() : error.type());
    }

    // ---------------------------------------------------------------- the second half of a split read

    /**
     * A tally for the second half of a file read by two threads: it counts as usual but calls no redactor, and
     * holds, unredacted, the results whose findings could still be kept once the first half's are known, so that
     * {@link #merge} can redact and keep them in file order, as a read by one thread would.
     */
    static BatchTally secondHalf(int cap) {
        BatchTally t = new BatchTally(null, cap);
        t.held = new ArrayList<>();
        return t;
    }

    /** Text held unredacted by a second half before it gives up holding (then the read is done by one thread). */
    private static final long MAX_HELD_CHARS = 16L << 20;

    /** A result held by a second half, with its line number in that half. */
    private record Held(long line, ResultLine result) {
    }

    private List<Held> held;
    private boolean heldEndpoint;
    private long heldFailures;
    private long heldChars;
    private final Set<String> heldRequestIds = new java.util.HashSet<>();
    private final Set<String> heldSignalKeys = new java.util.HashSet<>();
    /** A result with a request ID that was not held: fine only if the first half fills the request IDs' cap. */
    private boolean requestIdNotHeld;
    /** The second half cannot vouch for its part: a code table too large, or too much text held. */
    private boolean cannotMerge;

    /**
     * Holds a result when a one-thread read could keep something of it: while the failures' cap is not reached in
     * this half, a request ID new in it while fewer than the cap are held, a signal new in it. A one-thread read keeps
     * nothing of the others: the first half only fills the lists further.
     */
    private void holdIfItCanMatter(long line, ResultLine r, Outcome o) {
        boolean hold = heldFailures++ < cap;
        if (r.requestId != null && !r.requestId.isBlank()) {
            if (heldRequestIds.size() < cap && heldRequestIds.add(r.requestId)) {
                hold = true;
            } else if (!hold) {
                // a repeat can still be kept (its redacted form may differ once a secret is learned)
                requestIdNotHeld = true;
            }
        }
        SignalType signal = FailureClassifier.signalOf(o.status, o.error, r.url);
        if (signal != null && heldSignalKeys.size() < cap && heldSignalKeys.add(signalKey(signal, o.error))) {
            hold = true;
        }
        if (hold) {
            hold(line, r);
        }
    }

    private void hold(long line, ResultLine r) {
        heldChars += length(r.id) + length(r.customId) + length(r.requestId) + length(r.method) + length(r.url)
                + length(r.bodyError) + length(r.lineError);
        if (heldChars > MAX_HELD_CHARS) {
            cannotMerge = true;
        } else {
            held.add(new Held(line, r));
        }
    }

    private static long length(String s) {
        return s == null ? 0 : s.length();
    }

    private static long length(ErrorDetail e) {
        return e == null ? 0 : length(e.type()) + length(e.code()) + length(e.message()) + length(e.param());
    }

    /**
     * Adds the second half's tally (read from line {@code lineOffset + 1} on) to this one, the first half's, as if
     * one read had gone on: counts added, code table and broken lines in file order, and the held results kept and
     * redacted now, after everything the first half redacted. False when the second half cannot vouch for the
     * result: the caller then reads the file with one thread.
     */
    boolean merge(BatchTally second, long lineOffset) {
        if (second.cannotMerge) {
            return false;
        }
        if (expired == 0 && second.expired > 0) {
            firstExpiredLine = second.firstExpiredLine + lineOffset;
        }
        lines = lineOffset + second.lines;
        requests += second.requests;
        inputRequests += second.inputRequests;
        succeeded += second.succeeded;
        failed += second.failed;
        expired += second.expired;
        cancelled += second.cancelled;
        timedOut += second.timedOut;
        otherErrors += second.otherErrors;
        second.byStatus.forEach((status, n) -> byStatus.merge(status, n, Long::sum));
        // in the order the second half met them: a code new to this table is taken while there is room
        second.byCode.forEach((code, n) -> byCode.merge(code.equals(OTHER_CODES) || byCode.containsKey(code)
                || byCode.size() < MAX_CODES ? code : OTHER_CODES, n, Long::sum));
        for (BrokenLine b : second.broken) {
            if (broken.size() < cap) {
                broken.add(new BrokenLine(b.line() + lineOffset, b.reason()));
            }
        }
        brokenCount += second.brokenCount;
        truncated |= second.truncated;
        for (Held h : second.held) {
            ResultLine r = h.result();
            if (r.isRequest()) {
                if (endpoint == null) {
                    endpoint = redactor.url(r.url);
                }
            } else {
                keep(h.line() + lineOffset, r, outcome(r));
            }
        }
        long notSucceeded = failed + expired + cancelled + timedOut + otherErrors;
        failuresOmitted = notSucceeded - failures.size();
        failedCustomIdsOmitted = notSucceeded - failedCustomIds.size();
        return !(second.requestIdNotHeld && requestIds.size() < cap);
    }

    private void addRequestId(RequestId id) {
        if (requestIds.size() < cap && seenIds.add(id.value())) {
            requestIds.add(id);
        }
    }

    /** The code table as shown: each distinct code redacted once (two that redact alike are added up). */
    Map<String, Long> shownCodes() {
        Map<String, Long> shown = new LinkedHashMap<>();
        byCode.forEach((code, n) -> shown.merge(code.equals(NO_CODE) || code.equals(OTHER_CODES) ? code
                : clip(redactor.text(code, RULE), 100), n, Long::sum));
        return shown;
    }

    private void countCode(ErrorDetail error) {
        String code = error == null ? null : error.code() != null ? error.code() : error.type();
        String key = code == null || code.isBlank() ? NO_CODE : clip(code, 100);
        if (byCode.containsKey(key) || byCode.size() < (held == null ? MAX_CODES : 2 * MAX_CODES)) {
            byCode.merge(key, 1L, Long::sum);
        } else if (held != null) {
            // a second half cannot tell which of its codes the first half's table takes: one thread reads it
            cannotMerge = true;
        } else {
            byCode.merge(OTHER_CODES, 1L, Long::sum);
        }
    }

    private ErrorDetail redacted(ErrorDetail e) {
        if (e == null) {
            return null;
        }
        return new ErrorDetail(clip(redactor.text(e.type(), RULE), 200), clip(redactor.text(e.code(), RULE), 200),
                clip(redactor.text(e.message(), RULE), MAX_MESSAGE), clip(redactor.text(e.param(), RULE), 200));
    }

    /**
     * The playbook's category. A result without a response was not answered at all: expired and timed-out
     * requests are the service's to finish (send them again in a new job), a cancelled one was stopped on purpose.
     */
    static Category category(String outcome, int status, ErrorDetail error) {
        return switch (outcome) {
            case BatchFailure.EXPIRED, BatchFailure.TIMED_OUT -> Category.RETRY_LATER;
            case BatchFailure.CANCELLED -> Category.UNKNOWN;
            case BatchFailure.ERROR -> {
                Category c = FailureClassifier.classify(400, null, error);
                yield c == Category.FIX_REQUEST && (error == null || error.code() == null) ? Category.UNKNOWN : c;
            }
            default -> FailureClassifier.classify(status, null, error);
        };
    }

    void expiredSignal() {
        if (expired > 0) {
            signals.put("expired", Signal.atLine(SignalType.BATCH_EXPIRED, lineNumber(firstExpiredLine),
                    String.format(Locale.ROOT, "%,d of %,d requests expired (batch_expired) before the completion"
                            + " window ended", expired, requests)));
        }
    }

    static int lineNumber(long line) {
        return (int) Math.min(Integer.MAX_VALUE, line);
    }

    static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
