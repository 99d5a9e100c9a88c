package dev.triagedesk.system;

import java.util.Locale;

/** A size as the pages and the API say it to people: "512 MB", "2 GB", "0.5 MB", "6.2 MB". */
public final class ReadableSize {

    private static final long MB = 1024 * 1024;

    private ReadableSize() {
    }

    /** Megabytes with one decimal below 10 MB, so a limit below 1 MB does not read as "1 MB"; whole gigabytes as GB. */
    public static String of(long bytes) {
        long mb = bytes / MB;
        if (bytes % MB == 0 && mb >= 1024 && mb % 1024 == 0) {
            return (mb / 1024) + " GB";
        }
        double exact = bytes / (double) MB;
        return (exact < 10 ? String.format(Locale.ROOT, "%.1f", exact).replaceFirst("\\.0$", "")
                : String.valueOf(Math.round(exact))) + " MB";
    }
}
