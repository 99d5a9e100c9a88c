package dev.triagedesk.evidence.input;

import java.io.IOException;
import java.io.InputStream;

/**
 * One readable document: a plain file, or a member of an archive. {@link #open()} gives its decoded bytes
 * (decompressed, the JSONP prefix skipped) each time it is called, so a document can be read twice (for example
 * analyzed, then sanitized) without being held in memory.
 *
 * @param name the file name, {@code bundle.zip!/capture.har} for archive members
 * @param format what the content is
 * @param packaging how it was packed: {@code plain}, {@code gzip} or {@code zip}
 * @param rawFile the file whose bytes {@link #open()} returns unchanged from {@code rawOffset} on, when there is
 *                one (a plain UTF-8 file); lets the HAR processor copy large bodies byte for byte. Null otherwise.
 */
public record EvidenceDocument(String name, EvidenceFormat format, String packaging, Opener opener,
                               java.nio.file.Path rawFile, long rawOffset) {

    /** Opens the decoded content. */
    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }

    public InputStream open() throws IOException {
        return opener.open();
    }
}
