package dev.triagedesk.evidence.har;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triagedesk.evidence.HarTimeline;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimelineRecorderTests {

    @ParameterizedTest
    @ValueSource(strings = {"2026-01-07T13:23:59.123Z", "2026-01-07T13:23:59Z", "2026-01-07T13:23:59.1+03:00",
            "2024-02-29T00:00:00.999999-07:30", "1999-12-31T23:59:59.5+14:00"})
    void theFastReaderAgreesWithTheJdk(String text) {
        assertThat(TimelineRecorder.epochMillis(text)).isEqualTo(OffsetDateTime.parse(text).toInstant().toEpochMilli());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30T13:23:59Z", "2026-01-07 13:23:59Z", "2026-01-07T13:23:59", "2026-13-07T13:23:59Z",
            "2026-01-07T13:23:59.Z", "yesterday at noon, roughly"})
    void otherShapesAreLeftToTheJdk(String text) {
        assertThat(TimelineRecorder.epochMillis(text)).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void aBurstOfFailuresLandsInItsBucketAndUnreadableTimesAreCounted() {
        TimelineRecorder r = new TimelineRecorder();
        for (int s = 0; s < 120; s++) {
            r.entry(String.format("2026-01-07T13:%02d:%02d.000Z", s / 60, s % 60), false);
        }
        r.entry("2026-01-07T13:01:00.500+00:00", true);
        r.entry("2026-01-07T15:01:00.500+02:00", true); // the same instant, written in another offset
        r.entry("not a time", true);
        r.entry(null, false);
        HarTimeline t = r.timeline();
        assertThat(t.start()).isEqualTo("2026-01-07T13:00:00Z");
        assertThat(t.end()).isEqualTo("2026-01-07T13:01:59Z");
        assertThat(t.requests()).hasSizeLessThanOrEqualTo(TimelineRecorder.BUCKETS);
        assertThat(t.requests().stream().mapToLong(Long::longValue).sum()).isEqualTo(122);
        assertThat(t.failing().stream().mapToLong(Long::longValue).sum()).isEqualTo(2);
        int burst = (int) (60_500 / t.bucketMillis());
        assertThat(t.failing().get(burst)).isEqualTo(2);
        assertThat(t.untimed()).isEqualTo(2);
    }

    @Test
    void noTimesMeansNoTimeline() {
        TimelineRecorder r = new TimelineRecorder();
        r.entry(null, true);
        assertThat(r.timeline()).isNull();
    }
}
