package dev.triagedesk.evidence.console;

/**
 * One console message while it is being read: its first line and prefixes, then what its continuation lines
 * add (frames, more text, DevTools' level marker). Text is kept up to a fixed size, so a message of any length
 * costs bounded memory.
 */
final class MessageBlock {

    /** Enough text to find the facts in; the finding itself keeps about 500 characters. */
    static final int MAX_TEXT = 2000;

    final int line;
    final String time;
    final String level;
    final String anchor;
    final int gap;
    /** An uncaught page error in a Playwright dump: printed without level, error by definition. */
    final boolean pageError;
    /** A Firefox network row: method and URL, then the status from the next line. */
    final String method;
    final String url;
    Integer status;
    private final StringBuilder text = new StringBuilder();
    String marker;
    boolean frames;
    boolean closed;

    MessageBlock(int line, ConsoleLine first, boolean pageError) {
        this.line = line;
        this.time = first.time();
        this.level = pageError ? "error" : first.level();
        this.anchor = first.anchor();
        this.gap = first.gap();
        this.pageError = pageError;
        this.method = first.method();
        this.url = first.url();
        this.status = first.status();
        this.marker = first.marker();
        this.closed = first.closed();
        append(first.text());
    }

    boolean isNetworkRow() {
        return method != null;
    }

    void append(String more) {
        if (more == null || more.isEmpty() || text.length() >= MAX_TEXT) {
            return;
        }
        if (text.length() > 0) {
            text.append(' ');
        }
        text.append(more, 0, Math.min(more.length(), MAX_TEXT - text.length()));
    }

    String text() {
        return text.toString().strip();
    }
}
