package dev.triagedesk.incident.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The SVG picture of an incident over time, computed on the server: one slice per stretch of time, with two bars
 * side by side, the failures that happened in it (red) and the reports sent in it (blue). The template draws it;
 * the numbers here are its geometry, in the ticket page's timeline style.
 */
public record IncidentChart(Instant start, Instant end, Duration slice, List<Slice> slices, long max) {

    public static final int WIDTH = 720;
    public static final int HEIGHT = 180;
    public static final int LEFT = 44;
    public static final int RIGHT = 8;
    public static final int TOP = 12;
    public static final int BOTTOM = 40;
    static final int PLOT_WIDTH = WIDTH - LEFT - RIGHT;
    static final int PLOT_HEIGHT = HEIGHT - TOP - BOTTOM;
    static final int BASELINE = TOP + PLOT_HEIGHT;
    static final int SLICES = 24;
    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    /** One stretch of time: its failures' bar and its reports' bar. */
    public record Slice(String from, String to, long failures, long reports, String failX, String reportX,
                        String width, String failY, String failHeight, String reportY, String reportHeight) {
    }

    /** The chart of these failure and report times; null when there is no time at all. */
    static IncidentChart of(List<Instant> failures, List<Instant> reports) {
        List<Instant> all = new ArrayList<>(failures);
        all.addAll(reports);
        if (all.isEmpty()) {
            return null;
        }
        Instant start = all.stream().min(Instant::compareTo).orElseThrow();
        Instant end = all.stream().max(Instant::compareTo).orElseThrow();
        long spanMillis = Math.max(60_000, Duration.between(start, end).toMillis() + 1);
        long sliceMillis = roundedSlice(spanMillis / SLICES + 1);
        int n = (int) Math.min(SLICES * 4L, spanMillis / sliceMillis + 1);
        long[] f = new long[n];
        long[] r = new long[n];
        for (Instant at : failures) {
            f[index(start, at, sliceMillis, n)]++;
        }
        for (Instant at : reports) {
            r[index(start, at, sliceMillis, n)]++;
        }
        long max = 1;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, Math.max(f[i], r[i]));
        }
        double slot = (double) PLOT_WIDTH / n;
        double bar = Math.max(0.5, (slot - 1) / 2);
        List<Slice> slices = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double fh = height(f[i], max);
            double rh = height(r[i], max);
            Instant from = start.plusMillis(sliceMillis * i);
            slices.add(new Slice(label(from), label(from.plusMillis(sliceMillis)), f[i], r[i], num(LEFT + slot * i + 0.5),
                    num(LEFT + slot * i + 0.5 + bar), num(bar), num(BASELINE - fh), num(fh), num(BASELINE - rh),
                    num(rh)));
        }
        return new IncidentChart(start, start.plusMillis(sliceMillis * n), Duration.ofMillis(sliceMillis),
                List.copyOf(slices), max);
    }

    /** A slice of whole minutes (1, 2, 5, 10, 15, 30, 60 ...), so the labels read well. */
    private static long roundedSlice(long millis) {
        long[] minutes = {1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440};
        for (long m : minutes) {
            if (m * 60_000 >= millis) {
                return m * 60_000;
            }
        }
        return (millis / 86_400_000 + 1) * 86_400_000;
    }

    private static int index(Instant start, Instant at, long sliceMillis, int n) {
        return (int) Math.max(0, Math.min(n - 1, Duration.between(start, at).toMillis() / sliceMillis));
    }

    private static double height(long count, long max) {
        double h = PLOT_HEIGHT * (double) count / max;
        return count > 0 && h < 2 ? 2 : h;
    }

    public String startLabel() {
        return label(start) + " UTC";
    }

    public String endLabel() {
        return label(end) + " UTC";
    }

    /** Width of a slice, for the text alternative: "5 min". */
    public String sliceLabel() {
        long minutes = slice.toMinutes();
        return minutes % 60 == 0 ? minutes / 60 + " h" : minutes + " min";
    }

    public String viewBox() {
        return "0 0 " + WIDTH + " " + HEIGHT;
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

    public int labelY() {
        return BASELINE + 16;
    }

    public int middle() {
        return LEFT + PLOT_WIDTH / 2;
    }

    public int legendY() {
        return BASELINE + 32;
    }

    private static String label(Instant at) {
        return LABEL.format(at.atOffset(ZoneOffset.UTC));
    }

    private static String num(double v) {
        String s = String.format(Locale.ROOT, "%.2f", v);
        return s.endsWith(".00") ? s.substring(0, s.length() - 3) : s;
    }
}
