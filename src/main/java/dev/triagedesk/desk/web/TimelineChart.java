package dev.triagedesk.desk.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The SVG picture of a HAR's timeline ({@link dev.triagedesk.evidence.HarTimeline}), computed on the server: one bar
 * per time slice, as tall as the requests that started in it, its failing part drawn from the bottom in red, an
 * axis with the start and end times. The template draws it; the numbers here are its geometry.
 *
 * @param bars one per slice (empty slices included, so time runs evenly left to right)
 * @param peakFailing the slice with most failures, or null when nothing failed
 */
public record TimelineChart(Instant start, Instant end, long bucketMillis, List<Bar> bars, long maxRequests,
                            long totalRequests, long totalFailing, long untimed, Bar peakFailing) {

    public static final int WIDTH = 720;
    public static final int HEIGHT = 180;
    public static final int LEFT = 44;
    public static final int RIGHT = 8;
    public static final int TOP = 12;
    public static final int BOTTOM = 40;
    public static final int PLOT_WIDTH = WIDTH - LEFT - RIGHT;
    public static final int PLOT_HEIGHT = HEIGHT - TOP - BOTTOM;
    /** Where the x axis is drawn. */
    public static final int BASELINE = TOP + PLOT_HEIGHT;

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT);

    /**
     * One time slice. Coordinates are in the picture's user units; {@code okY}/{@code okHeight} is the part of the
     * bar that did not fail, {@code failY}/{@code failHeight} the failing part below it.
     */
    public record Bar(int index, String x, String width, String okY, String okHeight, String failY, String failHeight,
                      long requests, long failing, String from, String to) {

        public boolean hasFailures() {
            return failing > 0;
        }

        public boolean hasRequests() {
            return requests > 0;
        }
    }

    static TimelineChart of(Instant start, Instant end, long bucketMillis, List<Long> requests, List<Long> failing,
                            long untimed) {
        int n = requests.size();
        long max = 1;
        long total = 0;
        long totalFailing = 0;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, requests.get(i));
            total += requests.get(i);
            totalFailing += i < failing.size() ? failing.get(i) : 0;
        }
        double slot = (double) PLOT_WIDTH / Math.max(1, n);
        double gap = slot >= 4 ? 1 : 0;
        boolean fine = bucketMillis < 1000;
        List<Bar> bars = new ArrayList<>(n);
        Bar peak = null;
        for (int i = 0; i < n; i++) {
            long r = requests.get(i);
            long f = Math.min(r, i < failing.size() ? failing.get(i) : 0);
            double h = PLOT_HEIGHT * (double) r / max;
            double fh = PLOT_HEIGHT * (double) f / max;
            // a slice with any request stays visible even next to a very tall one
            if (r > 0 && h < 2) {
                h = 2;
                fh = f > 0 ? 2 : 0;
            }
            double okH = h - fh;
            Instant from = start.plusMillis(bucketMillis * i);
            Instant to = start.plusMillis(bucketMillis * (i + 1));
            Bar bar = new Bar(i, num(LEFT + slot * i + gap / 2), num(Math.max(0.5, slot - gap)),
                    num(BASELINE - h), num(okH), num(BASELINE - fh), num(fh), r, f, time(from, fine), time(to, fine));
            bars.add(bar);
            if (f > 0 && (peak == null || f > peak.failing())) {
                peak = bar;
            }
        }
        return new TimelineChart(start, end, bucketMillis, List.copyOf(bars), max, total, totalFailing, untimed, peak);
    }

    /** The start time under the left end of the axis, {@code 12:23:58 UTC}. */
    public String startLabel() {
        return time(start, bucketMillis < 1000) + " UTC";
    }

    public String endLabel() {
        return time(end, bucketMillis < 1000) + " UTC";
    }

    /** The day the capture starts on (UTC). */
    public String day() {
        return DateTimeFormatter.ISO_LOCAL_DATE.format(start.atOffset(ZoneOffset.UTC));
    }

    /** Width of one slice, for the text alternative: {@code 250 ms} or {@code 5 s}. */
    public String sliceLabel() {
        if (bucketMillis < 1000) {
            return bucketMillis + " ms";
        }
        if (bucketMillis % 1000 == 0) {
            return bucketMillis / 1000 + " s";
        }
        return String.format(Locale.ROOT, "%.1f s", bucketMillis / 1000.0);
    }

    public String viewBox() {
        return "0 0 " + WIDTH + " " + HEIGHT;
    }

    public int width() {
        return WIDTH;
    }

    public int height() {
        return HEIGHT;
    }

    public int left() {
        return LEFT;
    }

    public int right() {
        return WIDTH - RIGHT;
    }

    public int top() {
        return TOP;
    }

    public int baseline() {
        return BASELINE;
    }

    /** Where the time labels sit, under the axis. */
    public int labelY() {
        return BASELINE + 16;
    }

    public int dayY() {
        return BASELINE + 32;
    }

    public int middle() {
        return LEFT + PLOT_WIDTH / 2;
    }

    private static String time(Instant at, boolean millis) {
        return (millis ? MILLIS : SECONDS).format(at.atOffset(ZoneOffset.UTC));
    }

    /** SVG numbers with at most two decimals and a dot, whatever the server's locale. */
    private static String num(double v) {
        String s = String.format(Locale.ROOT, "%.2f", v);
        return s.endsWith(".00") ? s.substring(0, s.length() - 3) : s;
    }
}
