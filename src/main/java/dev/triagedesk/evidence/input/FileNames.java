package dev.triagedesk.evidence.input;

/**
 * A file name as it is shown and stored: whatever an upload or an archive calls a file, it becomes printable text
 * of a bounded length. Control characters (a NUL, a line break) become {@code _}, as do the direction marks that
 * can make a name read backwards (an {@code .exe} shown as a {@code .har}); a lone surrogate becomes U+FFFD. A
 * name longer than the bound keeps its start and its end, extension included, around an ellipsis: a zip member
 * deep in long folders ({@code bundle.zip!/Users/…/capture.har}) still says which archive and which file.
 */
public final class FileNames {

    /** The most characters of a name kept (the width of the evidence table's {@code file_name}). */
    public static final int MAX_CHARS = 300;
    /** Of a shortened name, the characters kept at the end: the file's own name and extension. */
    private static final int END_KEPT = MAX_CHARS / 3;

    private FileNames() {
    }

    /** The name fit to show and store; empty for null. */
    public static String shown(String name) {
        if (name == null) {
            return "";
        }
        String printable = printable(name);
        return printable.length() <= MAX_CHARS ? printable : shortened(printable);
    }

    private static String printable(String name) {
        StringBuilder sb = null;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            String replacement = null;
            if (Character.isISOControl(c) || isDirectionMark(c)) {
                replacement = "_";
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 < name.length() && Character.isLowSurrogate(name.charAt(i + 1))) {
                    if (sb != null) {
                        sb.append(c).append(name.charAt(i + 1));
                    }
                    i++;
                    continue;
                }
                replacement = "\uFFFD";
            } else if (Character.isLowSurrogate(c)) {
                replacement = "\uFFFD";
            }
            if (replacement != null && sb == null) {
                sb = new StringBuilder(name.length()).append(name, 0, i);
            }
            if (sb != null) {
                sb.append(replacement != null ? replacement : String.valueOf(c));
            }
        }
        return sb == null ? name : sb.toString();
    }

    private static boolean isDirectionMark(char c) {
        return c == '\u061C' || c == '\u200E' || c == '\u200F' || c >= '\u202A' && c <= '\u202E'
                || c >= '\u2066' && c <= '\u2069';
    }

    private static String shortened(String name) {
        int endFrom = name.length() - END_KEPT;
        if (Character.isLowSurrogate(name.charAt(endFrom))) {
            endFrom++;
        }
        int startTo = MAX_CHARS - 1 - (name.length() - endFrom);
        if (Character.isHighSurrogate(name.charAt(startTo - 1))) {
            startTo--;
        }
        return name.substring(0, startTo) + "…" + name.substring(endFrom);
    }
}
