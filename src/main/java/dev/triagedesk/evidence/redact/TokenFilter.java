package dev.triagedesk.evidence.redact;

/**
 * A blocked Bloom filter of token hashes: every token sets {@value #PROBES} bits inside one 512-bit block, so
 * adding or testing a token touches one cache line. Sized from the document: the redactor asks it, for every
 * secret it learns, whether that value may already have gone out unredacted, and a large capture learns hundreds
 * of thousands of secrets. A fixed 2 MB filter filled up on a 1 GB HAR and its false positives made every such
 * file be sanitized twice; with a bit for every 8 input bytes (a HAR holds far fewer tokens than that), the
 * expected false positives per file stay well below one.
 */
final class TokenFilter {

    private static final int PROBES = 6;
    private static final int MIN_BITS = 1 << 23;
    /** 16 MB: the filter must fit beside the rest in a 128 MB heap. */
    private static final int MAX_BITS = 1 << 27;

    private final long[] bits;
    private final int blockMask;

    private TokenFilter(int bitCount) {
        bits = new long[bitCount >>> 6];
        blockMask = (bitCount >>> 9) - 1;
    }

    /** A filter for a document of about {@code bytes} bytes ({@code -1} when unknown). */
    static TokenFilter forDocument(long bytes) {
        long wanted = bytes < 0 ? 1L << 25 : bytes / 8;
        long bitCount = Long.highestOneBit(Math.max(MIN_BITS, Math.min(MAX_BITS, wanted)));
        if (bitCount < wanted && bitCount < MAX_BITS) {
            bitCount <<= 1;
        }
        return new TokenFilter((int) bitCount);
    }

    void add(long hash) {
        long h = mix(hash);
        int block = ((int) (h >>> 40) & blockMask) << 3;
        long probe = h * 0x9E3779B97F4A7C15L;
        for (int i = 0; i < PROBES; i++) {
            int bit = (int) (probe >>> (i * 9)) & 511;
            bits[block + (bit >>> 6)] |= 1L << bit;
        }
    }

    boolean mayContain(long hash) {
        long h = mix(hash);
        int block = ((int) (h >>> 40) & blockMask) << 3;
        long probe = h * 0x9E3779B97F4A7C15L;
        for (int i = 0; i < PROBES; i++) {
            int bit = (int) (probe >>> (i * 9)) & 511;
            if ((bits[block + (bit >>> 6)] & 1L << bit) == 0) {
                return false;
            }
        }
        return true;
    }

    /** Adds every token of another filter of the same size. */
    void addAll(TokenFilter other) {
        if (other.bits.length != bits.length) {
            throw new IllegalArgumentException("filters of different sizes");
        }
        for (int i = 0; i < bits.length; i++) {
            bits[i] |= other.bits[i];
        }
    }

    int bitCount() {
        return bits.length << 6;
    }

    /** MurmurHash3's finalizer: the token hash is FNV, whose high bits alone are too regular to pick blocks by. */
    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }
}
