package dev.triagedesk.storage.s3;

import dev.triagedesk.storage.DeletedOnRollback;
import dev.triagedesk.storage.EvidenceStorage;
import dev.triagedesk.storage.MissingEvidenceException;
import dev.triagedesk.storage.StorageProperties;
import dev.triagedesk.storage.StoredFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Evidence in a bucket of S3-compatible object storage, shared by every instance. A file is streamed to the bucket
 * as it is written ({@link MultipartUploadStream}: one part in memory at a time) and appears under its key only when
 * the upload is completed, on close; a failed or abandoned upload is aborted, never completed, so no half object
 * ever stands under a key a row names.
 */
public final class S3EvidenceStorage implements EvidenceStorage, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(S3EvidenceStorage.class);
    /** S3's smallest part but the last. */
    private static final int MIN_PART = 5 * 1024 * 1024;

    private final S3Client s3;
    private final String bucket;
    private final String prefix;
    private final int partSize;

    S3EvidenceStorage(S3Client s3, String bucket, String prefix, int partSize) {
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix;
        this.partSize = Math.max(MIN_PART, partSize);
    }

    /** A client for the settings; checks (or creates, when allowed) the bucket at once, so a mistake stops start-up. */
    public static S3EvidenceStorage connect(StorageProperties.S3 settings) {
        if (settings.bucket() == null || settings.bucket().isBlank()) {
            throw new IllegalStateException("triage.storage.type=s3 needs triage.storage.s3.bucket (TRIAGE_S3_BUCKET)");
        }
        // checksums only where S3 requires them: the SDK's default (CRC trailers on every upload, checksum mode on
        // every read) is refused by many S3-compatible servers (S3Proxy, older MinIO, Ceph)
        S3ClientBuilder builder = S3Client.builder().region(Region.of(settings.region()))
                .forcePathStyle(settings.pathStyle())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        if (settings.endpoint() != null) {
            builder.endpointOverride(settings.endpoint());
        }
        builder.credentialsProvider(settings.accessKey().isBlank() ? DefaultCredentialsProvider.builder().build()
                : StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKey(),
                        settings.secretKey())));
        S3Client client = builder.build();
        try {
            if (settings.createBucket() && !bucketExists(client, settings.bucket())) {
                try {
                    client.createBucket(b -> b.bucket(settings.bucket()));
                } catch (BucketAlreadyOwnedByYouException e) {
                    // another instance starting at the same time made it first
                }
            } else {
                client.headBucket(b -> b.bucket(settings.bucket()));
            }
        } catch (RuntimeException e) {
            client.close();
            throw new IllegalStateException("The evidence bucket cannot be reached (" + settings + "): " + e.getMessage(), e);
        }
        return new S3EvidenceStorage(client, settings.bucket(), settings.prefix(),
                (int) Math.min(Integer.MAX_VALUE - 16, settings.partSize().toBytes()));
    }

    private static boolean bucketExists(S3Client client, String bucket) {
        try {
            client.headBucket(b -> b.bucket(bucket));
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    private String key(String location) {
        return prefix + EvidenceStorage.checked(location);
    }

    @Override
    public OutputStream create(String location) {
        String key = key(location);
        DeletedOnRollback.register(this, location);
        return new MultipartUploadStream(s3, bucket, key, partSize);
    }

    @Override
    public InputStream open(String location) throws IOException {
        try {
            return s3.getObject(b -> b.bucket(bucket).key(key(location)));
        } catch (NoSuchKeyException e) {
            throw new MissingEvidenceException(location);
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                throw new MissingEvidenceException(location);
            }
            throw new IOException("could not read " + location + " from the evidence bucket: " + e.getMessage(), e);
        }
    }

    @Override
    public long size(String location) {
        HeadObjectResponse head = head(location);
        if (head == null) {
            throw new UncheckedIOException(new MissingEvidenceException(location));
        }
        return head.contentLength();
    }

    @Override
    public boolean exists(String location) {
        return location != null && head(location) != null;
    }

    private HeadObjectResponse head(String location) {
        try {
            return s3.headObject(b -> b.bucket(bucket).key(key(location)));
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return null;
            }
            throw e;
        }
    }

    @Override
    public void delete(String location) {
        s3.deleteObject(b -> b.bucket(bucket).key(key(location)));
    }

    @Override
    public List<StoredFile> list() {
        List<StoredFile> files = new ArrayList<>();
        for (S3Object o : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents()) {
            files.add(new StoredFile(o.key().substring(prefix.length()), o.size(), o.lastModified()));
        }
        return files;
    }

    @Override
    public boolean shared() {
        return true;
    }

    /** Aborts the multipart uploads a crashed instance left behind (they hold parts, never an object). */
    @Override
    public void tidy(Instant staleBefore) {
        if (staleBefore == null) {
            return;
        }
        try {
            for (MultipartUpload u : s3.listMultipartUploadsPaginator(b -> b.bucket(bucket).prefix(prefix)).uploads()) {
                if (u.initiated() != null && u.initiated().isBefore(staleBefore)) {
                    s3.abortMultipartUpload(b -> b.bucket(bucket).key(u.key()).uploadId(u.uploadId()));
                }
            }
        } catch (S3Exception e) {
            log.debug("Could not list the bucket's unfinished uploads: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        s3.close();
    }
}
