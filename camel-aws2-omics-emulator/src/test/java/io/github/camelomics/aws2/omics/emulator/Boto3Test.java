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
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    /** Runs the script with argv: endpoint, store, role ARN, then {@code args}. */
    private JsonNode python(String secretKey, String script, String... args) throws Exception {
        String[] argv = new String[3 + args.length];
        argv[0] = EMULATOR.endpoint().toString();
        argv[1] = EMULATOR.sequenceStoreId();
        argv[2] = ROLE_ARN;
        System.arraycopy(args, 0, argv, 3, args.length);
        Botocore.Result result = new Botocore(work, ACCESS_KEY, secretKey, "FwoGZXIvYXdzEBoaDEXAMPLETOKEN")
                .python(CLIENT + script, argv);
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

    /**
     * Checks every answer of the calls a script makes against the operation's output shape in botocore's own copy of
     * the model, on the raw JSON (botocore's parser drops members it does not know): no member the shape lacks, every
     * required one, enum values, lengths, list items, timestamps as ISO-8601 text. The operations checked are in
     * {@code checked}, the problems found in {@code problems}.
     */
    private static final String SHAPES = """
            import datetime
            problems, checked_operations = [], []
            def check(shape, value, path):
                kind = shape.type_name
                if kind == 'structure':
                    if not isinstance(value, dict):
                        return problems.append(path + ': not an object')
                    problems.extend(path + '.' + k + ': not a member of ' + shape.name for k in value if k not in shape.members)
                    problems.extend(path + '.' + k + ': required by ' + shape.name for k in shape.required_members if k not in value)
                    for k, v in value.items():
                        if k in shape.members:
                            check(shape.members[k], v, path + '.' + k)
                elif kind == 'list':
                    for i, v in enumerate(value):
                        check(shape.member, v, '%s[%d]' % (path, i))
                elif kind == 'string':
                    if not isinstance(value, str):
                        return problems.append(path + ': not a string')
                    if shape.enum and value not in shape.enum:
                        problems.append(path + ': ' + value + ' not in ' + shape.name)
                    if not shape.metadata.get('min', 0) <= len(value) <= shape.metadata.get('max', len(value)):
                        problems.append(path + ': length out of ' + shape.name + "'s range")
                elif kind == 'timestamp':
                    if not isinstance(value, str):
                        return problems.append(path + ': a timestamp that is not ISO-8601 text')
                    datetime.datetime.fromisoformat(value.replace('Z', '+00:00'))
            def checked(http_response, model, **kwargs):
                if http_response.status_code == 200:
                    checked_operations.append(model.name)
                    check(model.output_shape, json.loads(http_response.content or b'{}'), model.name)
            omics.meta.events.register('after-call.omics', checked)
            """;

    /**
     * The six activation and export operations from boto3, signed with a session token: an archived read set activated,
     * then exported; each job got and listed (the paginators from the model); every answer has the model's shape; the
     * exported file, read with Python's gzip, has the read set's ETag.
     */
    @Test
    void boto3CallsTheSixActivationAndExportOperationsAndGetsTheModelsShapes() throws Exception {
        String readSet = StoredReadSets.archivedReadSetAndExportBucket(EMULATOR);

        JsonNode activated = python(SECRET_KEY, SHAPES + """
                job = omics.start_read_set_activation_job(sequenceStoreId=store, clientToken='a-1',
                                                          sources=[{'readSetId': sys.argv[4]}])
                print(json.dumps({'id': job['id'], 'status': job['status'], 'shapes': {'checked': checked_operations, 'problems': problems}}))
                """, readSet);
        EMULATOR.finishJobs();
        JsonNode exported = python(SECRET_KEY, SHAPES + """
                activation = omics.get_read_set_activation_job(sequenceStoreId=store, id=sys.argv[5])
                listed = [j['id'] for page in omics.get_paginator('list_read_set_activation_jobs').paginate(
                    sequenceStoreId=store, filter={'status': 'COMPLETED'}) for j in page['activationJobs']]
                export = omics.start_read_set_export_job(sequenceStoreId=store, destination='s3://exports/boto3/',
                                                         roleArn=sys.argv[3], sources=[{'readSetId': sys.argv[4]}])
                print(json.dumps({'activation': activation['status'], 'item': activation['sources'][0]['status'],
                                  'listed': listed, 'export': export['id'], 'shapes': {'checked': checked_operations, 'problems': problems}}))
                """, readSet, activated.path("id").asText());
        EMULATOR.finishJobs();
        JsonNode finished = python(SECRET_KEY, SHAPES + """
                import gzip, hashlib
                export = omics.get_read_set_export_job(sequenceStoreId=store, id=sys.argv[5])
                listed = [j['id'] for page in omics.get_paginator('list_read_set_export_jobs').paginate(
                    sequenceStoreId=store, PaginationConfig={'PageSize': 1}) for j in page['exportJobs']]
                etag = omics.get_read_set_metadata(sequenceStoreId=store, id=sys.argv[4])['etag']['source1']
                with gzip.open(sys.argv[6] + '/exports/boto3/' + sys.argv[4] + '/source1.fastq.gz') as exported:
                    md5 = hashlib.md5(exported.read()).hexdigest()
                print(json.dumps({'export': export['status'], 'item': export['readSets'][0]['status'], 'listed': listed,
                                  'sameContent': md5 == etag, 'shapes': {'checked': checked_operations, 'problems': problems}}))
                """, readSet, exported.path("export").asText(), EMULATOR.dataDir().toString());

        assertEquals("SUBMITTED", activated.path("status").asText());
        assertEquals("COMPLETED", exported.path("activation").asText());
        assertEquals("FINISHED", exported.path("item").asText());
        assertEquals("[\"" + activated.path("id").asText() + "\"]", exported.path("listed").toString());
        assertEquals("COMPLETED", finished.path("export").asText());
        assertEquals("FINISHED", finished.path("item").asText());
        assertEquals("[\"" + exported.path("export").asText() + "\"]", finished.path("listed").toString());
        assertTrue(finished.path("sameContent").asBoolean(), finished.toString());
        assertEquals("{\"checked\":[\"StartReadSetActivationJob\"],\"problems\":[]}", activated.path("shapes").toString());
        assertEquals("{\"checked\":[\"GetReadSetActivationJob\",\"ListReadSetActivationJobs\",\"StartReadSetExportJob\"],"
                + "\"problems\":[]}", exported.path("shapes").toString());
        assertEquals("{\"checked\":[\"GetReadSetExportJob\",\"ListReadSetExportJobs\",\"GetReadSetMetadata\"],"
                + "\"problems\":[]}", finished.path("shapes").toString());
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
