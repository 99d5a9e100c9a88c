package dev.triagedesk.storage.s3;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * Streams one object to S3: the bytes gather in a buffer of one part, each full part is uploaded as it fills, and
 * closing completes the upload, which is when the object appears under its key (replacing what was there). A file
 * smaller than one part goes in one plain request on close. Any failure aborts the upload: its parts are dropped
 * and nothing appears. Memory stays at one part whatever the file's size.
 */
final class MultipartUploadStream extends OutputStream {

    private final S3Client s3;
    private final String bucket;
    private final String key;
    private final byte[] buffer;
    private final List<CompletedPart> parts = new ArrayList<>();
    private int filled;
    private String uploadId;
    private boolean closed;
    private boolean failed;

    MultipartUploadStream(S3Client s3, String bucket, String key, int partSize) {
        this.s3 = s3;
        this.bucket = bucket;
        this.key = key;
        this.buffer = new byte[partSize];
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (closed || failed) {
            throw new IOException("the upload of " + key + " is " + (failed ? "aborted" : "closed"));
        }
        while (len > 0) {
            int n = Math.min(len, buffer.length - filled);
            System.arraycopy(b, off, buffer, filled, n);
            filled += n;
            off += n;
            len -= n;
            if (filled == buffer.length) {
                uploadPart();
            }
        }
    }

    private void uploadPart() throws IOException {
        try {
            if (uploadId == null) {
                uploadId = s3.createMultipartUpload(r -> r.bucket(bucket).key(key)).uploadId();
            }
            int number = parts.size() + 1;
            // the buffer is read in place (no copy), and again from its start should the SDK retry
            String etag = s3.uploadPart(r -> r.bucket(bucket).key(key).uploadId(uploadId).partNumber(number),
                    RequestBody.fromInputStream(new ByteArrayInputStream(buffer, 0, filled), filled)).eTag();
            parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
            filled = 0;
        } catch (RuntimeException e) {
            abort(e);
            throw new IOException("could not upload a part of " + key + ": " + e.getMessage(), e);
        }
    }

    /** Completes the object; on failure nothing appears under its key. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (failed) {
            throw new IOException("the upload of " + key + " was aborted");
        }
        try {
            if (uploadId == null) {
                s3.putObject(r -> r.bucket(bucket).key(key).contentLength((long) filled),
                        RequestBody.fromInputStream(new ByteArrayInputStream(buffer, 0, filled), filled));
                return;
            }
            if (filled > 0) {
                uploadPart();
            }
            s3.completeMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(uploadId)
                    .multipartUpload(m -> m.parts(parts)));
        } catch (RuntimeException e) {
            abort(e);
            throw new IOException("could not store " + key + ": " + e.getMessage(), e);
        }
    }

    /** Drops what was uploaded so far; the object never appears. Used when writing the copy failed. */
    void abort(Exception cause) {
        failed = true;
        if (uploadId != null) {
            try {
                s3.abortMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(uploadId));
            } catch (RuntimeException e) {
                // housekeeping aborts what is left over (S3EvidenceStorage.tidy)
                cause.addSuppressed(e);
            }
        }
    }
}
