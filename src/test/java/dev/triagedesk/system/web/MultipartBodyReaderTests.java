package dev.triagedesk.system.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.tomcat.util.http.fileupload.FileItem;
import org.apache.tomcat.util.http.fileupload.FileUpload;
import org.apache.tomcat.util.http.fileupload.disk.DiskFileItemFactory;
import org.apache.tomcat.util.http.fileupload.impl.FileCountLimitExceededException;
import org.apache.tomcat.util.http.fileupload.impl.SizeLimitExceededException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MultipartBodyReaderTests {

    private static final String BOUNDARY = "f5sJ-Y2Ob_kQpMw9rTzA3xWc";

    @TempDir
    Path spool;

    @Test
    void everyPartComesOutByteForByteWhateverTheReadSizesAndBoundaryLookalikesInTheContent() throws IOException {
        Random random = new Random(11);
        for (int round = 0; round < 200; round++) {
            byte[] file = lookalikes(random, random.nextInt(3 * 65536));
            String text = "{\"product\":\"api\",\"description\":\"r" + round + " ünïcödé\"}";
            byte[] body = body(part("report", null, "application/json", text.getBytes(StandardCharsets.UTF_8)),
                    part("har", "capture " + round + ".har", "application/octet-stream", file));
            List<FileItem> items = reader(1 << 10, -1, 50).read(new Trickle(body, random), contentType(), body.length, StandardCharsets.UTF_8);
            assertThat(items).hasSize(2);
            assertThat(items.get(0).getFieldName()).isEqualTo("report");
            assertThat(items.get(0).isFormField()).isTrue();
            assertThat(items.get(0).getString("UTF-8")).isEqualTo(text);
            assertThat(items.get(1).getFieldName()).isEqualTo("har");
            assertThat(items.get(1).isFormField()).isFalse();
            assertThat(items.get(1).getContentType()).isEqualTo("application/octet-stream");
            assertThat(items.get(1).get()).as("round %d", round).isEqualTo(file);
            items.forEach(FileItem::delete);
        }
        assertThat(spool).isEmptyDirectory();
    }

    @Test
    void aBodyCutOffBeforeItsClosingBoundaryIsRefusedAndNothingIsLeftInTheSpool() throws IOException {
        byte[] file = new byte[300_000];
        new Random(3).nextBytes(file);
        byte[] body = body(part("har", "a.har", "application/json", file));
        byte[] cut = Arrays.copyOf(body, body.length - 100);
        assertThatThrownBy(() -> reader(1024, -1, 50).read(new ByteArrayInputStream(cut), contentType(), cut.length, StandardCharsets.UTF_8))
                .isInstanceOf(IOException.class);
        assertThat(spool).isEmptyDirectory();
    }

    @Test
    void theLimitsAreRefusedAsTomcatRefusesThem() throws IOException {
        byte[] body = body(part("a", null, null, "1".getBytes()), part("b", null, null, "2".getBytes()),
                part("c", null, null, "3".getBytes()));
        assertThatThrownBy(() -> reader(1024, -1, 2).read(new ByteArrayInputStream(body), contentType(), body.length, StandardCharsets.UTF_8))
                .isInstanceOf(FileCountLimitExceededException.class);
        assertThatThrownBy(() -> reader(1024, 100, 50).read(new ByteArrayInputStream(body), contentType(), -1, StandardCharsets.UTF_8))
                .isInstanceOf(SizeLimitExceededException.class);
        byte[] longName = body(part("a", "n".repeat(20_000) + ".har", null, "1".getBytes()));
        assertThatThrownBy(() -> reader(1024, -1, 50).read(new ByteArrayInputStream(longName), contentType(), -1, StandardCharsets.UTF_8))
                .hasMessageStartingWith("Header section has more than");
        assertThat(spool).isEmptyDirectory();
    }

    @Test
    void aFileNameWithControlCharactersIsKeptAsSent() throws IOException {
        byte[] body = body(part("har", "a\u0000b\u0007.har", null, "{}".getBytes()));
        List<FileItem> items = reader(1024, -1, 50).read(new ByteArrayInputStream(body), contentType(), body.length, StandardCharsets.UTF_8);
        assertThat(items).hasSize(1);
        assertThat(new FileUpload().getFileName(items.get(0).getHeaders())).isEqualTo("a\u0000b\u0007.har");
        items.forEach(FileItem::delete);
    }

    private MultipartBodyReader reader(int threshold, long maxRequest, int maxParts) {
        DiskFileItemFactory factory = new DiskFileItemFactory();
        factory.setRepository(spool.toFile());
        factory.setSizeThreshold(threshold);
        return new MultipartBodyReader(factory, new FileUpload(), maxRequest, maxParts, 16 * 1024);
    }

    private static String contentType() {
        return "multipart/form-data;boundary=" + BOUNDARY + ";charset=UTF-8";
    }

    /**
     * Random bytes with line breaks, dashes and pieces of the delimiter, the shapes a boundary search trips on, but
     * never the whole delimiter (which would end the part: a client picks a boundary its content does not hold).
     */
    private static byte[] lookalikes(Random random, int size) {
        byte[] delimiter = ("\r\n--" + BOUNDARY).getBytes(StandardCharsets.US_ASCII);
        while (true) {
            byte[] out = pieces(random, size);
            if (!new String(out, StandardCharsets.ISO_8859_1).contains(new String(delimiter, StandardCharsets.ISO_8859_1))) {
                return out;
            }
        }
    }

    private static byte[] pieces(Random random, int size) {
        byte[] out = new byte[size];
        byte[] near = ("\r\n--" + BOUNDARY).getBytes(StandardCharsets.US_ASCII);
        int i = 0;
        while (i < size) {
            if (random.nextInt(50) == 0) {
                int n = Math.min(size - i, 1 + random.nextInt(near.length - 1));
                System.arraycopy(near, 0, out, i, n);
                i += n;
            } else {
                out[i++] = (byte) random.nextInt(256);
            }
        }
        return out;
    }

    private static byte[] part(String name, String fileName, String contentType, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringBuilder head = new StringBuilder("Content-Disposition: form-data; name=\"" + name + "\"");
        if (fileName != null) {
            head.append("; filename=\"").append(fileName).append('"');
        }
        head.append("\r\n");
        if (contentType != null) {
            head.append("Content-Type: ").append(contentType).append("\r\n");
        }
        out.writeBytes(head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static byte[] body(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(("--" + BOUNDARY + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(p);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /** A body arriving in reads of random sizes, down to one byte, as a network gives it. */
    private static final class Trickle extends FilterInputStream {
        private final Random random;

        Trickle(byte[] body, Random random) {
            super(new ByteArrayInputStream(body));
            this.random = random;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return super.read(b, off, Math.min(len, 1 + random.nextInt(random.nextBoolean() ? 70 : 9000)));
        }
    }
}
