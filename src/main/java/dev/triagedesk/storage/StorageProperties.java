package dev.triagedesk.storage;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Where evidence is stored ({@code triage.storage.*}).
 *
 * @param type {@code local} (a folder in the data folder, the default) or {@code s3} (a bucket of S3-compatible
 *             object storage, which several instances share)
 * @param s3 the bucket, when {@code type} is {@code s3}
 */
@ConfigurationProperties("triage.storage")
public record StorageProperties(@DefaultValue("local") Type type, @DefaultValue S3 s3) {

    public enum Type { LOCAL, S3 }

    /**
     * @param endpoint the server's address (https://s3.example.com, http://127.0.0.1:9000); empty for AWS itself
     * @param region the region signed into requests (any value for most S3-compatible servers)
     * @param bucket the bucket; it must exist unless {@code createBucket}
     * @param prefix put before every location (e.g. {@code evidence/}), so the bucket may hold other things
     * @param accessKey the access key; empty: the SDK's default chain (AWS_ACCESS_KEY_ID, profiles, roles)
     * @param secretKey its secret; never logged
     * @param pathStyle addresses the bucket in the path (http://host/bucket/key), as S3-compatible servers need
     * @param partSize the part of a multipart upload held in memory per file being written (5 MB at least)
     * @param createBucket creates the bucket at start-up when it is missing (tests, a first deployment)
     */
    public record S3(URI endpoint, @DefaultValue("us-east-1") String region, String bucket,
                     @DefaultValue("") String prefix, @DefaultValue("") String accessKey,
                     @DefaultValue("") String secretKey, @DefaultValue("true") boolean pathStyle,
                     @DefaultValue("8MB") DataSize partSize, @DefaultValue("false") boolean createBucket) {

        @Override
        public String toString() {
            // the secret stays out of logs and failure messages
            return "S3[endpoint=" + endpoint + ", region=" + region + ", bucket=" + bucket + ", prefix=" + prefix
                    + ", pathStyle=" + pathStyle + ", partSize=" + partSize + "]";
        }
    }
}
