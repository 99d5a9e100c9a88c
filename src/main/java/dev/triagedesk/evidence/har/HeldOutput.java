package dev.triagedesk.evidence.har;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The sanitized second half of a split HAR (or SDK log), held until the first half is written: the first megabytes
 * in memory, the rest in a temporary file. Public for the engine's other split readers.
 */
public final class HeldOutput extends OutputStream {

    private static final int BLOCK = 256 << 10;
    /**
     * Held in the heap only up to this: young collections copied 100 MB of held blocks again and again, and
     * humongous blocks set off concurrent cycles; a temporary file costs less than either.
     */
    private static final long IN_MEMORY = 8L << 20;

    private final long memoryLimit;
    private final List<byte[]> blocks = new ArrayList<>();
    private int lastFill = BLOCK;
    private long inMemory;
    private Path file;
    private OutputStream spill;
    private long spilled;

    public HeldOutput() {
        this(IN_MEMORY);
    }

    HeldOutput(long memoryLimit) {
        this.memoryLimit = memoryLimit;
    }

    /** Whether part of it is in a temporary file. */
    boolean spilled() {
        return spill != null;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int n) throws IOException {
        if (spill == null && inMemory + n > memoryLimit) {
            file = Files.createTempFile("triage-half", ".har.part");
            spill = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        }
        if (spill != null) {
            spill.write(b, off, n);
            spilled += n;
            return;
        }
        inMemory += n;
        while (n > 0) {
            if (lastFill == BLOCK) {
                blocks.add(new byte[BLOCK]);
                lastFill = 0;
            }
            int take = Math.min(n, BLOCK - lastFill);
            System.arraycopy(b, off, blocks.get(blocks.size() - 1), lastFill, take);
            lastFill += take;
            off += take;
            n -= take;
        }
    }

    public long length() {
        return inMemory + spilled;
    }

    /** Everything written, from the start: the blocks in memory, then the file. */
    public InputStream read() throws IOException {
        List<InputStream> parts = new ArrayList<>(blocks.size() + 1);
        for (int i = 0; i < blocks.size(); i++) {
            parts.add(new ByteArrayInputStream(blocks.get(i), 0, i == blocks.size() - 1 ? lastFill : BLOCK));
        }
        if (spill != null) {
            spill.flush();
            parts.add(new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16));
        }
        return new SequenceInputStream(Collections.enumeration(parts));
    }

    /**
     * As {@link #discard()}, but the temporary file is deleted by a thread of its own: freeing 100 MB of written
     * pages takes the file system longer than reading them back, and the reader is done with them. The thread is
     * not a daemon, so a command that exits at once still leaves no file behind.
     */
    public void discardInBackground() {
        if (spill == null) {
            discard();
            return;
        }
        OutputStream stream = spill;
        Path path = file;
        spill = null;
        file = null;
        discard();
        Thread cleanup = new Thread(() -> {
            try {
                stream.close();
                Files.deleteIfExists(path);
            } catch (IOException ignored) {
                // a leftover temporary file is the most that can happen: it holds sanitized output only
            }
        }, "triage-held-output-cleanup");
        cleanup.start();
    }

    /** Drops what is held (the temporary file too). */
    public void discard() {
        blocks.clear();
        inMemory = 0;
        lastFill = BLOCK;
        if (spill != null) {
            try {
                spill.close();
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                spill = null;
                file = null;
            }
        }
    }
}
