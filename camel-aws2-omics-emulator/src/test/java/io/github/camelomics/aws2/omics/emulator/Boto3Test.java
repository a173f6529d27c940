package io.github.camelomics.aws2.omics.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelomics.aws2.omics.emulator.junit.OmicsEmulatorExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static io.github.camelomics.aws2.omics.emulator.OmicsClients.ACCESS_KEY;
import static io.github.camelomics.aws2.omics.emulator.OmicsClients.ROLE_ARN;
import static io.github.camelomics.aws2.omics.emulator.OmicsClients.SECRET_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * boto3 against the emulator with keys set, as a Python pipeline would use it: signed with a session token, bodies
 * with non-ASCII text (botocore sends it escaped), the paginator's signed query strings and a filtered list; a wrong
 * secret is refused. Skipped where boto3 is missing.
 */
class Boto3Test {

    /** A boto3 client for the emulator: endpoint from argv, host prefix off, one attempt per call. */
    private static final String CLIENT = """
            import json, sys, boto3
            from botocore.config import Config
            from botocore.exceptions import ClientError
            endpoint, store = sys.argv[1], sys.argv[2]
            omics = boto3.client('omics', endpoint_url=endpoint,
                                 config=Config(inject_host_prefix=False, retries={'max_attempts': 1}))
            """;

    @RegisterExtension
    static final OmicsEmulatorExtension EMULATOR = OmicsEmulatorExtension.configure(b -> b.credentials(ACCESS_KEY, SECRET_KEY));

    @TempDir
    Path work;

    @BeforeEach
    void needsBoto3() {
        Botocore.assumeAvailable("boto3", "python3", "-c", "import boto3");
    }

    private JsonNode python(String secretKey, String script) throws Exception {
        Botocore.Result result = new Botocore(work, ACCESS_KEY, secretKey, "FwoGZXIvYXdzEBoaDEXAMPLETOKEN")
                .python(CLIENT + script, EMULATOR.endpoint().toString(), EMULATOR.sequenceStoreId(), ROLE_ARN);
        assertEquals(0, result.exitCode(), result.stderr());
        return new ObjectMapper().readTree(result.stdout());
    }

    @Test
    void boto3StartsJobsPagesThroughThemAndReadsTheReadSets() throws Exception {
        EMULATOR.s3().putFastq("s3://bucket/a.fastq.gz", 4, 20);
        EMULATOR.s3().putFastq("s3://bucket/b.fastq.gz", 4, 20);

        JsonNode started = python(SECRET_KEY, """
                ids = []
                for sample in ['a', 'b']:
                    ids.append(omics.start_read_set_import_job(sequenceStoreId=store, roleArn=sys.argv[3], sources=[{
                        'sourceFiles': {'source1': 's3://bucket/%s.fastq.gz' % sample}, 'sourceFileType': 'FASTQ',
                        'subjectId': 'patient-1', 'sampleId': sample, 'description': 'Probe für Zürich – µ-Lauf',
                        'tags': {'lab': 'Genève', 'run': '2024/05 #1'}}])['id'])
                print(json.dumps(ids))
                """);
        EMULATOR.finishImports();
        JsonNode read = python(SECRET_KEY, """
                pages = omics.get_paginator('list_read_set_import_jobs').paginate(
                    sequenceStoreId=store, PaginationConfig={'PageSize': 1})
                print(json.dumps({
                    'listed': [job['id'] for page in pages for job in page['importJobs']],
                    'status': omics.get_read_set_import_job(sequenceStoreId=store, id='4000000002')['status'],
                    'sampleB': [r['id'] for r in omics.list_read_sets(sequenceStoreId=store, maxResults=5,
                                                                       filter={'sampleId': 'b'})['readSets']],
                    'metadata': omics.get_read_set_metadata(sequenceStoreId=store, id='5000000002')['description']}))
                """);

        assertEquals("[\"4000000001\",\"4000000002\"]", started.toString());
        assertEquals("[\"4000000001\",\"4000000002\"]", read.path("listed").toString());
        assertEquals("COMPLETED", read.path("status").asText());
        assertEquals("[\"5000000002\"]", read.path("sampleB").toString());
        assertEquals("Probe für Zürich – µ-Lauf", read.path("metadata").asText());
    }

    @Test
    void aWrongSecretIsRefusedAsAnInvalidSignature() throws Exception {
        JsonNode error = python("not-the-secret", """
                try:
                    omics.list_read_set_import_jobs(sequenceStoreId=store)
                    print(json.dumps({'code': 'none'}))
                except ClientError as e:
                    print(json.dumps({'code': e.response['Error']['Code'],
                                      'status': e.response['ResponseMetadata']['HTTPStatusCode']}))
                """);

        assertEquals("InvalidSignatureException", error.path("code").asText());
        assertEquals(403, error.path("status").asInt());
    }
}
