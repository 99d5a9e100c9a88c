package dev.triagedesk.evidence.har;

/**
 * Whether a body's raw bytes contain "error" or "failed": most event streams of a capture contain neither and are
 * left undecoded. The command line runs on the C1 compiler, where {@code String.indexOf} is a plain loop over every
 * byte, twice (one search per word) on a Latin-1 copy of the body; this is one Horspool search for both words that
 * looks at about one byte in three of ordinary text.
 */
final class ErrorWords {

    /** The words share a window of five bytes: all of "error", the first five of "failed". */
    private static final int WINDOW = 5;
    /**
     * How far the window may move when its last byte is the byte indexed: the distance from the last place that
     * byte has among the first four of either word to the window's end; five when it has none.
     */
    private static final byte[] SHIFT = new byte[256];

    static {
        java.util.Arrays.fill(SHIFT, (byte) WINDOW);
        for (String word : new String[] {"error", "faile"}) {
            for (int j = 0; j < WINDOW - 1; j++) {
                int c = word.charAt(j);
                SHIFT[c] = (byte) Math.min(SHIFT[c], WINDOW - 1 - j);
            }
        }
    }

    private ErrorWords() {
    }

    /** Whether {@code b[0, n)} contains "error" or "failed", as {@code String.indexOf} would say of its Latin-1 text. */
    static boolean in(byte[] b, int n) {
        int i = 0;
        while (i + WINDOW <= n) {
            int last = b[i + WINDOW - 1];
            if (last == 'r' && b[i] == 'e' && b[i + 1] == 'r' && b[i + 2] == 'r' && b[i + 3] == 'o') {
                return true;
            }
            if (last == 'e' && b[i] == 'f' && b[i + 1] == 'a' && b[i + 2] == 'i' && b[i + 3] == 'l'
                    && i + WINDOW < n && b[i + WINDOW] == 'd') {
                return true;
            }
            i += SHIFT[last & 0xff];
        }
        return false;
    }
}
