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
            if (endpoint == null && r.url != null) {
                endpoint = redactor.url(r.url);
            }
            return;
        }
        requests++;
        String outcome;
        ErrorDetail error;
        int status;
        if (r.hasResponse && r.status >= 200 && r.status < 300) {
            succeeded++;
            return;
        }
        if (r.hasResponse) {
            status = Math.max(r.status, 0);
            error = r.bodyError != null ? r.bodyError : r.lineError;
            outcome = BatchFailure.FAILED;
            failed++;
            byStatus.merge(status, 1L, Long::sum);
        } else {
            status = 0;
            error = r.lineError;
            String code = lower(error == null ? null : error.code());
            switch (code == null ? "" : code) {
                case "batch_expired" -> {
                    outcome = BatchFailure.EXPIRED;
                    if (expired++ == 0) {
                        firstExpiredLine = line;
                    }
                }
                case "batch_cancelled", "batch_canceled" -> {
                    outcome = BatchFailure.CANCELLED;
                    cancelled++;
                }
                case "request_timeout" -> {
                    outcome = BatchFailure.TIMED_OUT;
                    timedOut++;
                }
                default -> {
                    outcome = BatchFailure.ERROR;
                    otherErrors++;
                }
            }
        }
        // only what is kept is redacted (the counts need none): a large file's findings stop at the cap
        countCode(error);
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
            String code = error.code() != null ? error.code() : error.type();
            String key = signal.id() + "|" + code;
            if (!signals.containsKey(key)) {
                ErrorDetail e = shown != null ? shown : redacted(error);
                String shownCode = e.code() != null ? e.code() : e.type();
                String detail = (status > 0 ? status + " " : "") + (shownCode == null ? "" : shownCode + ": ")
                        + clip(e.message() == null ? "" : e.message(), 200);
                signals.put(key, Signal.atLine(signal, lineNumber(line), detail.strip()));
            }
        }
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
        if (byCode.containsKey(key) || byCode.size() < MAX_CODES) {
            byCode.merge(key, 1L, Long::sum);
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
