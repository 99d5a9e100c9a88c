package dev.triagedesk.evidence.console;

/**
 * What one physical line of a console log is, as {@link LineParser} reads it. Which fields are set depends on the
 * kind: a {@code START} has its text and whatever prefix it carried; a {@code NET_REQUEST} its method and URL; a
 * {@code NET_STATUS} its status.
 *
 * @param time the timestamp as printed, or {@code null}
 * @param level the level the line declares ({@code error}, {@code warning}, {@code log}…), or {@code null}
 * @param anchor the source location or resource name printed with the message ({@code main.js:12},
 *               {@code https://host/path:0}, {@code envelope:0}), or {@code null}
 * @param gap spaces between a Chrome anchor and its message: DevTools copies error and warning rows with two
 * @param marker {@code error}/{@code warning} when the line carries DevTools' "Understand this …" suffix
 * @param closed the line ends with Playwright's {@code @ location:line}, which ends a message
 * @param indented the raw line started with white space
 */
record ConsoleLine(Kind kind, String time, String level, String anchor, int gap, String text, String marker,
                   boolean closed, boolean indented, String method, String url, Integer status) {

    enum Kind {
        BLANK,
        /** Playwright-MCP's "Total messages: …" / "Returning N messages…" header. */
        HEADER,
        /** A line holding nothing but "Understand this error". */
        MARKER,
        /** The first line of a message. */
        START,
        /** A stack frame or an async boundary of one ({@code Promise.then}, {@code await in x}, {@code <Component>}). */
        FRAME,
        /** Any other line: a continuation, or a message without recognisable prefix. */
        TEXT,
        /** Firefox: {@code GEThttps://…} (optionally {@code XHRPOST…}). */
        NET_REQUEST,
        /** Firefox: {@code [HTTP/2 403 Forbidden 104ms]}. */
        NET_STATUS
    }

    static ConsoleLine of(Kind kind, String text, boolean indented) {
        return new ConsoleLine(kind, null, null, null, 0, text, null, false, indented, null, null, null);
    }

    ConsoleLine withMarker(String m) {
        return m == null ? this
                : new ConsoleLine(kind, time, level, anchor, gap, text, m, closed, indented, method, url, status);
    }
}
