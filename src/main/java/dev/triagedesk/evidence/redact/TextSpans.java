package dev.triagedesk.evidence.redact;

/** Where things end in free text: a run of cookie pairs, a URL. Used by {@link FreeTextScan}. */
final class TextSpans {

    private TextSpans() {
    }

    /** "a=1; b=2; c=3" after "Cookie:" in text: where the run of cookie pairs ends. */
    static int cookiePairsEnd(String s, int from, int n) {
        int k = from;
        int end = from;
        while (k < n) {
            int nameEnd = SecretShapes.run(s, k, n, c -> c > ' ' && c != '=' && c != ';' && c != '"' && c != '\'');
            if (nameEnd == k || nameEnd >= n || s.charAt(nameEnd) != '=') {
                break;
            }
            int valueEnd = SecretShapes.run(s, nameEnd + 1, n, c -> c > ' ' && c != ';' && c != '"' && c != '\'');
            end = valueEnd;
            if (valueEnd < n && s.charAt(valueEnd) == ';') {
                k = valueEnd + 1;
                while (k < n && s.charAt(k) == ' ') {
                    k++;
                }
            } else {
                break;
            }
        }
        return end;
    }

    static boolean isUrlStart(String s, int i, int n) {
        if (i + 5 > n) {
            return false;
        }
        char second = s.charAt(i + 1);
        if (second != 't' && second != 'T' && second != 's' && second != 'S') {
            return false; // "Hello", "which": most words that start like a scheme end there (tested first: cheapest)
        }
        if (i > 0 && Character.isLetterOrDigit(s.charAt(i - 1))) {
            return false;
        }
        return s.regionMatches(true, i, "https://", 0, 8) || s.regionMatches(true, i, "http://", 0, 7)
                || s.regionMatches(true, i, "wss://", 0, 6) || s.regionMatches(true, i, "ws://", 0, 5);
    }

    static int urlEnd(String s, int i, int n) {
        int j = i;
        while (j < n) {
            char c = s.charAt(j);
            if (Character.isWhitespace(c) || c == '"' || c == '\'' || c == '<' || c == '>' || c == '`'
                    || c == '\\' || c == '{' || c == '}' || c == '|' || c == '^') {
                break;
            }
            j++;
        }
        while (j > i && ".,;:!?)]".indexOf(s.charAt(j - 1)) >= 0 && !isMarkerEnd(s, i, j)) {
            j--;
        }
        return j;
    }

    /** A trailing ']' that closes a marker belongs to the URL. */
    static boolean isMarkerEnd(String s, int from, int end) {
        if (s.charAt(end - 1) != ']') {
            return false;
        }
        int open = s.lastIndexOf(Redactor.MARKER_PREFIX, end - 1);
        return open >= from;
    }
}
