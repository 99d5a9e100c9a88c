package dev.triagedesk.evidence.har;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triagedesk.evidence.redact.LeftoverScan;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A held unit (lenient reads hold each entry back until it is complete) hands its base64 literals to the leftover
 * scan the cheap way on commit, as an unheld write does. The tell: a Google API key shape is spelled in base64's
 * alphabet, so a literal checked as base64 is not searched for it, while the same bytes written as text are.
 */
class UnitBufferTests {

    /** "AIza" and 35 more characters: the shape of a Google API key, and also a base64 literal. */
    private static final String KEY_SHAPE = "AIza" + "SyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q";
    private static final byte[] LITERAL = ("\"" + KEY_SHAPE + "\"").getBytes(StandardCharsets.US_ASCII);

    @Test
    void aHeldUnitPassesItsBase64LiteralsOnAsTheyCameAndCheapToScan() throws IOException {
        LeftoverScan scan = new LeftoverScan();
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        LeftoverScan.ScanningStream out = scan.wrap(sink);
        UnitBuffer units = new UnitBuffer(out);
        units.begin();
        units.write(ascii("{\"text\":"));
        assertThat(units.writeBase64Literal(LITERAL, LITERAL.length)).isTrue();
        units.write(ascii(",\"other\":"));
        assertThat(units.writeBase64Literal(LITERAL, LITERAL.length)).isTrue();
        units.write(ascii("}"));
        units.commit();
        out.close();
        String expected = "{\"text\":" + new String(LITERAL, StandardCharsets.US_ASCII) + ",\"other\":"
                + new String(LITERAL, StandardCharsets.US_ASCII) + "}";
        assertThat(sink.toString(StandardCharsets.US_ASCII)).isEqualTo(expected);
        assertThat(scan.findings()).as("checked as base64, not searched for shapes").isEmpty();
        assertThat(LeftoverScan.check(expected)).as("the same bytes searched as text").isNotEmpty();
    }

    @Test
    void aLiteralThatIsNotBase64IsRefusedAndNothingIsWritten() throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        LeftoverScan scan = new LeftoverScan();
        UnitBuffer units = new UnitBuffer(scan.wrap(sink));
        byte[] text = ascii("\"sessionid=abcdefghijklmnop\"");
        units.begin();
        assertThat(units.writeBase64Literal(text, text.length)).isFalse();
        units.commit();
        assertThat(units.writeBase64Literal(text, text.length)).as("not holding").isFalse();
        assertThat(sink.size()).isZero();
    }

    @Test
    void aDiscardedUnitForgetsItsLiterals() throws IOException {
        LeftoverScan scan = new LeftoverScan();
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        LeftoverScan.ScanningStream out = scan.wrap(sink);
        UnitBuffer units = new UnitBuffer(out);
        units.begin();
        units.write(ascii("{\"half\":"));
        units.writeBase64Literal(LITERAL, LITERAL.length);
        units.discard();
        units.begin();
        units.write(ascii("[1,2,3]"));
        units.commit();
        out.close();
        assertThat(sink.toString(StandardCharsets.US_ASCII)).isEqualTo("[1,2,3]");
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
