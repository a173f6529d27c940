package io.github.camelomics.aws2.omics.support;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * A WireMock server answering the five HealthOmics operations the way the service does (rest-json, ISO-8601 times),
 * plus matchers for what a request must carry on the wire.
 */
public final class OmicsWireMock {

    public static final String STORE = "1234567890";
    public static final String JOB = "4567890123";
    public static final String READ_SET = "9876543210";
    public static final String ROLE = "arn:aws:iam::123456789012:role/OmicsImport";
    public static final String ACCESS_KEY = "AKIDOMICSTEST";
    public static final String SECRET_KEY = "s3cr3t-0f-the-omics-test";
    public static final String REGION = "eu-west-1";

    public static final String START_RESPONSE = """
            {"id":"%s","sequenceStoreId":"%s","roleArn":"%s","status":"SUBMITTED","creationTime":"2026-11-29T01:00:00.123Z"}
            """.formatted(JOB, STORE, ROLE);
    public static final String GET_JOB_RESPONSE = """
            {"id":"%s","sequenceStoreId":"%s","roleArn":"%s","status":"COMPLETED_WITH_FAILURES",
             "creationTime":"2026-11-29T01:00:00Z","completionTime":"2026-11-29T01:45:00Z",
             "sources":[
               {"sourceFiles":{"source1":"s3://lab-bucket/s1_R1.fastq.gz","source2":"s3://lab-bucket/s1_R2.fastq.gz"},
                "sourceFileType":"FASTQ","status":"FINISHED","subjectId":"subject-1","sampleId":"sample-1",
                "readSetId":"%s","tags":{"aws:omics:sampleId":"sample-1","aws:omics:subjectId":"subject-1"}},
               {"sourceFiles":{"source1":"s3://lab-bucket/s2_R1.fastq.gz","source2":""},
                "sourceFileType":"FASTQ","status":"FAILED","statusMessage":"Source file not found",
                "subjectId":"subject-2","sampleId":"sample-2"}
             ]}
            """.formatted(JOB, STORE, ROLE, READ_SET);
    public static final String LIST_JOBS_RESPONSE = """
            {"nextToken":"page-2","importJobs":[{"id":"%s","sequenceStoreId":"%s","roleArn":"%s","status":"IN_PROGRESS",
             "creationTime":"2026-11-29T01:00:00Z"}]}
            """.formatted(JOB, STORE, ROLE);
    public static final String READ_SET_RESPONSE = """
            {"id":"%s","arn":"arn:aws:omics:eu-west-1:123456789012:sequenceStore/%s/readSet/%s","sequenceStoreId":"%s",
             "subjectId":"subject-1","sampleId":"sample-1","status":"ACTIVE","fileType":"FASTQ",
             "creationTime":"2026-11-29T01:40:00Z","sequenceInformation":{"totalReadCount":4,"totalBaseCount":400},
             "creationType":"IMPORT","creationJobId":"%s"}
            """.formatted(READ_SET, STORE, READ_SET, STORE, JOB);
    public static final String LIST_READ_SETS_RESPONSE = """
            {"readSets":[{"id":"%s","arn":"arn:aws:omics:eu-west-1:123456789012:sequenceStore/%s/readSet/%s",
             "sequenceStoreId":"%s","status":"ACTIVE","fileType":"FASTQ","creationTime":"2026-11-29T01:40:00Z"}]}
            """.formatted(READ_SET, STORE, READ_SET, STORE);

    private OmicsWireMock() {
    }

    public static WireMockExtension server() {
        return WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();
    }

    /** Stubs every operation of any store and id with a canned, valid answer. */
    public static void stubAll(WireMockExtension wm) {
        wm.stubFor(ok(post(urlPathMatching("/sequencestore/[0-9]+/importjob")), START_RESPONSE));
        wm.stubFor(ok(get(urlPathMatching("/sequencestore/[0-9]+/importjob/[0-9]+")), GET_JOB_RESPONSE));
        wm.stubFor(ok(post(urlPathMatching("/sequencestore/[0-9]+/importjobs")), LIST_JOBS_RESPONSE));
        wm.stubFor(ok(get(urlPathMatching("/sequencestore/[0-9]+/readset/[0-9]+/metadata")), READ_SET_RESPONSE));
        wm.stubFor(ok(post(urlPathMatching("/sequencestore/[0-9]+/readsets")), LIST_READ_SETS_RESPONSE));
    }

    /** Every operation answers with the given service error, as HealthOmics sends it. */
    public static void stubError(WireMockExtension wm, int status, String shape, String message) {
        wm.stubFor(any(urlPathMatching("/sequencestore/.*"))
                .willReturn(aResponse().withStatus(status)
                        .withHeader("Content-Type", "application/json")
                        .withHeader("x-amzn-ErrorType", shape + ":http://internal.amazon.com/coral/com.amazonaws.omics/")
                        .withHeader("x-amzn-RequestId", "req-" + status)
                        .withBody("{\"__type\":\"" + shape + "\",\"message\":\"" + message + "\"}")));
    }

    /** A request signed with SigV4 for our test key, region and the omics service. */
    public static RequestPatternBuilder signed(RequestPatternBuilder request) {
        return signed(request, REGION);
    }

    public static RequestPatternBuilder signed(RequestPatternBuilder request, String region) {
        return request.withHeader("Authorization", matching(
                "AWS4-HMAC-SHA256 Credential=" + ACCESS_KEY + "/[0-9]{8}/" + region + "/omics/aws4_request, .*"));
    }

    public static RequestPatternBuilder json(RequestPatternBuilder request) {
        return request.withHeader("Content-Type", equalTo("application/x-amz-json-1.1").or(equalTo("application/json")));
    }

    private static MappingBuilder ok(MappingBuilder mapping, String body) {
        return mapping.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body));
    }
}
