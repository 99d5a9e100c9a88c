package dev.triagedesk.evidence.input;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Eight bytes of an array read as one {@code long}, and the bit tricks that find a byte among them: where the
 * engine looks for the few bytes that matter (a quote, a backslash) in long runs that hold none.
 */
public final class EightBytes {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long LOW_SEVEN = 0x7f7f7f7f7f7f7f7fL;
    private static final long CASE_BITS = repeated(0x20);
    private static final long FROM_A = repeated(0x80 - 'a');
    private static final long PAST_Z = repeated(0x7f - 'z');

    private EightBytes() {
    }

    /** {@code b[i, i + 8)}, the first byte lowest. */
    public static long at(byte[] b, int i) {
        return (long) LONGS.get(b, i);
    }

    /** {@code c} in each of eight bytes. */
    public static long repeated(int c) {
        return ONES * (c & 0xff);
    }

    /**
     * The high bit of each byte of {@code x} that is 0: the lowest flag marks the first zero byte exactly (a byte
     * after it may be flagged too), and none is flagged when there is no zero byte.
     */
    public static long zeroBytes(long x) {
        return (x - ONES) & ~x & HIGH_BITS;
    }

    /** As {@link #zeroBytes}, for the bytes below {@code limit} (at most 0x80; bytes of 0x80 and up never). */
    public static long bytesBelow(long x, int limit) {
        return (x - repeated(limit)) & ~x & HIGH_BITS;
    }

    /** The index of the first byte {@code c} in {@code b[from, to)}, or -1; eight bytes a step. */
    public static int indexOf(byte[] b, byte c, int from, int to) {
        long all = repeated(c);
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long found = zeroBytes(at(b, i) ^ all); // c is a zero byte now
            if (found != 0) {
                return i + firstFlagged(found);
            }
        }
        for (; i < to; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The high bit of each byte of {@code x} equal to the same byte of {@code c}, every flag exact (no borrow crosses
     * from one byte into the next, unlike {@link #zeroBytes}).
     */
    public static long equalBytes(long x, long c) {
        long y = x ^ c;
        return ~(((y & LOW_SEVEN) + LOW_SEVEN) | y) & HIGH_BITS;
    }

    /**
     * The high bit of each byte of {@code x} that is an ASCII letter of either case; exact for eight bytes below
     * 0x80 (no carry crosses into the next byte), which the callers make sure of first.
     */
    public static long asciiLetters(long x) {
        long lower = x | CASE_BITS;
        return (lower + FROM_A) & ~(lower + PAST_Z) & HIGH_BITS;
    }

    /**
     * The flags of {@code flags} whose byte of {@code x} (its low seven bits) and the same byte of {@code next} mark
     * a 1 in {@code pairs}, a table of {@code 128 << 8} bytes indexed by {@code first << 8 | second}. No branch on
     * each flag's answer: where words start like a shape is not to be predicted.
     */
    public static long flaggedPairs(byte[] pairs, long x, long next, long flags) {
        long hits = 0;
        for (long f = flags; f != 0; f &= f - 1) {
            int flag = Long.numberOfTrailingZeros(f); // the high bit of byte (flag >>> 3)
            int pair = ((int) (x >>> (flag - 7)) & 0x7f) << 8 | (int) (next >>> (flag - 7)) & 0xff;
            hits |= (long) pairs[pair] << flag;
        }
        return hits;
    }

    /** The index, within the eight, of the byte the lowest flag of {@code flags} marks. */
    public static int firstFlagged(long flags) {
        return Long.numberOfTrailingZeros(flags) >>> 3;
    }
}
