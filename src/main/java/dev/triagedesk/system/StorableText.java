package dev.triagedesk.system;

/**
 * Text as a ticket can hold it. A Java string may carry what no stored text can: a NUL (PostgreSQL's text refuses
 * it, so saving fails) or a lone surrogate (half a character, which no encoding writes). Both reach the application
 * from outside, in the API's JSON ({@code "\u0000"}, {@code "\ud800"}) and in form posts ({@code %00}); each
 * becomes U+FFFD, the character that stands for one that could not be read, so the rest of the text is kept.
 */
public final class StorableText {

    private StorableText() {
    }

    /** The text with each lone surrogate and each NUL replaced by U+FFFD; the same string when it has none. */
    public static String clean(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
            boolean bad = c == '\0' || !pair && Character.isSurrogate(c);
            if (bad && sb == null) {
                sb = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (sb != null) {
                sb.append(bad ? '\uFFFD' : c);
                if (pair) {
                    sb.append(s.charAt(i + 1));
                }
            }
            if (pair) {
                i++;
            }
        }
        return sb == null ? s : sb.toString();
    }
}
