package dev.triagedesk.evidence.api;

import dev.triagedesk.evidence.input.Uninterruptibly;
import dev.triagedesk.evidence.redact.LeftoverScan;
import dev.triagedesk.evidence.redact.Redactor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The second thread of a split SDK-log sanitize: it redacts the lines from the cut on into a held copy, which the
 * first thread writes after its own lines.
 *
 * <p>When the copy goes through a leftover scan, this thread scans its part itself, but not from its first byte:
 * its first lines (the lead, at least {@value Lead#MIN} bytes) are held apart and scanned by the first thread, after
 * its own lines, up to a line end where no shape the scan knows can still be going on. Every shape is then judged
 * whole by exactly one of the two scans, as one scan over the whole copy judges it (a shape that starts on one line
 * and needs the next: a URL's user-info, up to 256 bytes after its {@code ://}, and a private key's header).
 */
final class SecondHalf implements AutoCloseable {

    private final Redactor redactor;
    private final HeldLines held;
    private final Lead lead = new Lead();
    private final LeftoverScan scan;
    private final Thread thread;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private volatile Throwable failed;
    /** The held copy went through {@link #scan} (the lead settled); else the first thread scans it. */
    private boolean heldScanned;

    SecondHalf(Path file, long at, long end, Redactor redactor, boolean scanned) {
        this.redactor = redactor;
        this.held = new HeldLines(file, at);
        this.scan = scanned ? new LeftoverScan() : null;
        this.thread = new Thread(() -> {
            try (InputStream in = LineSplit.range(file, at, end)) {
                Split out = new Split();
                new ApiLogSanitizer(redactor).lines(in, out, false, cancelled);
                out.finish();
            } catch (Throwable e) {
                failed = e; // the first thread reads this half itself, and meets the same problem if any
            }
        }, "triage-api-log-second-half");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    Redactor redactor() {
        return redactor;
    }

    /** Whether the thread failed (its copy is then not used). */
    boolean failed() {
        return failed != null;
    }

    void await() {
        Uninterruptibly.join(thread);
    }

    /** Writes the half's copy to {@code out}: the lead through it, the rest as scanned here when it was. */
    void writeTo(OutputStream out, LeftoverScan.ScanningStream scanning) throws IOException {
        lead.writeTo(out);
        long length = held.length();
        try (InputStream in = held.read()) {
            if (heldScanned && scanning != null) {
                scanning.writeScanned(in, length, scan, 0);
            } else {
                in.transferTo(out);
            }
        }
    }

    /** Stops the thread if it still runs (the first half failed) and drops what it wrote. */
    @Override
    public void close() {
        cancelled.set(true);
        await();
        held.discard();
    }

    /** The half's UTF-8: into the lead until it settles, then into the held copy (through the scan, if any). */
    private final class Split extends ApiLogSanitizer.Utf8Text {

        Split() {
            this(new Switch());
        }

        private Split(Switch target) {
            super(target);
        }

        /** Past the lead, a line as it was read is held as its place in the input (the scan still reads it). */
        @Override
        public void writeUnchanged(byte[] b, int off, int len, long at) throws IOException {
            if (((Switch) out).rest != null && !surrogateWaiting()) {
                held.nextIsInput(at, len);
            }
            writeAscii(b, off, len);
        }

        // the rest is written a line at a time, unbuffered: HeldLines must see each unchanged line as one write
        @Override
        public void lineEnded() {
            Switch target = (Switch) out;
            if (target.rest != null || lead.size() < Lead.MIN) {
                return;
            }
            if (scan != null && lead.settled()) {
                heldScanned = true;
                target.rest = scan.wrap(held);
            } else if (scan == null || lead.size() >= Lead.MAX) {
                target.rest = held; // the first thread scans it
            }
        }
    }

    /** Writes to the lead until {@link #rest} is set. */
    private final class Switch extends OutputStream {
        OutputStream rest;

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (rest == null) {
                lead.write(b, off, len);
            } else {
                rest.write(b, off, len);
            }
        }

        @Override
        public void flush() throws IOException {
            if (rest != null) {
                rest.flush();
            }
        }
    }

    /** The half's first lines, held apart from the rest for the first thread's scan. */
    static final class Lead extends ByteArrayOutputStream {
        static final int MIN = 1024;
        /** A lead that never settles (every line a URL the scan must follow on) stops here: the first thread scans all. */
        static final int MAX = 1 << 20;
        /** How far a URL's user-info is followed after its {@code ://} (LeftoverScan's reach). */
        private static final int USER_INFO_REACH = 256;
        /** How far after a private key's {@code -----BEGIN } its {@code PRIVATE KEY-----} is looked for, and its length. */
        private static final int PRIVATE_KEY_REACH = 64 + 16;

        /**
         * Whether the lead ends a line where every shape that starts in it can be judged from its bytes alone: no
         * {@code ://} whose user-info could go on past the end (none of {@code @ / ? # " space \} after it, and less
         * than 256 bytes to the end), no {@code -----BEGIN } that close to the end. The other shapes stop at a line
         * break.
         */
        boolean settled() {
            int n = count;
            if (n < MIN || buf[n - 1] != '\n') {
                return false;
            }
            for (int i = Math.max(0, n - USER_INFO_REACH - 8); i + 2 < n; i++) {
                if (buf[i] == ':' && buf[i + 1] == '/' && buf[i + 2] == '/' && !userInfoEnds(i + 3, n)) {
                    return false;
                }
                if (buf[i] == '-' && i + PRIVATE_KEY_REACH + 11 >= n && startsWith(i, n, "-----BEGIN")) {
                    return false;
                }
            }
            return true;
        }

        private boolean userInfoEnds(int from, int n) {
            if (n - from >= USER_INFO_REACH) {
                return true;
            }
            for (int k = from; k < n; k++) {
                switch (buf[k]) {
                    case '@', '/', '?', '#', '"', ' ', '\\' -> {
                        return true;
                    }
                    default -> { }
                }
            }
            return false;
        }

        private boolean startsWith(int i, int n, String ascii) {
            if (i + ascii.length() > n) {
                return true; // cut by the end: may still become one
            }
            for (int k = 0; k < ascii.length(); k++) {
                if (buf[i + k] != ascii.charAt(k)) {
                    return false;
                }
            }
            return true;
        }
    }
}
