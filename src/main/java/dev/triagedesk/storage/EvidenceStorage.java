package dev.triagedesk.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;

/**
 * Where sanitized evidence files live, addressed by a relative location such as {@code 7/3-capture.har} (made by
 * {@link #newLocation}; a file name from an upload is never used as a path).
 *
 * <p>Two implementations: {@link LocalEvidenceStorage}, a folder in the data folder (the default, one instance), and
 * {@link dev.triagedesk.storage.s3.S3EvidenceStorage}, a bucket of S3-compatible object storage shared by several
 * instances ({@code triage.storage.type=s3}). Both keep the same promises:
 * <ul>
 * <li>a file becomes visible under its location only once it was written whole (closing the stream from
 *     {@link #create}); a crash while writing leaves nothing under that location;</li>
 * <li>a file written inside a transaction that rolls back is deleted again;</li>
 * <li>a location a row names but the store lacks is an error ({@link MissingEvidenceException}), never an empty
 *     or silently skipped file.</li>
 * </ul>
 */
public interface EvidenceStorage {

    /** Ends the name of a local file still being written; never the name of a location. */
    String TEMPORARY_SUFFIX = ".writing";

    /**
     * Opens a location for writing, replacing what was there (the engine may write a copy twice) when the stream is
     * closed. Inside a transaction the file is deleted again should the transaction roll back.
     */
    OutputStream create(String location);

    /** The stored file; {@link MissingEvidenceException} when the store has nothing under the location. */
    InputStream open(String location) throws IOException;

    /** Its size in bytes; {@link MissingEvidenceException} (unchecked here) when the store lacks it. */
    long size(String location);

    boolean exists(String location);

    void delete(String location);

    /** Every file stored now (for housekeeping), with when it was last written. */
    List<StoredFile> list();

    /**
     * True when other instances write to the same store: housekeeping then leaves young files alone even at
     * start-up, as another instance may be writing them for a row not yet committed.
     */
    boolean shared();

    /** What housekeeping may tidy beyond unnamed files (a local folder's empty sub-folders); nothing by default. */
    default void tidy(java.time.Instant staleBefore) {
    }

    /** A new relative location for a file of {@code ticketId}, keeping a safe form of the original name. */
    default String newLocation(long ticketId, long evidenceId, String originalName, String suffix) {
        String name = safeName(originalName);
        // "capture.har" stays "capture.har", not "capture.har.har"
        boolean hasSuffix = name.toLowerCase(Locale.ROOT).endsWith(suffix.toLowerCase(Locale.ROOT));
        return ticketId + "/" + evidenceId + "-" + name + (hasSuffix ? "" : suffix);
    }

    /** Letters, digits, dot, dash and underscore only; at most 80 characters; never empty. */
    static String safeName(String name) {
        String base = name == null ? "" : name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        StringBuilder sb = new StringBuilder();
        for (char c : base.toCharArray()) {
            sb.append(Character.isLetterOrDigit(c) && c < 128 || c == '.' || c == '-' || c == '_' ? c : '_');
        }
        String s = sb.toString().replaceAll("^\\.+", "");
        if (s.length() > 80) {
            s = s.substring(s.length() - 80);
        }
        return s.isEmpty() ? "file" : s.toLowerCase(Locale.ROOT);
    }

    /**
     * Checks a location: relative, made of {@code /}-separated names none of which is empty, {@code .} or
     * {@code ..}, so it can never leave the folder or prefix it is stored under.
     */
    static String checked(String location) {
        if (location == null || location.isEmpty() || location.startsWith("/") || location.contains("\\")) {
            throw new IllegalArgumentException("not an evidence location: " + location);
        }
        for (String part : location.split("/", -1)) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                throw new IllegalArgumentException("location outside the evidence store: " + location);
            }
        }
        return location;
    }
}
