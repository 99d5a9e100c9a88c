package dev.triagedesk.evidence.input;

/**
 * Bounds on what an archive may expand to. A HAR compresses well (10-20:1 is common), a decompression bomb by
 * orders of magnitude more; the ratio is only checked once the output is past {@code ratioGraceBytes} so that
 * small, highly repetitive files still open.
 *
 * @param maxExpandedBytes most bytes one archive may expand to in total
 * @param maxRatio most expanded bytes per compressed byte
 * @param ratioGraceBytes expanded size below which the ratio is not checked
 * @param maxArchiveEntries most files read from one zip
 */
public record InputLimits(long maxExpandedBytes, int maxRatio, long ratioGraceBytes, int maxArchiveEntries) {

    public static InputLimits defaults() {
        return new InputLimits(8L << 30, 200, 16L << 20, 1000);
    }
}
