package io.github.camelomics.benchmarks;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.omics.OmicsClient;
import software.amazon.awssdk.services.omics.model.SourceFiles;
import software.amazon.awssdk.services.omics.model.StartReadSetImportJobRequest;
import software.amazon.awssdk.services.omics.model.StartReadSetImportJobSourceItem;

/**
 * The inputs every benchmark shares: paired FASTQ sources that pass validation, in each body form the component takes,
 * and SDK clients configured as the component configures its own.
 */
final class Fixtures {

    static final String STORE = "1234567890";
    static final String ROLE = "arn:aws:iam::123456789012:role/OmicsImport";
    static final String REGION = "us-east-1";
    static final String ACCESS_KEY = "AKIDBENCHMARK";
    static final String SECRET_KEY = "benchmark-secret";

    private Fixtures() {
    }

    /** Sample {@code i} of a run: a paired FASTQ, unique files per (run, i) so the validator and the service accept it. */
    static StartReadSetImportJobSourceItem source(String run, long i) {
        String sample = "S" + run + "-" + i;
        return StartReadSetImportJobSourceItem.builder()
                .sourceFiles(SourceFiles.builder()
                        .source1("s3://lab-bucket/" + run + "/" + sample + "_R1.fastq.gz")
                        .source2("s3://lab-bucket/" + run + "/" + sample + "_R2.fastq.gz").build())
                .sourceFileType("FASTQ")
                .subjectId("P" + (i % 1000))
                .sampleId(sample)
                .name("sample " + sample)
                .build();
    }

    static List<StartReadSetImportJobSourceItem> sources(String run, int count) {
        List<StartReadSetImportJobSourceItem> sources = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            sources.add(source(run, i));
        }
        return sources;
    }

    /** A whole request as a user of the raw SDK writes it (no client token). */
    static StartReadSetImportJobRequest request(List<StartReadSetImportJobSourceItem> sources) {
        return StartReadSetImportJobRequest.builder().sequenceStoreId(STORE).roleArn(ROLE).sources(sources).build();
    }

    /** The AWS CLI's --sources array. */
    static String jsonManifest(List<StartReadSetImportJobSourceItem> sources) {
        StringBuilder json = new StringBuilder("[");
        for (StartReadSetImportJobSourceItem s : sources) {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append("{\"sourceFiles\":{\"source1\":\"").append(s.sourceFiles().source1())
                    .append("\",\"source2\":\"").append(s.sourceFiles().source2())
                    .append("\"},\"sourceFileType\":\"FASTQ\",\"subjectId\":\"").append(s.subjectId())
                    .append("\",\"sampleId\":\"").append(s.sampleId())
                    .append("\",\"name\":\"").append(s.name()).append("\"}");
        }
        return json.append(']').toString();
    }

    /** The API-form sample sheet. */
    static String csvSampleSheet(List<StartReadSetImportJobSourceItem> sources) {
        StringBuilder csv = new StringBuilder("sampleId,subjectId,sourceFileType,source1,source2,name\n");
        for (StartReadSetImportJobSourceItem s : sources) {
            csv.append(s.sampleId()).append(',').append(s.subjectId()).append(",FASTQ,")
                    .append(s.sourceFiles().source1()).append(',').append(s.sourceFiles().source2()).append(',')
                    .append(s.name()).append('\n');
        }
        return csv.toString();
    }

    /** The same files as a run's folder listing, one S3 URI a line: the component pairs them by their names. */
    static String fileList(List<StartReadSetImportJobSourceItem> sources) {
        StringBuilder list = new StringBuilder();
        for (StartReadSetImportJobSourceItem s : sources) {
            list.append(s.sourceFiles().source1()).append('\n').append(s.sourceFiles().source2()).append('\n');
        }
        return list.toString();
    }

    static List<Map<String, Object>> listOfMaps(List<StartReadSetImportJobSourceItem> sources) {
        List<Map<String, Object>> maps = new ArrayList<>(sources.size());
        for (StartReadSetImportJobSourceItem s : sources) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("sourceFiles", Map.of("source1", s.sourceFiles().source1(), "source2", s.sourceFiles().source2()));
            m.put("sourceFileType", "FASTQ");
            m.put("subjectId", s.subjectId());
            m.put("sampleId", s.sampleId());
            m.put("name", s.name());
            maps.add(m);
        }
        return maps;
    }

    /** An SDK client set up as the component sets up its own for an overridden endpoint. */
    static OmicsClient client(URI endpoint, SdkHttpClient http) {
        return OmicsClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .httpClient(http)
                .overrideConfiguration(o -> o.putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true))
                .build();
    }

    /** The raw SDK's usual HTTP client, as the component builds it (Apache, SDK defaults). */
    static OmicsClient apacheClient(URI endpoint) {
        return client(endpoint, ApacheHttpClient.builder().build());
    }

    /** Endpoint options that point the component at the emulator with its own client. */
    static String emulatorOptions(URI endpoint) {
        return "overrideEndpoint=true&uriEndpointOverride=" + endpoint + "&region=" + REGION + "&accessKey=RAW("
               + ACCESS_KEY + ")&secretKey=RAW(" + SECRET_KEY + ")&sequenceStoreId=" + STORE + "&roleArn=" + ROLE;
    }
}
