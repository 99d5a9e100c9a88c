package dev.triagedesk.evidence.input;

import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells a HAR from an OpenAI Batch file ({@link BatchShape}) from API client evidence (an SDK log, a traceback, a
 * curl transcript) from a console log from anything else by looking at the first bytes. API client evidence is
 * recognised before the console reader, which would take any line-oriented text, claims it. Other text that is no
 * HAR is a console log, whatever its layout (the console reader reads an unknown one line by line): only empty, blank,
 * binary and JSON input that is not a HAR is refused.
 */
final class Sniffer {

    /** What the head of a file says. Exactly one of format or rejection is set. */
    record Verdict(EvidenceFormat format, int skipBytes, boolean utf16, String rejection) {
        static Verdict reject(String why) {
            return new Verdict(null, 0, false, why);
        }
    }

    private static final Pattern JSONP = Pattern.compile("^([A-Za-z_$][\\w$.]{0,100})\\s*\\(\\s*\\{");

    private Sniffer() {
    }

    static Verdict sniff(byte[] head, int len, Predicate<String> looksLikeConsole) {
        return sniff(head, len, looksLikeConsole, text -> false);
    }

    static Verdict sniff(byte[] head, int len, Predicate<String> looksLikeConsole, Predicate<String> looksLikeApiLog) {
        if (len == 0) {
            return Verdict.reject("the file is empty");
        }
        int skip = 0;
        boolean utf16 = false;
        if (len >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF) {
            skip = 3;
        } else if (len >= 2 && ((head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xFE
                || (head[0] & 0xff) == 0xFE && (head[1] & 0xff) == 0xFF)) {
            utf16 = true;
        }
        String text;
        if (utf16) {
            text = new String(head, 0, len, StandardCharsets.UTF_16);
        } else {
            String binary = binaryKind(head, len);
            if (binary != null) {
                return Verdict.reject(binary + ", not a HAR or a console log");
            }
            text = new String(head, skip, len - skip, StandardCharsets.UTF_8);
        }
        int i = 0;
        while (i < text.length() && (Character.isWhitespace(text.charAt(i)) || text.charAt(i) == '\uFEFF')) {
            i++;
        }
        if (i == text.length()) {
            return Verdict.reject("the file holds only white space");
        }
        char first = text.charAt(i);
        if (first == '{' && BatchShape.of(text.substring(i))) {
            return new Verdict(EvidenceFormat.BATCH, skip, utf16, null);
        }
        if (first == '{') {
            return new Verdict(EvidenceFormat.HAR, skip, utf16, null);
        }
        if (first == '[' && nextNonSpace(text, i + 1) == '{') {
            return Verdict.reject("a JSON array, not a HAR: a HAR is one object with a \"log\" property");
        }
        if (first == '"') {
            return Verdict.reject("the file starts inside a JSON object, with " + excerpt(text, i)
                    + ": it looks like a fragment cut from a HAR, not a whole HAR export");
        }
        Matcher jsonp = JSONP.matcher(text.substring(i, Math.min(text.length(), i + 200)));
        if (jsonp.find() && !utf16) {
            int prefixChars = i + jsonp.end() - 1; // keep the '{'
            int prefixBytes = skip + text.substring(0, prefixChars).getBytes(StandardCharsets.UTF_8).length;
            return new Verdict(EvidenceFormat.HAR_JSONP, prefixBytes, false, null);
        }
        if (looksLikeApiLog.test(text)) {
            return new Verdict(EvidenceFormat.API_LOG, skip, utf16, null);
        }
        if (looksLikeConsole.test(text)) {
            return new Verdict(EvidenceFormat.CONSOLE, skip, utf16, null);
        }
        if (first == '[') {
            return Verdict.reject("a JSON array, not a HAR: a HAR is one object with a \"log\" property");
        }
        return Verdict.reject("JSON or text that is neither a HAR nor a console log (starts with " + excerpt(text, i)
                + ")");
    }

    private static char nextNonSpace(String s, int from) {
        for (int k = from; k < s.length(); k++) {
            if (!Character.isWhitespace(s.charAt(k))) {
                return s.charAt(k);
            }
        }
        return 0;
    }

    private static String excerpt(String text, int from) {
        String line = text.substring(from, Math.min(text.length(), from + 40)).lines().findFirst().orElse("");
        StringBuilder sb = new StringBuilder("«");
        for (char c : line.toCharArray()) {
            sb.append(c < 0x20 ? ' ' : c);
        }
        return sb.append(line.length() >= 40 ? "…»" : "»").toString();
    }

    /** A name for well-known binary files, or a generic one for anything with NUL bytes; null for text. */
    private static String binaryKind(byte[] b, int len) {
        if (len >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return "a PNG image";
        }
        if (len >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
            return "a JPEG image";
        }
        if (len >= 4 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F') {
            return "a PDF document";
        }
        if (len >= 4 && b[0] == 'R' && b[1] == 'a' && b[2] == 'r' && b[3] == '!') {
            return "a RAR archive (use .zip or .gz)";
        }
        if (len >= 6 && b[0] == '7' && b[1] == 'z' && (b[2] & 0xff) == 0xBC) {
            return "a 7-Zip archive (use .zip or .gz)";
        }
        int controls = 0;
        int n = Math.min(len, 8192);
        for (int k = 0; k < n; k++) {
            int c = b[k] & 0xff;
            if (c == 0) {
                return "binary data";
            }
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
                controls++;
            }
        }
        return controls > n / 20 ? "binary data" : null;
    }
}
