package dev.triagedesk.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.triagedesk.storage.MissingEvidenceException;
import dev.triagedesk.storage.StorageProperties;
import dev.triagedesk.storage.StoredFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Random;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.util.unit.DataSize;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** Evidence in a real S3-compatible server (S3Proxy, in memory), written in parts and visible only when whole. */
class S3EvidenceStorageTests {

    private static final int PART = 5 * 1024 * 1024;

    @RegisterExtension
    final S3ProxyExtension s3proxy = S3ProxyExtension.builder().withBlobStoreProvider("transient")
            .withCredentials(AuthenticationType.AWS_V2_OR_V4, "test-access", "test-secret").build();

    private S3EvidenceStorage storage;
    private S3Client client;

    @BeforeEach
    void connect() {
        storage = S3EvidenceStorage.connect(new StorageProperties.S3(s3proxy.getUri(), "us-east-1", "evidence",
                "triage/", s3proxy.getAccessKey(), s3proxy.getSecretKey(), true, DataSize.ofBytes(PART), true));
        client = S3Client.builder().endpointOverride(s3proxy.getUri()).region(Region.US_EAST_1).forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        s3proxy.getAccessKey(), s3proxy.getSecretKey()))).build();
    }

    @AfterEach
    void close() {
        storage.close();
        client.close();
    }

    @Test
    void aFileOfSeveralPartsAppearsOnlyWhenWholeAndClosed() throws Exception {
        byte[] content = new byte[2 * PART + 12345];
        new Random(7).nextBytes(content);
        try (OutputStream out = storage.create("7/3-capture.har")) {
            // written in odd slices, as the engine writes
            for (int off = 0; off < content.length; off += 100_003) {
                out.write(content, off, Math.min(100_003, content.length - off));
            }
            assertThat(storage.exists("7/3-capture.har")).as("visible before it is complete").isFalse();
            assertThat(openUploads()).isEqualTo(1);
        }
        assertThat(storage.exists("7/3-capture.har")).isTrue();
        assertThat(storage.size("7/3-capture.har")).isEqualTo(content.length);
        try (InputStream in = storage.open("7/3-capture.har")) {
            assertThat(digest(in.readAllBytes())).isEqualTo(digest(content));
        }
        assertThat(openUploads()).isZero();
        assertThat(client.headObject(b -> b.bucket("evidence").key("triage/7/3-capture.har")).contentLength())
                .as("stored under the prefix").isEqualTo(content.length);
    }

    @Test
    void aSmallFileIsOneObjectAndReplacesTheOldCopy() throws IOException {
        write("7/4-console.log", "first");
        write("7/4-console.log", "second copy");
        try (InputStream in = storage.open("7/4-console.log")) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("second copy");
        }
        write("8/1-empty.log", "");
        assertThat(storage.size("8/1-empty.log")).isZero();
        assertThat(storage.list()).extracting(StoredFile::location)
                .containsExactlyInAnyOrder("7/4-console.log", "8/1-empty.log");
        storage.delete("7/4-console.log");
        assertThat(storage.exists("7/4-console.log")).isFalse();
    }

    @Test
    void anAbortedUploadLeavesNothingBehind() throws IOException {
        MultipartUploadStream out = (MultipartUploadStream) storage.create("9/1-capture.har");
        out.write(new byte[PART + 10]);
        assertThat(openUploads()).isEqualTo(1);
        out.abort(new IOException("the engine failed"));
        assertThatThrownBy(out::close).isInstanceOf(IOException.class);
        assertThat(storage.exists("9/1-capture.har")).isFalse();
        assertThat(openUploads()).isZero();
    }

    @Test
    void aMissingFileIsAnErrorThatNamesIt() {
        assertThatThrownBy(() -> storage.open("1/2-gone.har")).isInstanceOf(MissingEvidenceException.class)
                .hasMessageContaining("1/2-gone.har");
        assertThatThrownBy(() -> storage.size("1/2-gone.har")).isInstanceOf(UncheckedIOException.class)
                .hasCauseInstanceOf(MissingEvidenceException.class);
        assertThat(storage.exists("1/2-gone.har")).isFalse();
    }

    @Test
    void aLocationCannotLeaveThePrefix() {
        assertThatThrownBy(() -> storage.create("../other/x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> storage.open("/abs")).isInstanceOf(IllegalArgumentException.class);
    }

    private void write(String location, String text) throws IOException {
        try (OutputStream out = storage.create(location)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    private int openUploads() {
        return client.listMultipartUploads(b -> b.bucket("evidence")).uploads().size();
    }

    private static byte[] digest(byte[] bytes) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(bytes);
    }
}
