package dev.triagedesk.storage;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Writes a file under a temporary name in its folder; closing it forces the bytes to the disk and renames it into
 * place in one step. Whoever opens the final name sees the whole file or none: a crash while writing leaves only
 * the temporary file (its name ends with {@link EvidenceStorage#TEMPORARY_SUFFIX}).
 */
final class RenamedOnClose extends OutputStream {

    private final Path target;
    private final Path temporary;
    private final FileChannel channel;
    private final OutputStream out;
    private boolean closed;

    RenamedOnClose(Path target) throws IOException {
        this.target = target;
        this.temporary = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID()
                + EvidenceStorage.TEMPORARY_SUFFIX);
        this.channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        this.out = Channels.newOutputStream(channel);
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        // Channels' stream writes whole arrays without copying them; a ByteBuffer keeps that for slices too
        while (len > 0) {
            int n = channel.write(ByteBuffer.wrap(b, off, len));
            off += n;
            len -= n;
        }
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        boolean moved = false;
        try {
            channel.force(true);
            channel.close();
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } finally {
            if (!moved) {
                channel.close();
                Files.deleteIfExists(temporary);
            }
        }
    }
}
