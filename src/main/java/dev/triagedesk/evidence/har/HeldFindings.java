package dev.triagedesk.evidence.har;

import dev.triagedesk.evidence.ErrorDetail;
import dev.triagedesk.evidence.Failure;
import dev.triagedesk.evidence.Signal;
import dev.triagedesk.evidence.StreamError;
import dev.triagedesk.evidence.StreamEvent;
import dev.triagedesk.evidence.redact.Redactor;
import java.util.ArrayList;
import java.util.List;

/**
 * The findings of the second half of a split HAR, held in order until the first half is done: they are then
 * passed on with their entry indexes moved past the first half's entries. Bounded: a half with more findings
 * than {@link #MAX} gives up, and the HAR is read in one piece instead.
 */
final class HeldFindings implements HarFindings {

    static final int MAX = 50_000;

    /** Thrown when there are more findings than this may hold. */
    static final class TooMany extends RuntimeException {
        TooMany() {
            super("too many findings to hold", null, false, false);
        }
    }

    private final List<Object> held = new ArrayList<>();

    @Override
    public void failure(Failure failure) {
        hold(failure);
    }

    @Override
    public void streamError(StreamError error) {
        hold(error);
    }

    @Override
    public void signal(Signal signal) {
        hold(signal);
    }

    private void hold(Object finding) {
        if (held.size() >= MAX) {
            throw new TooMany();
        }
        held.add(finding);
    }

    /**
     * Passes every finding on, {@code offset} entries later. With a {@code redactor}, text fields are redacted
     * once more with what it knows: secrets the first half learned, whose echoes the second half could not
     * recognise (the analysis alone has no second pass to catch them).
     */
    void replay(HarFindings to, int offset, Redactor redactor) {
        for (Object f : held) {
            if (f instanceof Failure x) {
                to.failure(new Failure(x.entry() + offset, x.startedAt(), x.method(), url(redactor, x.url()),
                        x.status(), text(redactor, x.statusText()), text(redactor, x.netError()), x.durationMs(),
                        error(redactor, x.error()), x.category(), x.requestIds()));
            } else if (f instanceof StreamError x) {
                StreamEvent e = x.event();
                StreamEvent event = e == null || redactor == null ? e : new StreamEvent(text(redactor, e.type()),
                        text(redactor, e.code()), text(redactor, e.message()), text(redactor, e.param()),
                        e.sequenceNumber());
                to.streamError(new StreamError(x.entry() + offset, x.startedAt(), url(redactor, x.url()), x.status(),
                        event, x.requestIds()));
            } else if (f instanceof Signal x) {
                to.signal(new Signal(x.type(), x.entry() == null ? null : x.entry() + offset, x.line(),
                        text(redactor, x.detail())));
            }
        }
    }

    private static String text(Redactor redactor, String s) {
        return redactor == null || s == null ? s : redactor.text(s);
    }

    private static String url(Redactor redactor, String s) {
        return redactor == null || s == null ? s : redactor.url(s);
    }

    private static ErrorDetail error(Redactor redactor, ErrorDetail e) {
        return e == null || redactor == null ? e : new ErrorDetail(text(redactor, e.type()), text(redactor, e.code()),
                text(redactor, e.message()), text(redactor, e.param()));
    }
}
