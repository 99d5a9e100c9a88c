package dev.triagedesk.evidence.api;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The prefix openai-python's logging puts before each message, {@code [2025-03-01 09:00:01 - openai._base_client:446
 * - DEBUG] }, recognised from a line's bytes so the sanitizer's free-text scan can start after it: a fifth of a line's
 * bytes and about half the places the scan stops at (the colons of the time, the logger's line number). Only a
 * prefix that can hold nothing secret qualifies: a time of digits and punctuation, a logger the SDK or its HTTP
 * client names (a name is otherwise free text: a made-up logger could be a key), a line number and a level. Any other
 * line, or one that differs by a byte, is scanned whole as before.
 */
final class LoggingPrefix {

    /** The loggers of openai-python and of httpx and httpcore below it, by length (a name's length picks at most two). */
    private static final byte[][][] LOGGERS = byLength("openai", "openai._base_client", "openai._response",
            "openai._legacy_response", "openai._streaming", "openai._client", "httpx", "httpcore",
            "httpcore.connection", "httpcore.http11", "httpcore.http2", "httpcore.proxy");
    private static final byte[][][] LEVELS = byLength("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL");
    private static final int MAX_TIME = 40;
    /** The bytes a time may hold: digits and {@code - :.,T} (a look-up: this runs for every line). */
    private static final boolean[] TIME_BYTES = new boolean[256];

    static {
        for (char c : "0123456789- :.,T".toCharArray()) {
            TIME_BYTES[c] = true;
        }
    }

    private LoggingPrefix() {
    }

    /** The length of the prefix that begins {@code b[start, start + length)}, its closing "] " included; 0 for none. */
    static int cleanLength(byte[] b, int start, int length) {
        int end = start + length;
        int i = start;
        if (length < 12 || b[i] != '[' || !isDigit(b[i + 1])) {
            return 0;
        }
        i++;
        int timeEnd = Math.min(end, i + MAX_TIME);
        while (i < timeEnd && isTimeByte(b[i]) && (b[i] != ' ' || !separatorAt(b, i, end))) {
            i++;
        }
        if (!separatorAt(b, i, end)) {
            return 0;
        }
        i += 3;
        int logger = i;
        while (i < end && b[i] != ':' && i - logger <= 32) {
            i++;
        }
        if (i >= end || b[i] != ':' || !isOneOf(b, logger, i, LOGGERS)) {
            return 0;
        }
        i++;
        int digits = i;
        while (i < end && isDigit(b[i]) && i - digits < 7) {
            i++;
        }
        if (i == digits || !separatorAt(b, i, end)) {
            return 0;
        }
        i += 3;
        int level = i;
        while (i < end && b[i] != ']' && i - level <= 8) {
            i++;
        }
        if (i + 1 >= end || b[i] != ']' || b[i + 1] != ' ' || !isOneOf(b, level, i, LEVELS)) {
            return 0;
        }
        return i + 2 - start;
    }

    private static boolean separatorAt(byte[] b, int i, int end) {
        return i + 3 <= end && b[i] == ' ' && b[i + 1] == '-' && b[i + 2] == ' ';
    }

    private static boolean isTimeByte(byte c) {
        return TIME_BYTES[c & 0xff];
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    /** Whether {@code b[from, to)} is one of {@code words} (indexed by length), compared a byte at a time: they are short. */
    private static boolean isOneOf(byte[] b, int from, int to, byte[][][] words) {
        int length = to - from;
        if (length >= words.length || words[length] == null) {
            return false;
        }
        next:
        for (byte[] w : words[length]) {
            for (int k = 0; k < length; k++) {
                if (b[from + k] != w[k]) {
                    continue next;
                }
            }
            return true;
        }
        return false;
    }

    private static byte[][][] byLength(String... words) {
        int longest = 0;
        for (String w : words) {
            longest = Math.max(longest, w.length());
        }
        byte[][][] out = new byte[longest + 1][][];
        for (String w : words) {
            byte[][] same = out[w.length()];
            byte[][] grown = same == null ? new byte[1][] : Arrays.copyOf(same, same.length + 1);
            grown[grown.length - 1] = w.getBytes(StandardCharsets.US_ASCII);
            out[w.length()] = grown;
        }
        return out;
    }
}
