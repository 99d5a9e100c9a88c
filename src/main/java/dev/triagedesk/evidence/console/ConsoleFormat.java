package dev.triagedesk.evidence.console;

import com.fasterxml.jackson.annotation.JsonValue;

/** The console log layouts the analyzer reads, told apart by content (see {@code FormatDetector}). */
public enum ConsoleFormat {
    /** Chrome/Edge DevTools "Save as…" or a copied console: {@code [HH:MM:SS.mmm ]anchor message}, {@code fn @ file:1} frames. */
    CHROME("chrome"),
    /** Firefox "Export visible messages": {@code GEThttps://…} then {@code [HTTP/2 403  104ms]}, locations at the end. */
    FIREFOX("firefox"),
    /** Safari Web Inspector: {@code [Error] message (file, line N)}, {@code fn — file:1:2} frames. */
    SAFARI("safari"),
    /** Playwright / Playwright-MCP dumps: {@code [ERROR] message @ url:line}, uncaught page errors unprefixed. */
    PLAYWRIGHT("playwright"),
    /** Puppeteer/CDP captures: {@code [error] 2024-01-01T00:00:00.000Z message}. */
    PUPPETEER("puppeteer"),
    /** Captured logs with a level word first: {@code error: message}. */
    CAPTURED("captured"),
    /** Pasted prose with browser failure phrases in it: every line is read for failure phrases on its own. */
    PLAIN("plain"),
    /**
     * Any other line-oriented text log, in a layout not seen before (an app's or a test runner's saved console,
     * {@code [2025-07-29T19:36:30.182Z] [info] message}, syslog, Python logging…): each line is read on its own
     * for a timestamp in a common form, a level word, and what it holds (see {@code GenericLines}).
     */
    GENERIC("generic");

    private final String id;

    ConsoleFormat(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }
}
