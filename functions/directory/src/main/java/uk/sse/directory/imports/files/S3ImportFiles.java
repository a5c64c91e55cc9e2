package uk.sse.directory.imports.files;

import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;
import uk.sse.directory.imports.ImportFiles;
import uk.sse.directory.imports.ImportSettings;
import uk.sse.kernel.dynamo.AwsSettings;
import uk.sse.kernel.dynamo.LambdaCredentials;

/**
 * The import bucket in S3. A file is first copied to the function's own disk ({@code /tmp}, sized for it in the CDK
 * app) and read from there: a slow import then holds no S3 connection open for minutes, and memory holds a buffer,
 * never the file. Uploads are presigned PUTs; the bucket's own default encryption applies, so no header is signed.
 */
@Singleton
@Requires(property = "sse.imports.bucket", pattern = ".+")
public class S3ImportFiles implements ImportFiles {

    private final String bucket;
    private final ImportSettings settings;
    private final S3Client s3;
    private final S3Presigner presigner;

    public S3ImportFiles(ImportSettings settings, AwsSettings aws) {
        this.bucket = settings.bucket();
        this.settings = settings;
        Region region = Region.of(aws.regionOrDefault());
        var client = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(region)
                .credentialsProvider(LambdaCredentials.provider());
        var presign = S3Presigner.builder().region(region).credentialsProvider(LambdaCredentials.provider());
        if (aws.local()) { // LocalStack: path-style addresses on its endpoint
            client.endpointOverride(URI.create(aws.endpoint())).forcePathStyle(true);
            presign.endpointOverride(URI.create(aws.endpoint()))
                    .serviceConfiguration(S3Configuration.builder()
                            .pathStyleAccessEnabled(true)
                            .build());
        }
        this.s3 = client.build();
        this.presigner = presign.build();
    }

    @Override
    public InputStream open(String key) throws IOException {
        Path copy = Files.createTempFile("import-", ".csv");
        try (InputStream object = s3.getObject(b -> b.bucket(bucket).key(key))) {
            Files.copy(object, copy, StandardCopyOption.REPLACE_EXISTING);
        } catch (NoSuchKeyException missing) {
            Files.deleteIfExists(copy);
            throw new NoSuchFileException(key);
        }
        return new FilterInputStream(Files.newInputStream(copy)) {
            @Override
            public void close() throws IOException {
                super.close();
                Files.deleteIfExists(copy);
            }
        };
    }

    @Override
    public void store(String key, Path file) {
        s3.putObject(b -> b.bucket(bucket).key(key).contentType("text/csv"), RequestBody.fromFile(file));
    }

    @Override
    public Upload uploadFor(String key) {
        PresignedPutObjectRequest put = presigner.presignPutObject(p -> p.signatureDuration(settings.uploadValid())
                .putObjectRequest(o -> o.bucket(bucket).key(key)));
        return new Upload(put.url().toString(), "PUT", Map.of(), put.expiration());
    }

    @PreDestroy
    void close() {
        s3.close();
        presigner.close();
    }
}
