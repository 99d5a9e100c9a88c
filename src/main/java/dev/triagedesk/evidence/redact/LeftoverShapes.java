package dev.triagedesk.evidence.redact;

/**
 * Recognises the shapes {@link LeftoverScan} refuses (an {@code sk-} key, a session cookie, a JWT, a Bearer
 * credential, URL user-info, a Google API key, a private key) where its needles were found: the same tests the
 * redactor's rules make, read from the scan's window of bytes. The scan finds the places; this says what, if
 * anything, starts there.
 */
final class LeftoverShapes {

    private final byte[] window;
    /** The window's bytes end here: a shape is recognised from what is in it. */
    private int end;

    LeftoverShapes(byte[] window) {
        this.window = window;
    }

    /** The window now holds bytes up to {@code end}. */
    void end(int end) {
        this.end = end;
    }

    /** The shape that starts at {@code i}, or {@code null}. */
    String shapeAt(int i) {
        return switch (window[i]) {
            case 's', 'S' -> sessionOrKey(i);
            case 'e' -> jwt(i);
            case 'B', 'b' -> bearer(i);
            case ':' -> userInfo(i);
            case '-' -> privateKey(i);
            case 'A' -> googleKey(i);
            default -> null;
        };
    }

    private int end() {
        return end;
    }

    /** Whether the ASCII text stands at {@code i}, whole, within the window's bytes. */
    boolean at(int i, String ascii) {
        if (i + ascii.length() > end()) {
            return false;
        }
        for (int k = 0; k < ascii.length(); k++) {
            if (window[i + k] != ascii.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private boolean atIgnoreCase(int i, String lowerAscii) {
        if (i + lowerAscii.length() > end()) {
            return false;
        }
        for (int k = 0; k < lowerAscii.length(); k++) {
            int b = window[i + k];
            if (b >= 'A' && b <= 'Z') {
                b += 32;
            }
            if (b != lowerAscii.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private int run(int from, SecretShapes.CharTest test) {
        int j = from;
        while (j < end() && test.test((char) (window[j] & 0xff))) {
            j++;
        }
        return j;
    }

    /** The byte before {@code i} as a character, a space at the window's start. */
    char prev(int i) {
        return i == 0 ? ' ' : (char) (window[i - 1] & 0xff);
    }

    private String sessionOrKey(int i) {
        char p = prev(i);
        if (window[i] == 's' && at(i, "sk-")) {
            // the redactor's rule: not within a word; glued after '-' or '_' only when its body looks generated
            int before = SecretShapes.boundaryAfter(p);
            if (before != SecretShapes.WORD) {
                int e = run(i + 3, SecretShapes::isKeyChar);
                return e - (i + 3) >= 20 && (before == SecretShapes.CLEAR
                        || SecretShapes.looksRandom(k -> window[k] & 0xff, i + 3, e)) ? "api key (sk-...)" : null;
            }
        }
        if (atIgnoreCase(i, "session") || atIgnoreCase(i, "sid") && !atIgnoreCase(i, "side")) {
            if (Character.isLetterOrDigit(p)) {
                return null;
            }
            int wordEnd = run(i, SecretShapes::isAlnum);
            if (!atIgnoreCase(i, "session") && wordEnd - i > 8) {
                return null; // same rule as SensitiveNames.isSessionWord
            }
            int j = run(i, c -> SecretShapes.isKeyChar(c) || c == '.');
            if (j >= end() || window[j] != '=') {
                return null;
            }
            int v = j + 1;
            if (v < end() && window[v] == '[') {
                return null; // a marker
            }
            int e = run(v, c -> SecretShapes.isKeyChar(c) || c == '%' || c == '.' || c == '~' || c == '+' || c == '/');
            return e - v >= 8 ? "session cookie" : null;
        }
        return null;
    }

    private String jwt(int i) {
        if (!at(i, "eyJ")) {
            return null;
        }
        int a = run(i, SecretShapes::isKeyChar);
        if (a - i < 10 || a >= end() || window[a] != '.') {
            return null;
        }
        int b = run(a + 1, SecretShapes::isKeyChar);
        if (b - (a + 1) < 7 || b >= end() || window[b] != '.') {
            return null;
        }
        // The free-text scan redacts a JWT where a token can start; glued to a word it leaves "eyJ" alone, and so
        // must this scan unless the first part really is a JWT header: a script's "monkeyJSONParser.prototype.parse"
        // has a JWT's shape, and refusing it lost the whole capture.
        return gluedToWord(i) && !isJwtHeader(i, a) ? null : "JWT";
    }

    /** As {@code SecretShapes.jwt} sees it: after a letter or '_'/'-', unless that ends a percent escape. */
    private boolean gluedToWord(int i) {
        char before = prev(i);
        return SecretShapes.isKeyChar(before) && !(before >= '0' && before <= '9') && !(i >= 3 && window[i - 3] == '%');
    }

    /** Whether {@code window[from, to)} is base64url of a JSON object in printable ASCII, as a JWT's header is. */
    private boolean isJwtHeader(int from, int to) {
        byte[] header;
        try {
            header = java.util.Base64.getUrlDecoder().decode(java.util.Arrays.copyOfRange(window, from, to));
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        int last = header.length - 1;
        while (last > 0 && (header[last] == ' ' || header[last] == '\n' || header[last] == '\r' || header[last] == '\t')) {
            last--;
        }
        if (last < 1 || header[last] != '}') {
            return false;
        }
        for (byte c : header) {
            if ((c < 0x20 || c > 0x7e) && c != '\n' && c != '\r' && c != '\t') {
                return false;
            }
        }
        return true;
    }

    private String bearer(int i) {
        if (Character.isLetter(prev(i)) || !atIgnoreCase(i, "bearer")) {
            return null;
        }
        int j = i + 6;
        int spaces = j;
        while (j < end() && (window[j] == ' ' || window[j] == '\t')) {
            j++;
        }
        if (j == spaces && at(j, "%20")) {
            j += 3;
        }
        if (j == spaces || j >= end() || window[j] == '[') {
            return null;
        }
        int e = run(j, SecretShapes::isTokenChar);
        return SecretShapes.looksLikeCredential(new Latin1Chars(window, 0, end()), j, e, true) ? "Bearer credential" : null;
    }

    private String userInfo(int i) {
        // scheme://user:password@host
        if (!at(i, "://")) {
            return null;
        }
        int j = i + 3;
        if (at(j, Redactor.USERINFO_MARKER_PREFIX)) {
            return null;
        }
        int k = j;
        boolean colon = false;
        while (k < end() && k - j < 256) {
            byte c = window[k];
            if (c == '@') {
                return colon && k > j ? "URL user-info" : null;
            }
            if (c == '/' || c == '?' || c == '#' || c == '"' || c == ' ' || c == '\\') {
                return null;
            }
            if (c == ':') {
                colon = true;
            }
            k++;
        }
        return null;
    }

    private String googleKey(int i) {
        if (!at(i, "AIza") || SecretShapes.isKeyChar(prev(i))) {
            return null;
        }
        return run(i + 4, SecretShapes::isKeyChar) - (i + 4) == 35 ? "Google API key" : null; // exactly 39 characters
    }

    private String privateKey(int i) {
        if (!at(i, "-----BEGIN ")) {
            return null;
        }
        for (int k = i + 11; k < Math.min(end(), i + 64); k++) {
            if (at(k, "PRIVATE KEY-----")) {
                return "private key";
            }
        }
        return null;
    }
}
