package dev.triagedesk.evidence.input;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;

/** Re-encodes UTF-16 text (some Windows tools save logs that way) as UTF-8, so every reader sees one encoding. */
final class Utf16ToUtf8InputStream extends InputStream {

    private final Reader reader;
    private final CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder();
    private final CharBuffer chars = CharBuffer.allocate(8192);
    private final ByteBuffer bytes = ByteBuffer.allocate(8192 * 3);
    private boolean eof;

    Utf16ToUtf8InputStream(InputStream utf16) {
        this.reader = new InputStreamReader(utf16, StandardCharsets.UTF_16);
        chars.flip();
        bytes.flip();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        while (!bytes.hasRemaining()) {
            if (eof && !chars.hasRemaining()) {
                return -1;
            }
            fill();
        }
        int n = Math.min(len, bytes.remaining());
        bytes.get(b, off, n);
        return n;
    }

    private void fill() throws IOException {
        chars.compact();
        int r = eof ? -1 : reader.read(chars);
        if (r < 0) {
            eof = true;
        }
        chars.flip();
        bytes.clear();
        CoderResult result = encoder.encode(chars, bytes, eof);
        if (result.isError()) {
            result.throwException();
        }
        if (eof) {
            encoder.flush(bytes);
        }
        bytes.flip();
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
