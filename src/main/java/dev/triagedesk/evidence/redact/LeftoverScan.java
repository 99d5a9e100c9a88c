package dev.triagedesk.evidence.redact;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The second look: scans the bytes actually written for secret shapes that must never leave the engine
 * ({@code sk-...} keys, {@code Bearer} credentials, JWTs, session cookies, URL user-info, Google API keys,
 * private keys). It knows
 * nothing of the structure the {@link Redactor} walked, so a gap in the rules shows up here and the output is
 * refused instead of handed on. This class keeps a window of the bytes and finds the places its needles occur;
 * {@link LeftoverShapes} says which shape, if any, starts at each.
 *
 * <p>Wrap the output with {@link #wrap}; after closing, {@link #findings()} lists what was found.
 */
public final class LeftoverScan {

    /** A leftover: which shape, near which byte offset, and where the writer says it was. */
    public record Finding(String shape, long offset, String location) {
        @Override
        public String toString() {
            return shape + " at byte " + offset + (location == null ? "" : " (" + location + ")");
        }
    }

    private static final int WINDOW = 64 * 1024;
    /** Longest shape prefix the scan needs to see whole; a shape straddling a flush is seen next time. */
    private static final int OVERLAP = 4096;
    private static final int MAX_FINDINGS = 20;

    private final List<Finding> findings = new ArrayList<>();
    private final Supplier<String> location;
    private final byte[] window = new byte[WINDOW + OVERLAP];
    /** The shapes refused, recognised in {@link #window} up to {@link #filled}. */
    private final LeftoverShapes shapes = new LeftoverShapes(window);
    private int filled;
    private long windowStart;
    private long scannedTo;
    private long count;
    private boolean finished;
    /** How the needles are found: see {@link #C1_ONLY}. */
    private final Needles needles;
    /** Whether places inside a word are passed over before they are looked at: see {@link #mayStartShape}. */
    private final boolean wordsPassed;

    /** The ways of finding the needles, each place in order (LeftoverScanTests finds the same places all ways). */
    enum Needles {
        /** One pass, a lookup of each byte pair read as one value ({@link #scanPairs}): under C2. */
        BY_PAIR,
        /** One pass, a lookup of each byte and then of the pairs it may start ({@link #scanBytes}): under C1 alone. */
        BY_FIRST_BYTE,
        /** {@code String.indexOf} for each needle ({@link #scanIndexOf}): the plain way, the reference for tests. */
        BY_INDEX_OF
    }

    public LeftoverScan(Supplier<String> location) {
        this(location, C1_ONLY ? Needles.BY_FIRST_BYTE : Needles.BY_PAIR, true);
    }

    /**
     * With the needles found the given way; with {@code wordsPassed} false every place a needle is found is looked
     * at (the reference for tests).
     */
    LeftoverScan(Supplier<String> location, Needles needles, boolean wordsPassed) {
        this.location = location;
        this.needles = needles;
        this.wordsPassed = wordsPassed;
    }

    public LeftoverScan() {
        this(() -> null);
    }

    /** The stream {@link #wrap} returns: it can also take a base64 literal that it checks more cheaply. */
    public abstract static class ScanningStream extends FilterOutputStream {
        ScanningStream(OutputStream out) {
            super(out);
        }

        /**
         * Writes a JSON string literal that should hold only base64 ({@code "…"}). None of the refused shapes can
         * be spelled in base64's alphabet (each needs a '-', '.', ':', space or a '=' before its end), so a literal
         * this scan finds to be base64 is passed without the shape search. Anything else is not written: false
         * tells the caller to write it as the text it is (scanned as usual).
         */
        public abstract boolean writeBase64Literal(byte[] b, int off, int length) throws IOException;

        /**
         * As {@link #writeBase64Literal}, for a literal the caller already found to hold only base64 with
         * {@link Base64Literals#isBase64Literal(byte[], int, int)}: an entry held back until it is complete is not checked twice.
         */
        public abstract void writeCheckedBase64Literal(byte[] b, int off, int length) throws IOException;

        /**
         * Writes {@code length} bytes from {@code in} that {@code scannedBy} already scanned (as its bytes from
         * {@code firstByte} on): output another thread produced. Its findings become this scan's. The bytes must
         * start and end at a JSON structure boundary, which no secret shape crosses.
         */
        public abstract void writeScanned(InputStream in, long length, LeftoverScan scannedBy, long firstByte)
                throws IOException;
    }

    /** An output stream that passes everything through to {@code out} and scans it on the way. */
    public ScanningStream wrap(OutputStream out) {
        return new ScanningStream(out) {
            @Override
            public boolean writeBase64Literal(byte[] b, int off, int length) throws IOException {
                if (!Base64Literals.isBase64Literal(b, off, length)) {
                    return false;
                }
                writeCheckedBase64Literal(b, off, length);
                return true;
            }

            @Override
            public void writeCheckedBase64Literal(byte[] b, int off, int length) throws IOException {
                out.write(b, off, length);
                skipLiteral(length);
            }

            @Override
            public void writeScanned(InputStream in, long length, LeftoverScan scannedBy, long firstByte)
                    throws IOException {
                long at = windowStart + filled;
                long copied = copy(in, out, length);
                if (copied != length) {
                    throw new IOException("expected " + length + " bytes of scanned output, got " + copied);
                }
                skipLiteral(length);
                absorb(scannedBy, at - firstByte);
            }

            @Override
            public void write(int b) throws IOException {
                out.write(b);
                accept(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
                accept(b, off, len);
            }

            @Override
            public void close() throws IOException {
                finish();
                super.close();
            }
        };
    }

    private static long copy(InputStream in, OutputStream out, long length) throws IOException {
        byte[] buf = new byte[1 << 16];
        long left = length;
        while (left > 0) {
            int r = in.read(buf, 0, (int) Math.min(buf.length, left));
            if (r < 0) {
                break;
            }
            out.write(buf, 0, r);
            left -= r;
        }
        return length - left;
    }

    /** Takes over another scan's findings, moved by {@code shift} bytes. */
    private void absorb(LeftoverScan other, long shift) {
        other.finish();
        for (Finding f : other.findings) {
            if (findings.size() < MAX_FINDINGS) {
                findings.add(new Finding(f.shape(), f.offset() + shift, f.location()));
            }
        }
        count += other.count;
    }

    /** Scans one string (for outputs that are not streamed). */
    public static List<Finding> check(String text) {
        LeftoverScan scan = new LeftoverScan();
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        scan.accept(bytes, 0, bytes.length);
        scan.finish();
        return scan.findings();
    }

    public List<Finding> findings() {
        return List.copyOf(findings);
    }

    public boolean clean() {
        return findings.isEmpty();
    }

    /** Total number of leftovers found, including those beyond the ones kept in {@link #findings()}. */
    public long count() {
        return count;
    }

    /**
     * Accounts for a verified base64 literal written past the window: the bytes before it are scanned now (a
     * quote ends every shape, so none continues into the literal) and the window starts again after it.
     */
    private void skipLiteral(long length) {
        scan(true);
        windowStart += filled + length;
        scannedTo = windowStart;
        filled = 0;
    }

    void accept(byte[] b, int off, int len) {
        while (len > 0) {
            int take = Math.min(len, window.length - filled);
            System.arraycopy(b, off, window, filled, take);
            filled += take;
            off += take;
            len -= take;
            if (filled == window.length) {
                scan(false);
            }
        }
    }

    private void finish() {
        if (!finished) {
            finished = true;
            scan(true);
        }
    }

    /**
     * Where each shape can be recognised from, and how far before the match the shape starts ("earer" finds
     * "Bearer" one byte earlier).
     */
    private static final String[] NEEDLES = {"sk-", "eyJ", "earer", "EARER", "ession", "ESSION", "sid", "SID", "Sid",
        "://", "-----BEGIN ", "AIza"};
    private static final int[] NEEDLE_BACK = {0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0};
    /** Indexes into {@link #NEEDLES} of "sk-" and of the three spellings of "sid". */
    private static final int SK = 0;
    private static final int FIRST_SID = 6;
    private static final int LAST_SID = 8;
    /** The shortest needle. */
    private static final int SHORTEST = 3;
    /**
     * For each 16-bit value (a byte and the next), 1 + the index of the needle that starts with those two bytes, 0
     * for none (no two needles start alike): see {@link #scanBytes}.
     */
    private static final byte[] NEEDLE_BY_PAIR = new byte[1 << 16];
    /** 1 for the bytes a needle starts with. */
    private static final byte[] FIRST = new byte[256];
    /** The third byte of needle {@code n - 1} at {@code n}. */
    private static final byte[] THIRD = new byte[NEEDLES.length + 1];
    /** {@link #NEEDLE_BY_PAIR} indexed by a pair as {@link #PAIRS} reads it: the second byte high. */
    private static final byte[] NEEDLE_BY_PAIR_READ = new byte[1 << 16];
    /** Two bytes of the window as one value, the first lowest. */
    private static final VarHandle PAIRS = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);

    static {
        for (int n = 0; n < NEEDLES.length; n++) {
            int pair = NEEDLES[n].charAt(0) << 8 | NEEDLES[n].charAt(1);
            if (NEEDLE_BY_PAIR[pair] != 0) {
                throw new IllegalStateException("two needles start with " + NEEDLES[n].substring(0, 2));
            }
            NEEDLE_BY_PAIR[pair] = (byte) (n + 1);
            NEEDLE_BY_PAIR_READ[NEEDLES[n].charAt(1) << 8 | NEEDLES[n].charAt(0)] = (byte) (n + 1);
            FIRST[NEEDLES[n].charAt(0)] = 1;
            THIRD[n + 1] = (byte) NEEDLES[n].charAt(2);
        }
    }

    /**
     * Whether this JVM compiles with C1 alone, as the command line's launcher runs it ({@code -XX:TieredStopAtLevel=1}
     * shows as "emulated-client" in {@code java.vm.info}; asking the management beans would cost the command line a
     * tenth of a second to load them). The needles are then found by a pass that looks at each byte first
     * ({@link #scanBytes}): {@code String.indexOf} is a plain loop under C1 (thread CPU for the dense benchmark HAR's
     * 123 MB sanitized copy: 1.68 s with the twelve searches, 0.38 s with the pass), and C1 reads two bytes as one
     * value slower than it reads them apart. Under C2 (the server, {@code java -jar}) a pass that looks each byte
     * pair up as one value ({@link #scanPairs}) beats both the twelve vectorised searches and that pass: thread CPU
     * for 52 MB, best of 8 interleaved, the SDK log 0.177 / 0.112 / 0.075 s (indexOf / first byte / pairs), the
     * dense HAR 0.246 / 0.196 / 0.185 s, a Batch output file 0.178 / 0.163 / 0.120 s.
     */
    static final boolean C1_ONLY = String.valueOf(System.getProperty("java.vm.info")).contains("emulated-client");

    /**
     * Looks at each place a needle occurs in the bytes not scanned yet (whole, before {@link #filled}), and records the
     * shape that starts there or a byte before, each place once, in the order of the bytes.
     */
    private void scan(boolean last) {
        shapes.end(filled);
        int limit = last ? filled : filled - OVERLAP;
        int from = (int) Math.max(0, scannedTo - windowStart);
        if (limit > from) {
            switch (needles) {
                case BY_PAIR -> scanPairs(from, limit);
                case BY_FIRST_BYTE -> scanBytes(from, limit);
                default -> scanIndexOf(from, limit);
            }
        }
        if (!last) {
            scannedTo = windowStart + limit;
            System.arraycopy(window, filled - OVERLAP, window, 0, OVERLAP);
            windowStart += filled - OVERLAP;
            filled = OVERLAP;
        }
    }

    /**
     * One pass with a lookup per byte pair, read as one 16-bit value ({@link #NEEDLE_BY_PAIR_READ}): a pair starts
     * at most one needle, and the pairs that do ("ea", "es", "si" aside) are rare in text, so the branch is seldom
     * taken, where a look at each byte first ({@link #scanBytes}) stops at every 's' and 'e', a fifth of a text's
     * bytes, and that branch misses often.
     */
    private void scanPairs(int from, int limit) {
        // one byte earlier for the needles that start inside their shape; a needle found at q marks a shape at
        // q - back, which must lie in [from, limit): the places come in order, a place twice only one after the other
        int lastStart = Math.min(filled - SHORTEST, limit);
        int lastAt = -1;
        byte[] w = window;
        byte[] needleByPair = NEEDLE_BY_PAIR_READ;
        for (int q = Math.max(0, from - 1); q <= lastStart; q++) {
            int needle = needleByPair[(char) (short) PAIRS.get(w, q)];
            // the third byte first: the pairs prose is full of ("ea", "es", "si") seldom go on as a needle does
            if (needle == 0 || w[q + 2] != THIRD[needle] || !shapes.at(q, NEEDLES[needle - 1])) {
                continue;
            }
            int at = q - NEEDLE_BACK[needle - 1];
            if (at >= from && at < limit && at != lastAt && mayStartShape(needle - 1, at)) {
                lastAt = at;
                record(at);
            }
        }
    }

    /**
     * One pass with a lookup per byte ({@link #FIRST}) and one per byte that may start a needle
     * ({@link #NEEDLE_BY_PAIR}); a lookup table per pair of bytes alone, or Horspool's skip over the needles' first
     * three bytes, were slower under C1.
     */
    private void scanBytes(int from, int limit) {
        // as scanPairs
        int lastStart = Math.min(filled - SHORTEST, limit);
        int lastAt = -1;
        byte[] w = window;
        byte[] needleByPair = NEEDLE_BY_PAIR;
        byte[] first = FIRST;
        for (int q = Math.max(0, from - 1); q <= lastStart; q++) {
            if (first[w[q] & 0xff] == 0) {
                continue;
            }
            int needle = needleByPair[(w[q] & 0xff) << 8 | (w[q + 1] & 0xff)];
            if (needle == 0 || !shapes.at(q, NEEDLES[needle - 1])) {
                continue;
            }
            int at = q - NEEDLE_BACK[needle - 1];
            if (at >= from && at < limit && at != lastAt && mayStartShape(needle - 1, at)) {
                lastAt = at;
                record(at);
            }
        }
    }

    /** Each needle's places by {@code String.indexOf} on the Latin-1 text of the bytes, recorded in their order. */
    private void scanIndexOf(int from, int limit) {
        // only the part not scanned yet (one byte earlier for the needles that start inside their shape)
        int textStart = Math.max(0, from - 1);
        String text = new String(window, textStart, filled - textStart, StandardCharsets.ISO_8859_1);
        java.util.BitSet places = null;
        for (int n = 0; n < NEEDLES.length; n++) {
            String needle = NEEDLES[n];
            int back = NEEDLE_BACK[n];
            for (int k = text.indexOf(needle); k >= 0 && k + textStart - back < limit; k = text.indexOf(needle, k + 1)) {
                int at = k + textStart - back;
                if (at >= from && mayStartShape(n, at)) {
                    if (places == null) {
                        places = new java.util.BitSet();
                    }
                    places.set(at);
                }
            }
        }
        if (places != null) {
            for (int at = places.nextSetBit(0); at >= 0; at = places.nextSetBit(at + 1)) {
                record(at);
            }
        }
    }

    /**
     * False where needle {@code n}'s place {@code at} surely starts no shape, by the first test {@link #sessionOrKey}
     * makes there: "sk-" glued to a word, "sid" inside one. Generated text is full of both ("task-1", "obsidian",
     * "inside"; 130,000 places in 52 MB of a Batch copy) and each cost a look, the shape's tests and a bit set.
     * Only the test that decides comes first, so the same places are recorded (LeftoverScanTests).
     */
    private boolean mayStartShape(int n, int at) {
        if (!wordsPassed) {
            return true;
        }
        if (n == SK) {
            // no session word starts with "sk": sessionOrKey finds nothing else there
            return SecretShapes.boundaryAfter(shapes.prev(at)) != SecretShapes.WORD;
        }
        return n < FIRST_SID || n > LAST_SID || !Character.isLetterOrDigit(shapes.prev(at));
    }

    /** Counts (and keeps, up to {@link #MAX_FINDINGS}) the shape that starts at {@code at}, if one does. */
    private void record(int at) {
        String shape = shapes.shapeAt(at);
        if (shape != null) {
            count++;
            if (findings.size() < MAX_FINDINGS) {
                findings.add(new Finding(shape, windowStart + at, location.get()));
            }
        }
    }
}
