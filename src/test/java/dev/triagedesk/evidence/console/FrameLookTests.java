package dev.triagedesk.evidence.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triagedesk.evidence.Corpus;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link LineParser#mayBeFrame} rules lines out before the frame patterns: never a line one of them matches. */
class FrameLookTests {

    @ParameterizedTest
    @ValueSource(strings = {"    at fetchJson (https://x.example/a.js:10:5)", "at https://x.example/a.js:1:2",
        "onClick @ main.js:12", "fn@https://x.example/a.js:3:4", "@https://x.example/a.js:3:4",
        "global code \u2014 app.js:1:9", "  handler (https://x.example/a.js:2:3)", "Promise.then", "setTimeout",
        "setInterval", "requestAnimationFrame", "requestIdleCallback", "queueMicrotask", "XMLHttpRequest.send",
        "postMessage", "await in loadAll", "loadAll (async)", "<anonymous>", "\"use client\"", "[native code]",
        "global code", "(anonymous function)", "promiseReactionJob"})
    void everyFrameFormPassesTheLook(String frame) {
        assertThat(LineParser.isFrame(frame, ConsoleFormat.GENERIC) || LineParser.isFrame(frame, ConsoleFormat.CHROME))
                .as(frame).isTrue();
        assertThat(LineParser.mayBeFrame(frame)).as(frame).isTrue();
    }

    @Test
    void appLinesAreRuledOutWithoutThePatterns() {
        assertThat(LineParser.mayBeFrame("2025-03-01 09:00:07,910 INFO app.worker: processed batch 1 in 4 ms"))
                .isFalse();
        assertThat(LineParser.mayBeFrame("Traceback (most recent call last):")).isFalse();
    }

    @Test
    void noLineOfTheCorporaOrTheSamplesIsAFrameTheLookMisses() {
        List<String> lines = Corpus.consoleAndSampleLines();
        int frames = 0;
        for (String line : lines) {
            for (ConsoleFormat format : ConsoleFormat.values()) {
                if (framePatterns(line, format)) {
                    frames++;
                    assertThat(LineParser.mayBeFrame(line)).as(line).isTrue();
                }
            }
        }
        assertThat(frames).isGreaterThan(100);
    }

    @Test
    void randomLinesNeverMatchAFramePatternTheLookRulesOut() {
        String[] pieces = {" ", "\t", "at ", "a", "fn", "@", " @ ", "https://x.example/a.js", ":1", ":12:3", "(", ")",
            " (async)", "\u2014 ", "Promise.all", "setTimeout", "<init>", "\"use server\"", "[native code]",
            "global code", "x", "2025-03-01 ", "INFO ", "await in ", "requestIdleCallback", "."};
        Random random = new Random(5);
        int frames = 0;
        for (int n = 0; n < 50_000; n++) {
            StringBuilder b = new StringBuilder();
            for (int k = 1 + random.nextInt(6); k > 0; k--) {
                b.append(pieces[random.nextInt(pieces.length)]);
            }
            String line = b.toString();
            for (ConsoleFormat format : ConsoleFormat.values()) {
                if (framePatterns(line, format)) {
                    frames++;
                    assertThat(LineParser.mayBeFrame(line)).as(line).isTrue();
                }
            }
        }
        assertThat(frames).isGreaterThan(1000);
    }

    /** The patterns alone, as {@link LineParser#isFrame} asked them before the look. */
    private static boolean framePatterns(String line, ConsoleFormat format) {
        return LineParser.framePatterns(line, format);
    }
}
