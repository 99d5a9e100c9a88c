package dev.triagedesk.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.triagedesk.system.TriageProperties;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/** Files written for evidence rows: kept when their transaction commits, gone when it rolls back. */
class EvidenceStorageTests {

    @TempDir
    Path dataDir;

    private LocalEvidenceStorage storage() {
        return new LocalEvidenceStorage(new TriageProperties(dataDir, new TriageProperties.Upload(null, 50, null), 2000, ""));
    }

    private static void write(EvidenceStorage storage, String location) {
        try (OutputStream out = storage.create(location)) {
            out.write("{}".getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aFileAppearsUnderItsNameOnlyWhenWholeAndWritten() throws IOException {
        LocalEvidenceStorage storage = storage();
        Path folder;
        try (OutputStream out = storage.create("7/3-capture.har")) {
            out.write("{\"log\":".getBytes(StandardCharsets.UTF_8));
            assertThat(storage.exists("7/3-capture.har")).as("not there while being written").isFalse();
            folder = storage.resolve("7/3-capture.har").getParent();
            assertThat(java.nio.file.Files.list(folder).toList()).singleElement()
                    .satisfies(p -> assertThat(p.getFileName().toString()).endsWith(EvidenceStorage.TEMPORARY_SUFFIX));
            out.write("{}}".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(storage.resolve("7/3-capture.har")).hasContent("{\"log\":{}}");
        assertThat(java.nio.file.Files.list(folder).toList()).as("no temporary file left").hasSize(1);
    }

    /**
     * A file larger than the stretch after which what was written is forced to the disk in the background, written
     * in pieces of every size while those forces run: it appears whole, byte for byte, and only once closed.
     */
    @Test
    void aLargeFileForcedToTheDiskWhileItIsWrittenAppearsWhole() throws Exception {
        LocalEvidenceStorage storage = storage();
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        java.security.MessageDigest written = java.security.MessageDigest.getInstance("SHA-256");
        long size = 3 * RenamedOnClose.FORCE_EVERY + 12_345;
        byte[] piece = new byte[1 << 20];
        try (OutputStream out = storage.create("8/1-large.har")) {
            for (long left = size; left > 0; ) {
                int n = (int) Math.min(left, 1 + random.nextInt(piece.length));
                for (int i = 0; i < n; i++) {
                    piece[i] = (byte) random.nextInt();
                }
                if (n == 1) {
                    out.write(piece[0]);
                } else {
                    out.write(piece, 0, n);
                }
                written.update(piece, 0, n);
                left -= n;
            }
            assertThat(storage.exists("8/1-large.har")).as("not there while being written").isFalse();
        }
        Path file = storage.resolve("8/1-large.har");
        assertThat(java.nio.file.Files.size(file)).isEqualTo(size);
        java.security.MessageDigest read = java.security.MessageDigest.getInstance("SHA-256");
        try (var in = java.nio.file.Files.newInputStream(file)) {
            for (int n = in.read(piece); n > 0; n = in.read(piece)) {
                read.update(piece, 0, n);
            }
        }
        assertThat(read.digest()).isEqualTo(written.digest());
        assertThat(java.nio.file.Files.list(file.getParent()).toList()).as("no temporary file left").hasSize(1);
    }

    @Test
    void aFileWrittenInATransactionThatRollsBackIsDeleted() {
        LocalEvidenceStorage storage = storage();
        TransactionTemplate transaction = new TransactionTemplate(new RowlessTransactions());
        transaction.executeWithoutResult(status -> {
            write(storage, "7/1-capture.har");
            assertThat(storage.exists("7/1-capture.har")).as("there while the transaction runs").isTrue();
            status.setRollbackOnly();
        });
        assertThat(storage.exists("7/1-capture.har")).isFalse();
    }

    @Test
    void aFileWrittenInATransactionThatFailsIsDeleted() {
        LocalEvidenceStorage storage = storage();
        TransactionTemplate transaction = new TransactionTemplate(new RowlessTransactions());
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            write(storage, "7/2-console.log");
            throw new IllegalStateException("the database refused the row");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(storage.exists("7/2-console.log")).isFalse();
    }

    @Test
    void aFileWrittenInATransactionThatCommitsOrOutsideOneIsKept() {
        LocalEvidenceStorage storage = storage();
        new TransactionTemplate(new RowlessTransactions()).executeWithoutResult(status -> write(storage, "7/3-a.har"));
        write(storage, "7/4-b.har");
        assertThat(storage.exists("7/3-a.har")).isTrue();
        assertThat(storage.exists("7/4-b.har")).isTrue();
    }

    @Test
    void aLocationCannotLeaveTheEvidenceFolder() {
        assertThatThrownBy(() -> storage().create("../redaction.key")).isInstanceOf(IllegalArgumentException.class);
    }

    /** Transactions with synchronizations and nothing else: what a storage needs to see commit and rollback. */
    static final class RowlessTransactions extends AbstractPlatformTransactionManager {
        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
        }
    }
}
