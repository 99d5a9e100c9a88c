package dev.triagedesk.evidence.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineReaderTests {

    @Test
    void keepsEveryKindOfLineEndingEvenWhenReadsSplitThem() throws IOException {
        String text = "a\r\nb\rc\n\nd";
        // one char per read puts every "\r\n" across a buffer refill
        List<LineReader.Line> lines = all(new LineReader(new OneCharReader(text), 1 << 20));

        assertThat(lines).containsExactly(new LineReader.Line("a", "\r\n", false), new LineReader.Line("b", "\r", false),
                new LineReader.Line("c", "\n", false), new LineReader.Line("", "\n", false),
                new LineReader.Line("d", "", false));
    }

    @Test
    void aTrailingBreakMakesNoExtraLine() throws IOException {
        assertThat(all(new LineReader(new StringReader("x\n"), 1 << 20)))
                .containsExactly(new LineReader.Line("x", "\n", false));
        assertThat(all(new LineReader(new StringReader("x\r"), 1 << 20)))
                .containsExactly(new LineReader.Line("x", "\r", false));
        assertThat(all(new LineReader(new StringReader(""), 1 << 20))).isEmpty();
    }

    @Test
    void readsTheDetectionHeadBeforeTheRestOfTheReader() throws IOException {
        char[] head = "first\nsec".toCharArray();
        List<LineReader.Line> lines = all(new LineReader(new StringReader("ond\nthird"), head, head.length, 1 << 20));

        assertThat(lines).extracting(LineReader.Line::text).containsExactly("first", "second", "third");
    }

    @Test
    void cutsAnOverlongLineAfterASeparatorAndLosesNothing() throws IOException {
        String token = "t".repeat(100);
        String line = ("word ".repeat(3000) + token + " ").repeat(3);
        List<LineReader.Line> pieces = all(new LineReader(new StringReader(line + "\nnext"), 16_384));

        assertThat(pieces.size()).isGreaterThan(3);
        assertThat(pieces.subList(0, pieces.size() - 2)).allSatisfy(p -> {
            assertThat(p.continues()).isTrue();
            assertThat(p.text()).hasSizeLessThanOrEqualTo(16_384).endsWith(" ");
        });
        StringBuilder joined = new StringBuilder();
        pieces.subList(0, pieces.size() - 1).forEach(p -> joined.append(p.text()));
        assertThat(joined.toString()).isEqualTo(line);
        assertThat(pieces.get(pieces.size() - 2).ending()).isEqualTo("\n");
        assertThat(pieces.get(pieces.size() - 1)).isEqualTo(new LineReader.Line("next", "", false));
    }

    @Test
    void skippingTheRestOfAnOverlongLineGivesItsFirstPieceThenTheNextLine() throws IOException {
        String line = "word ".repeat(10_000);
        LineReader r = new LineReader(new StringReader("first\n" + line + "\nnext\n" + line), 16_384);

        assertThat(r.nextSkippingRest().text()).isEqualTo("first");
        LineReader.Line head = r.nextSkippingRest();
        assertThat(head.continues()).isTrue();
        assertThat(line).startsWith(head.text());
        assertThat(r.nextSkippingRest()).isEqualTo(new LineReader.Line("next", "\n", false));
        assertThat(line).startsWith(r.nextSkippingRest().text());
        assertThat(r.nextSkippingRest()).isNull();
    }

    @Test
    void aLineOfExactlyTheLimitIsCutAsBefore() throws IOException {
        String line = "x".repeat(16_384);
        List<LineReader.Line> pieces = all(new LineReader(new StringReader(line + "\nnext"), 16_384));

        assertThat(pieces).containsExactly(new LineReader.Line(line, "", true), new LineReader.Line("", "\n", false),
                new LineReader.Line("next", "", false));
    }

    private static List<LineReader.Line> all(LineReader r) throws IOException {
        List<LineReader.Line> out = new ArrayList<>();
        for (LineReader.Line l = r.next(); l != null; l = r.next()) {
            out.add(l);
        }
        return out;
    }

    private static final class OneCharReader extends Reader {
        private final String text;
        private int pos;

        OneCharReader(String text) {
            this.text = text;
        }

        @Override
        public int read(char[] buf, int off, int len) {
            if (pos == text.length()) {
                return -1;
            }
            buf[off] = text.charAt(pos++);
            return 1;
        }

        @Override
        public void close() {
        }
    }
}
