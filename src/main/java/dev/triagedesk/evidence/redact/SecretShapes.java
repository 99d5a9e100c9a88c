package dev.triagedesk.evidence.redact;

/**
 * Recognises secrets by their shape alone, wherever they occur: OpenAI-style keys ({@code sk-...},
 * {@code sk-proj-...}), JWTs, {@code Bearer}/{@code Basic} credentials, and a few other well-known key formats
 * (Stripe, Google, AWS, GitHub, Slack, PEM private keys). Hand-written rather than regular expressions because it
 * runs over every string of multi-gigabyte files: one pass, no backtracking, no allocation unless it matches.
 */
public final class SecretShapes {

    /** A secret found in a char sequence: the characters {@code [start, end)} are the secret itself. */
    public record Shape(int start, int end, SecretKind kind) {
    }

    private SecretShapes() {
    }

    /** Whether a shape can start with this character; a cheap filter before {@link #at}. */
    public static boolean isTrigger(char c) {
        switch (c) {
            case 's', 'r', 'e', 'B', 'b', 'A', 'g', 'x', '-':
                return true;
            default:
                return false;
        }
    }

    /**
     * Whether a shape can start at {@code i}, judged from its first two characters: 's' and 'e' are everywhere
     * in text, "sk" and "ey" are not, so the full check runs rarely.
     */
    public static boolean plausible(CharSequence s, int i, int n) {
        if (i + 1 >= n) {
            return false;
        }
        char c = s.charAt(i);
        char d = s.charAt(i + 1);
        if ((c | d) >= 128) {
            return false;
        }
        return ((d < 64 ? PAIRS_LOW[c] >>> d : PAIRS_HIGH[c] >>> (d - 64)) & 1) != 0;
    }

    /** For each first character, the second characters {@link #plausible} accepts, as bits: 64 per long. */
    private static final long[] PAIRS_LOW = new long[128];
    private static final long[] PAIRS_HIGH = new long[128];

    static {
        for (char c = 0; c < 128; c++) {
            for (char d = 0; d < 128; d++) {
                if (plausiblePair(c, d)) {
                    if (d < 64) {
                        PAIRS_LOW[c] |= 1L << d;
                    } else {
                        PAIRS_HIGH[c] |= 1L << (d - 64);
                    }
                }
            }
        }
    }

    private static boolean plausiblePair(char c, char d) {
        return switch (c) {
            case 's' -> d == 'k' || d == 'e';
            case 'r' -> d == 'k';
            case 'e' -> d == 'y';
            case 'B', 'b' -> d == 'e' || d == 'E' || d == 'a' || d == 'A';
            case 'A' -> d == 'I' || d == 'K' || d == 'S';
            case 'g' -> d == 'h' || d == 'i';
            case 'x' -> d == 'o';
            case '-' -> d == '-';
            default -> false;
        };
    }

    /** The secret shape starting at {@code i} (for Bearer/Basic: announced at {@code i}), or {@code null}. */
    public static Shape at(CharSequence s, int i, int n) {
        char c = s.charAt(i);
        switch (c) {
            case 's': {
                int before = boundaryBefore(s, i);
                if (before == WORD) {
                    return null;
                }
                if (startsWith(s, i, n, "sk-")) {
                    int e = run(s, i + 3, n, SecretShapes::isKeyChar);
                    return e - (i + 3) >= 20 && (before == CLEAR || looksRandom(s, i + 3, e))
                            ? new Shape(i, e, SecretKind.API_KEY) : null;
                }
                if (startsWith(s, i, n, "sk_live_") || startsWith(s, i, n, "sk_test_")) {
                    int e = run(s, i + 8, n, SecretShapes::isAlnum);
                    return e - (i + 8) >= 16 && (before == CLEAR || looksRandom(s, i + 8, e))
                            ? new Shape(i, e, SecretKind.API_KEY) : null;
                }
                if (startsWith(s, i, n, "sess-")) {
                    int e = run(s, i + 5, n, SecretShapes::isAlnum);
                    return e - (i + 5) >= 30 && (before == CLEAR || looksRandom(s, i + 5, e))
                            ? new Shape(i, e, SecretKind.SESSION) : null;
                }
                return null;
            }
            case 'r': {
                int before = boundaryBefore(s, i);
                if (before != WORD && (startsWith(s, i, n, "rk_live_") || startsWith(s, i, n, "rk_test_"))) {
                    int e = run(s, i + 8, n, SecretShapes::isAlnum);
                    return e - (i + 8) >= 16 && (before == CLEAR || looksRandom(s, i + 8, e))
                            ? new Shape(i, e, SecretKind.API_KEY) : null;
                }
                return null;
            }
            case 'e':
                return jwt(s, i, n);
            case 'B', 'b':
                return scheme(s, i, n);
            case 'A':
                if (!keyBoundary(s, i)) {
                    return null;
                }
                if (startsWith(s, i, n, "AIza") && (i == 0 || !isKeyChar(s.charAt(i - 1)))) {
                    // exactly 39 characters with a boundary on both sides: shorter or longer runs occur in base64
                    int e = run(s, i + 4, n, SecretShapes::isKeyChar);
                    return e - (i + 4) == 35 ? new Shape(i, e, SecretKind.CLOUD_KEY) : null;
                }
                if (startsWith(s, i, n, "AKIA") || startsWith(s, i, n, "ASIA")) {
                    int e = run(s, i + 4, n, ch -> ch >= 'A' && ch <= 'Z' || ch >= '0' && ch <= '9');
                    return e - (i + 4) == 16 ? new Shape(i, e, SecretKind.CLOUD_KEY) : null;
                }
                return null;
            case 'g': {
                int before = boundaryBefore(s, i);
                if (before == WORD) {
                    return null;
                }
                if (i + 4 <= n && s.charAt(i + 1) == 'h' && "pousr".indexOf(s.charAt(i + 2)) >= 0
                        && s.charAt(i + 3) == '_') {
                    int e = run(s, i + 4, n, SecretShapes::isAlnum);
                    return e - (i + 4) >= 30 && (before == CLEAR || looksRandom(s, i + 4, e))
                            ? new Shape(i, e, SecretKind.TOKEN) : null;
                }
                if (startsWith(s, i, n, "github_pat_")) {
                    int e = run(s, i + 11, n, ch -> isAlnum(ch) || ch == '_');
                    return e - (i + 11) >= 20 && (before == CLEAR || looksRandom(s, i + 11, e))
                            ? new Shape(i, e, SecretKind.TOKEN) : null;
                }
                return null;
            }
            case 'x':
                if (keyBoundary(s, i) && i + 5 <= n && s.charAt(i + 1) == 'o' && s.charAt(i + 2) == 'x'
                        && "abprse".indexOf(s.charAt(i + 3)) >= 0 && s.charAt(i + 4) == '-') {
                    int e = run(s, i + 5, n, ch -> isAlnum(ch) || ch == '-');
                    return e - (i + 5) >= 10 ? new Shape(i, e, SecretKind.TOKEN) : null;
                }
                return null;
            case '-':
                return privateKey(s, i, n);
            default:
                return null;
        }
    }

    /** Key prefixes whose remainder is the secret part: the same key is sometimes quoted without its prefix. */
    private static final String[] KEY_PREFIXES = {"sk_live_", "sk_test_", "rk_live_", "rk_test_", "github_pat_",
        "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "xoxa-", "xoxb-", "xoxp-", "xoxr-", "xoxs-", "xoxe-", "sk-"};

    /**
     * The remainders of a prefixed key that are secrets on their own: {@code sk-proj-abc…} gives {@code proj-abc…}
     * and {@code abc…}. A remainder shorter than 16 characters is too common a string to remove everywhere.
     */
    public static java.util.List<String> remainders(String secret) {
        for (String prefix : KEY_PREFIXES) {
            if (secret.startsWith(prefix)) {
                String rest = secret.substring(prefix.length());
                java.util.List<String> out = new java.util.ArrayList<>(2);
                if (rest.length() >= 16) {
                    out.add(rest);
                }
                int dash = rest.indexOf('-');
                // sk-proj-, sk-svcacct-, sk-admin-: a lower-case word, then the key proper
                if (prefix.equals("sk-") && dash > 0 && dash <= 12 && rest.substring(0, dash).chars().allMatch(Character::isLowerCase)
                        && rest.length() - dash - 1 >= 16) {
                    out.add(rest.substring(dash + 1));
                }
                return out;
            }
        }
        return java.util.List.of();
    }

    private static Shape jwt(CharSequence s, int i, int n) {
        // after a letter "eyJ" may be inside a word or a base64 run; after digits (an id, a length) it starts a JWT,
        // as the leftover scan sees it
        if (!startsWith(s, i, n, "eyJ") || i > 0 && isKeyChar(s.charAt(i - 1)) && !isAsciiDigit(s.charAt(i - 1))
                && !isHexEscapeTail(s, i)) {
            return null;
        }
        int a = run(s, i, n, SecretShapes::isKeyChar);
        if (a - i < 10 || a >= n || s.charAt(a) != '.') {
            return null;
        }
        int b = run(s, a + 1, n, SecretShapes::isKeyChar);
        if (b - (a + 1) < 7 || b >= n || s.charAt(b) != '.') {
            return null;
        }
        int c = run(s, b + 1, n, SecretShapes::isKeyChar);
        return new Shape(i, c, SecretKind.JWT);
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** After a percent escape such as {@code %22eyJ...} the "previous key char" is part of the escape. */
    private static boolean isHexEscapeTail(CharSequence s, int i) {
        return i >= 3 && s.charAt(i - 3) == '%';
    }

    private static Shape scheme(CharSequence s, int i, int n) {
        if (i > 0 && Character.isLetter(s.charAt(i - 1))) {
            return null;
        }
        boolean bearer = startsWithIgnoreCase(s, i, n, "bearer");
        boolean basic = !bearer && startsWithIgnoreCase(s, i, n, "basic");
        if (!bearer && !basic) {
            return null;
        }
        int j = i + (bearer ? 6 : 5);
        int spaces = j;
        while (true) {
            if (j < n && (s.charAt(j) == ' ' || s.charAt(j) == '\t')) {
                j++;
            } else if (j + 3 <= n && s.charAt(j) == '%' && s.charAt(j + 1) == '2' && s.charAt(j + 2) == '0') {
                j += 3;
            } else if (j + 1 < n && s.charAt(j) == '+' && bearer && isTokenChar(s.charAt(j + 1)) && j == spaces) {
                j++; // "Bearer+token" in form encoding
            } else {
                break;
            }
        }
        if (j == spaces || j >= n || s.charAt(j) == '[') {
            return null;
        }
        int e = run(s, j, n, bearer ? SecretShapes::isTokenChar : SecretShapes::isBase64Char);
        return looksLikeCredential(s, j, e, bearer)
                ? new Shape(j, e, bearer ? SecretKind.BEARER : SecretKind.BASIC) : null;
    }

    /** Prose such as "bearer authentication" is not a credential; tokens have digits, mixed case or length. */
    static boolean looksLikeCredential(CharSequence s, int from, int to, boolean bearer) {
        int len = to - from;
        if (len < 8) {
            return false;
        }
        int upper = 0;
        int lower = 0;
        int digits = 0;
        int other = 0;
        for (int k = from; k < to; k++) {
            char ch = s.charAt(k);
            if (ch >= 'A' && ch <= 'Z') {
                upper++;
            } else if (ch >= 'a' && ch <= 'z') {
                lower++;
            } else if (ch >= '0' && ch <= '9') {
                digits++;
            } else {
                other++;
            }
        }
        if (digits > 0 || other > 0) {
            return true;
        }
        return bearer ? len >= 20 || upper >= 2 && lower >= 2 : upper >= 2 && lower >= 2;
    }

    private static Shape privateKey(CharSequence s, int i, int n) {
        if (!startsWith(s, i, n, "-----BEGIN ")) {
            return null;
        }
        int headerEnd = indexOf(s, "-----", i + 11, Math.min(n, i + 80));
        if (headerEnd < 0 || !contains(s, i + 11, headerEnd, "PRIVATE KEY")) {
            return null;
        }
        int end = indexOf(s, "-----END ", headerEnd + 5, n);
        if (end < 0) {
            return new Shape(i, n, SecretKind.PRIVATE_KEY);
        }
        int close = indexOf(s, "-----", end + 9, Math.min(n, end + 80));
        return new Shape(i, close < 0 ? n : close + 5, SecretKind.PRIVATE_KEY);
    }

    /** Key prefixes must not continue a word ("task-..." is not a key); a digit may precede (URL escapes). */
    private static boolean keyBoundary(CharSequence s, int i) {
        return boundaryBefore(s, i) == CLEAR;
    }

    /** What precedes a key prefix: nothing word-like, a letter, or a joining '-' or '_'. */
    static final int CLEAR = 0;
    static final int WORD = 1;
    static final int GLUED = 2;

    /**
     * A prefix right after a letter continues a word ("task-…", "desk-…"); after '-' or '_' it may be a slug
     * ("how-to-use-sk-learn-with-pipelines") or a key glued to a name ("user-sk-proj-…", "OPENAI_KEY_sk-…"):
     * {@link #GLUED}, and the caller keeps it only when its body {@link #looksRandom}.
     */
    static int boundaryBefore(CharSequence s, int i) {
        return i == 0 ? CLEAR : boundaryAfter(s.charAt(i - 1));
    }

    /** As {@link #boundaryBefore}, from the character before the prefix. */
    static int boundaryAfter(char previous) {
        if (previous == '-' || previous == '_') {
            return GLUED;
        }
        if (previous < 128) {
            return Character.isLetter(previous) ? WORD : CLEAR;
        }
        // scripts written without spaces (Japanese, Chinese) put a pasted key right after a letter: glued, kept as
        // a key when its body looks generated (the leftover scan, seeing bytes, counts any such letter as a boundary)
        return Character.isLetter(previous) ? GLUED : CLEAR;
    }

    /** Generated key bodies mix digits, upper and lower case; slugs and identifiers written by people rarely do. */
    static boolean looksRandom(CharSequence s, int from, int to) {
        return looksRandom(s::charAt, from, to);
    }

    /** As {@link #looksRandom(CharSequence, int, int)}, for any indexed text (the leftover scan's bytes). */
    static boolean looksRandom(java.util.function.IntUnaryOperator charAt, int from, int to) {
        boolean digit = false;
        boolean upper = false;
        boolean lower = false;
        for (int k = from; k < to; k++) {
            int c = charAt.applyAsInt(k);
            digit |= c >= '0' && c <= '9';
            upper |= c >= 'A' && c <= 'Z';
            lower |= c >= 'a' && c <= 'z';
        }
        return digit && upper && lower;
    }

    static boolean isKeyChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-';
    }

    static boolean isAlnum(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }

    /** RFC 6750 token68 characters. */
    static boolean isTokenChar(char c) {
        return isKeyChar(c) || c == '.' || c == '~' || c == '+' || c == '/' || c == '=';
    }

    static boolean isBase64Char(char c) {
        return isAlnum(c) || c == '+' || c == '/' || c == '=';
    }

    interface CharTest {
        boolean test(char c);
    }

    static int run(CharSequence s, int from, int n, CharTest test) {
        int j = from;
        while (j < n && test.test(s.charAt(j))) {
            j++;
        }
        return j;
    }

    static boolean startsWith(CharSequence s, int i, int n, String prefix) {
        int m = prefix.length();
        if (i + m > n) {
            return false;
        }
        for (int k = 0; k < m; k++) {
            if (s.charAt(i + k) != prefix.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    static boolean startsWithIgnoreCase(CharSequence s, int i, int n, String lowerPrefix) {
        int m = lowerPrefix.length();
        if (i + m > n) {
            return false;
        }
        for (int k = 0; k < m; k++) {
            if (Character.toLowerCase(s.charAt(i + k)) != lowerPrefix.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(CharSequence s, String needle, int from, int to) {
        for (int k = from; k + needle.length() <= to; k++) {
            if (startsWith(s, k, to, needle)) {
                return k;
            }
        }
        return -1;
    }

    private static boolean contains(CharSequence s, int from, int to, String needle) {
        return indexOf(s, needle, from, to) >= 0;
    }
}
