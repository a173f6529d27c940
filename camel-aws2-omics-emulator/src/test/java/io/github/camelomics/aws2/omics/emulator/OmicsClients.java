package io.github.camelomics.aws2.omics.emulator;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.omics.OmicsClient;
import software.amazon.awssdk.services.omics.model.FileType;
import software.amazon.awssdk.services.omics.model.SourceFiles;
import software.amazon.awssdk.services.omics.model.StartReadSetImportJobRequest;
import software.amazon.awssdk.services.omics.model.StartReadSetImportJobSourceItem;

import java.net.URI;
import java.util.Arrays;

/** The real SDK client, pointed at the emulator the way the component will do it. */
final class OmicsClients {

    static final String ACCESS_KEY = "AKIAEMULATORTEST0001";
    static final String SECRET_KEY = "emulator-test-secret-key";
    static final String ROLE_ARN = "arn:aws:iam::123456789012:role/OmicsImport";
    static final String REFERENCE_ARN = "arn:aws:omics:us-east-1:123456789012:referenceStore/1234567890/reference/1234567890";

    private OmicsClients() {
    }

    /** A client that makes exactly one attempt per call, so each response is seen as sent. */
    static OmicsClient withoutRetries(URI endpoint) {
        return client(endpoint, ACCESS_KEY, SECRET_KEY, false);
    }

    /** A client with the SDK's default retries (4 attempts for 429/500/408 and I/O errors). */
    static OmicsClient withRetries(URI endpoint) {
        return client(endpoint, ACCESS_KEY, SECRET_KEY, true);
    }

    static OmicsClient client(URI endpoint, String accessKey, String secretKey, boolean retries) {
        return OmicsClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
                .httpClientBuilder(ApacheHttpClient.builder())
                .overrideConfiguration(o -> {
                    o.putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true);
                    if (!retries) {
                        o.retryStrategy(AwsRetryStrategy.doNotRetry());
                    }
                })
                .build();
    }

    static StartReadSetImportJobSourceItem fastq(String source1) {
        return StartReadSetImportJobSourceItem.builder()
                .sourceFiles(SourceFiles.builder().source1(source1).build())
                .sourceFileType(FileType.FASTQ)
                .subjectId("subject-1")
                .sampleId("sample-1")
                .build();
    }

    static StartReadSetImportJobRequest start(String sequenceStoreId, StartReadSetImportJobSourceItem... sources) {
        return StartReadSetImportJobRequest.builder()
                .sequenceStoreId(sequenceStoreId)
                .roleArn(ROLE_ARN)
                .sources(Arrays.asList(sources))
                .build();
    }
}
