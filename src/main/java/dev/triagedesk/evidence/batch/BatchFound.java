package dev.triagedesk.evidence.batch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The sentence saying what a Batch file is and what it holds, for people (the ticket page, the CLI). */
final class BatchFound {

    private static final int CODES_SHOWN = 5;

    private BatchFound() {
    }

    static String sentence(BatchAnalysis a) {
        return switch (a.format()) {
            case BatchAnalysis.INPUT -> input(a);
            case BatchAnalysis.OBJECT, BatchAnalysis.LIST -> objects(a);
            default -> output(a);
        };
    }

    private static String input(BatchAnalysis a) {
        return String.format(Locale.ROOT, "A Batch input file of %,d request%s%s: it holds no results, so attach the"
                + " job's output or error file (or the Batch object) to show what failed", a.requestCount(),
                a.requestCount() == 1 ? "" : "s", a.endpoint() == null ? "" : " to " + a.endpoint()) + broken(a) + ".";
    }

    private static String output(BatchAnalysis a) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "A Batch %s file of %,d result%s: %,d succeeded",
                a.succeeded() == 0 && a.notSucceeded() > 0 ? "error" : "output", a.requestCount(),
                a.requestCount() == 1 ? "" : "s", a.succeeded()));
        if (a.failed() > 0) {
            s.append(String.format(Locale.ROOT, ", %,d failed", a.failed()));
            List<String> statuses = new ArrayList<>();
            a.failedByStatus().forEach((status, n) -> statuses.add(String.format(Locale.ROOT, "%d ×%,d", status, n)));
            s.append(" (").append(String.join(", ", statuses)).append(')');
        }
        part(s, a.expired(), "expired (batch_expired)");
        part(s, a.cancelled(), "cancelled (batch_cancelled)");
        part(s, a.timedOut(), "timed out (request_timeout)");
        part(s, a.otherErrors(), "ended with another error");
        if (!a.byErrorCode().isEmpty()) {
            List<Map.Entry<String, Long>> codes = new ArrayList<>(a.byErrorCode().entrySet());
            codes.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()));
            List<String> shown = new ArrayList<>();
            for (int i = 0; i < codes.size() && i < CODES_SHOWN; i++) {
                shown.add(String.format(Locale.ROOT, "%s ×%,d", codes.get(i).getKey(), codes.get(i).getValue()));
            }
            s.append("; by error code: ").append(String.join(", ", shown));
            if (codes.size() > CODES_SHOWN) {
                s.append(String.format(Locale.ROOT, " and %,d more", codes.size() - CODES_SHOWN));
            }
        }
        s.append(broken(a));
        if (a.truncated()) {
            s.append("; the file breaks off inside its last line, which was not read");
        }
        return s.append('.').toString();
    }

    private static void part(StringBuilder s, long n, String what) {
        if (n > 0) {
            s.append(String.format(Locale.ROOT, ", %,d %s", n, what));
        }
    }

    private static String broken(BatchAnalysis a) {
        if (a.brokenLineCount() == 0) {
            return "";
        }
        String first = a.brokenLines().isEmpty() ? "" : " (first at line " + a.brokenLines().get(0).line() + ")";
        return String.format(Locale.ROOT, "; %,d line%s could not be read%s", a.brokenLineCount(),
                a.brokenLineCount() == 1 ? "" : "s", first);
    }

    private static String objects(BatchAnalysis a) {
        List<BatchJob> jobs = a.batches();
        if (jobs.size() == 1 && a.format().equals(BatchAnalysis.OBJECT)) {
            return "A Batch object: " + job(jobs.get(0)) + ".";
        }
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "A list of %,d Batch object%s", jobs.size(),
                jobs.size() == 1 ? "" : "s"));
        for (int i = 0; i < jobs.size() && i < 5; i++) {
            s.append(i == 0 ? ": " : "; ").append(job(jobs.get(i)));
        }
        if (jobs.size() > 5) {
            s.append(String.format(Locale.ROOT, "; and %,d more", jobs.size() - 5));
        }
        return s.append('.').toString();
    }

    private static String job(BatchJob j) {
        StringBuilder s = new StringBuilder(j.id() == null ? "a job" : j.id());
        s.append(" is ").append(j.status() == null ? "of unknown status" : j.status());
        if (j.endpoint() != null) {
            s.append(" (").append(j.endpoint()).append(')');
        }
        BatchJob.Counts c = j.requestCounts();
        if (c != null) {
            s.append(String.format(Locale.ROOT, ", %,d of %,d requests completed, %,d failed", c.completed(),
                    c.total(), c.failed()));
        }
        if (j.validationErrorCount() > 0) {
            s.append(String.format(Locale.ROOT, ", %,d validation error%s", j.validationErrorCount(),
                    j.validationErrorCount() == 1 ? "" : "s"));
            BatchJob.ValidationError first = j.validationErrors().isEmpty() ? null : j.validationErrors().get(0);
            if (first != null) {
                s.append(" (").append(first.code() == null ? "error" : first.code());
                if (first.line() != null) {
                    s.append(" at input line ").append(first.line());
                }
                s.append(')');
            }
        }
        return s.toString();
    }
}
