package dev.triagedesk.evidence.har;

import dev.triagedesk.evidence.HarTimeline;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Collects each entry's start time (8 bytes an entry, in a growing array) and turns them into a
 * {@link HarTimeline} at the end. Starts are kept rather than bucketed on the fly because the span of the capture
 * is known only at its end, and entries need not be in time order.
 */
final class TimelineRecorder {

    /** Buckets of the histogram: enough to see a burst, few enough to draw as bars. */
    static final int BUCKETS = 120;
    /** Beyond this many entries the rest are counted as untimed: 16 MB is the most this may hold. */
    static final int MAX_TIMED = 2_000_000;

    private long[] starts = new long[1024];
    private int size;
    private long untimed;

    /** Records one entry; its start time as written in the HAR, with its offset. */
    void entry(String startedAt, boolean failing) {
        if (startedAt == null || size >= MAX_TIMED) {
            untimed++;
            return;
        }
        long millis = epochMillis(startedAt);
        if (millis == Long.MIN_VALUE) {
            try {
                millis = OffsetDateTime.parse(startedAt).toInstant().toEpochMilli();
            } catch (DateTimeParseException e) {
                untimed++;
                return;
            }
        }
        if (size == starts.length) {
            starts = Arrays.copyOf(starts, starts.length * 2);
        }
        // the lowest bit says whether it failed; millisecond precision survives the shift for any real date
        starts[size++] = (millis << 1) | (failing ? 1 : 0);
    }

    /**
     * The common shape, {@code 2026-01-07T13:23:59.123Z} or with a {@code +03:00} offset, read by position:
     * several times cheaper than {@link OffsetDateTime#parse}, which stays the fallback for anything else
     * ({@link Long#MIN_VALUE}).
     */
    static long epochMillis(String s) {
        int n = s.length();
        if (n < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':') {
            return Long.MIN_VALUE;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 28 + 3 || hour < 0 || hour > 23 || minute < 0
                || minute > 59 || second < 0 || second > 59) {
            return Long.MIN_VALUE;
        }
        int i = 19;
        int millis = 0;
        if (i < n && s.charAt(i) == '.') {
            int scale = 100;
            i++;
            int start = i;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                millis += scale * (s.charAt(i) - '0');
                scale /= 10;
                i++;
            }
            if (i == start) {
                return Long.MIN_VALUE;
            }
        }
        int offsetSeconds;
        if (i == n - 1 && s.charAt(i) == 'Z') {
            offsetSeconds = 0;
        } else if (i == n - 6 && (s.charAt(i) == '+' || s.charAt(i) == '-') && s.charAt(i + 3) == ':') {
            int oh = digits(s, i + 1, 2);
            int om = digits(s, i + 4, 2);
            if (oh < 0 || oh > 18 || om < 0 || om > 59) {
                return Long.MIN_VALUE;
            }
            offsetSeconds = (s.charAt(i) == '-' ? -1 : 1) * (oh * 3600 + om * 60);
        } else {
            return Long.MIN_VALUE;
        }
        if (day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
            return Long.MIN_VALUE;
        }
        long days = java.time.LocalDate.of(year, month, day).toEpochDay();
        return ((days * 86_400 + hour * 3600L + minute * 60L + second) - offsetSeconds) * 1000 + millis;
    }

    private static int digits(String s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** Adds the entries another recorder saw (the same document's other part). */
    void merge(TimelineRecorder other) {
        int take = Math.min(other.size, MAX_TIMED - size);
        if (size + take > starts.length) {
            starts = Arrays.copyOf(starts, Math.max(starts.length * 2, size + take));
        }
        System.arraycopy(other.starts, 0, starts, size, take);
        size += take;
        untimed += other.untimed + (other.size - take);
    }

    HarTimeline timeline() {
        if (size == 0) {
            return null;
        }
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < size; i++) {
            long t = starts[i] >> 1;
            min = Math.min(min, t);
            max = Math.max(max, t);
        }
        long span = max - min;
        long width = Math.max(1, (span + BUCKETS) / BUCKETS);
        int buckets = (int) Math.min(BUCKETS, span / width + 1);
        long[] requests = new long[buckets];
        long[] failing = new long[buckets];
        for (int i = 0; i < size; i++) {
            int b = (int) Math.min(buckets - 1, ((starts[i] >> 1) - min) / width);
            requests[b]++;
            failing[b] += starts[i] & 1;
        }
        return new HarTimeline(Instant.ofEpochMilli(min).toString(), Instant.ofEpochMilli(max).toString(), width,
                boxed(requests), boxed(failing), untimed);
    }

    private static List<Long> boxed(long[] values) {
        List<Long> list = new ArrayList<>(values.length);
        for (long v : values) {
            list.add(v);
        }
        return List.copyOf(list);
    }
}
