package io.github.camelomics.aws2.omics;

import org.apache.camel.spi.Metadata;

/**
 * The message headers of the aws2-omics component. Headers that name a request field take precedence over the
 * message body, which takes precedence over endpoint options, which take precedence over component options.
 */
public interface Omics2Constants {

    String START = "startReadSetImportJob";
    String GET_JOB = "getReadSetImportJob";
    String LIST_JOBS = "listReadSetImportJobs";
    String GET_READ_SET = "getReadSetMetadata";
    String LIST_READ_SETS = "listReadSets";
    String UPLOAD = "uploadReadSet";

    @Metadata(description = "The operation to perform, overriding the one in the endpoint URI.",
              javaType = "io.github.camelomics.aws2.omics.Omics2Operations")
    String OPERATION = "CamelAwsOmicsOperation";

    // ---- request fields shared by every operation

    @Metadata(description = "The sequence store id (10 to 36 digits). In: overrides the body and the option. Out: the job's or read set's store.",
              javaType = "String")
    String SEQUENCE_STORE_ID = "CamelAwsOmicsSequenceStoreId";

    // ---- startReadSetImportJob

    @Metadata(label = START, description = "The ARN of the IAM role HealthOmics assumes to read the source files.",
              javaType = "String")
    String ROLE_ARN = "CamelAwsOmicsRoleArn";
    @Metadata(label = START + "," + UPLOAD,
              description = "The idempotency token of the import job, or of the upload's Create (1 to 127 printable characters).",
              javaType = "String")
    String CLIENT_TOKEN = "CamelAwsOmicsClientToken";
    @Metadata(label = START,
              description = "A single source from headers alone (for example after an S3 event): the S3 URI of the first (or only) file. "
                            + "When set, the sources come from the Source headers and the body is not read for sources.",
              javaType = "String")
    String SOURCE1 = "CamelAwsOmicsSource1";
    @Metadata(label = START, description = "The S3 URI of the second file of a paired FASTQ source.", javaType = "String")
    String SOURCE2 = "CamelAwsOmicsSource2";
    @Metadata(label = START + "," + UPLOAD,
              description = "The file type of the header source, or of the uploaded files: FASTQ, BAM, CRAM or UBAM.", javaType = "String",
              enums = "FASTQ,BAM,CRAM,UBAM")
    String SOURCE_FILE_TYPE = "CamelAwsOmicsSourceFileType";
    @Metadata(label = START + "," + LIST_READ_SETS + "," + UPLOAD,
              description = "The subject id of the header source, or of the uploaded read set; on listReadSets, a filter.",
              javaType = "String")
    String SUBJECT_ID = "CamelAwsOmicsSubjectId";
    @Metadata(label = START + "," + LIST_READ_SETS + "," + UPLOAD,
              description = "The sample id of the header source, or of the uploaded read set; on listReadSets, a filter.",
              javaType = "String")
    String SAMPLE_ID = "CamelAwsOmicsSampleId";
    @Metadata(label = START + "," + LIST_READ_SETS + "," + UPLOAD,
              description = "Where the header source (or the uploaded read set) was generated from; on listReadSets, a filter.",
              javaType = "String")
    String GENERATED_FROM = "CamelAwsOmicsGeneratedFrom";
    @Metadata(label = START + "," + LIST_READ_SETS + "," + UPLOAD,
              description = "The reference ARN of the header source, or of the uploaded read set (needed for BAM and CRAM); with a body, the reference of "
                            + "every BAM and CRAM source that names none (a file list names none); on listReadSets, a filter.",
              javaType = "String")
    String REFERENCE_ARN = "CamelAwsOmicsReferenceArn";
    @Metadata(label = START,
              description = "What the .bam files of a file-list body are: BAM (aligned, the default) or UBAM (unaligned). "
                            + "Overrides option bamFileType.",
              javaType = "String", enums = "BAM,UBAM")
    String BAM_FILE_TYPE = "CamelAwsOmicsBamFileType";
    @Metadata(label = START + "," + LIST_READ_SETS + "," + UPLOAD,
              description = "The name of the read set the header source (or the upload) becomes (an upload's default: the "
                            + "first file's name); on listReadSets, a filter.",
              javaType = "String")
    String READ_SET_NAME = "CamelAwsOmicsReadSetName";
    @Metadata(label = START + "," + UPLOAD,
              description = "The description of the read set the header source (or the upload) becomes.", javaType = "String")
    String READ_SET_DESCRIPTION = "CamelAwsOmicsReadSetDescription";
    @Metadata(label = START + "," + UPLOAD, description = "The tags of the read set the header source (or the upload) becomes.",
              javaType = "java.util.Map<String, String>")
    String TAGS = "CamelAwsOmicsTags";

    // ---- getReadSetImportJob, getReadSetMetadata

    @Metadata(label = START + "," + GET_JOB,
              description = "In (getReadSetImportJob): the import job id. Out (startReadSetImportJob, getReadSetImportJob): the job id.",
              javaType = "String")
    String IMPORT_JOB_ID = "CamelAwsOmicsImportJobId";
    @Metadata(label = START + "," + GET_JOB,
              description = "Out: the ids of the import jobs started (or waited for), in source order: one per "
                            + "maxSourcesPerJob sources. CamelAwsOmicsImportJobId is set only when there is one job.",
              javaType = "java.util.List<String>")
    String IMPORT_JOB_IDS = "CamelAwsOmicsImportJobIds";
    @Metadata(label = GET_READ_SET + "," + UPLOAD,
              description = "In: the read set id. Out: the read set's id (uploadReadSet: the read set the upload made).",
              javaType = "String")
    String READ_SET_ID = "CamelAwsOmicsReadSetId";

    // ---- list operations

    @Metadata(label = LIST_JOBS + "," + LIST_READ_SETS, description = "The maximum number of items in one page (1 to 100).",
              javaType = "Integer")
    String MAX_RESULTS = "CamelAwsOmicsMaxResults";
    @Metadata(label = LIST_JOBS + "," + LIST_READ_SETS,
              description = "In: the page to read. Out: the token of the next page, removed when this was the last page.",
              javaType = "String")
    String NEXT_TOKEN = "CamelAwsOmicsNextToken";
    @Metadata(label = LIST_JOBS + "," + LIST_READ_SETS,
              description = "Filter by status: a job status on listReadSetImportJobs, a read set status on listReadSets.",
              javaType = "String")
    String FILTER_STATUS = "CamelAwsOmicsFilterStatus";
    @Metadata(label = LIST_JOBS + "," + LIST_READ_SETS,
              description = "Filter: created after this time (an Instant, Date, OffsetDateTime or ISO-8601 text).",
              javaType = "java.time.Instant")
    String FILTER_CREATED_AFTER = "CamelAwsOmicsFilterCreatedAfter";
    @Metadata(label = LIST_JOBS + "," + LIST_READ_SETS,
              description = "Filter: created before this time (an Instant, Date, OffsetDateTime or ISO-8601 text).",
              javaType = "java.time.Instant")
    String FILTER_CREATED_BEFORE = "CamelAwsOmicsFilterCreatedBefore";
    @Metadata(label = LIST_READ_SETS, description = "Filter: how the read set was created (IMPORT or UPLOAD).",
              javaType = "String", enums = "IMPORT,UPLOAD")
    String FILTER_CREATION_TYPE = "CamelAwsOmicsFilterCreationType";

    // ---- results

    @Metadata(label = START + "," + GET_JOB,
              description = "Out: the import job's status; for several jobs, theirs when they agree, IN_PROGRESS while any "
                            + "runs, FAILED when all failed, else COMPLETED_WITH_FAILURES.",
              javaType = "String")
    String IMPORT_JOB_STATUS = "CamelAwsOmicsImportJobStatus";
    @Metadata(label = START + "," + GET_JOB + "," + GET_READ_SET + "," + UPLOAD,
              description = "Out: when the job or read set was created.", javaType = "java.time.Instant")
    String CREATION_TIME = "CamelAwsOmicsCreationTime";
    @Metadata(label = START + "," + GET_JOB, description = "Out: when the job (the last of several) ended; absent while any runs.",
              javaType = "java.time.Instant")
    String COMPLETION_TIME = "CamelAwsOmicsCompletionTime";
    @Metadata(label = START + "," + GET_JOB,
              description = "Out (getReadSetImportJob, or after waitForCompletion): the per-source results of the job(s), in source order: each item has sourceFiles, sampleId, subjectId, "
                            + "status (NOT_STARTED, IN_PROGRESS, FINISHED, FAILED), statusMessage and readSetId.",
              javaType = "java.util.List<software.amazon.awssdk.services.omics.model.ImportReadSetSourceItem>")
    String IMPORT_JOB_SOURCES = "CamelAwsOmicsImportJobSources";
    @Metadata(label = START + "," + GET_JOB,
              description = "Out (getReadSetImportJob, or after waitForCompletion): the read set ids of the job's sources that have one, in source order.",
              javaType = "java.util.List<String>")
    String READ_SET_IDS = "CamelAwsOmicsReadSetIds";
    @Metadata(label = START + "," + GET_JOB,
              description = "Out (after waitForCompletion): where each source that became a read set can be read by a "
                            + "HealthOmics workflow, in source order: its sample, subject, file type, read set id and the "
                            + "omics:// URIs of source1 and (for a pair) source2. NfCoreSampleSheet writes them as an "
                            + "nf-core sample sheet.",
              javaType = "java.util.List<io.github.camelomics.aws2.omics.ReadSetUris>")
    String READ_SET_URIS = "CamelAwsOmicsReadSetUris";
    @Metadata(label = GET_READ_SET + "," + UPLOAD,
              description = "Out: the read set's status (uploadReadSet, after waitForCompletion: ACTIVE).", javaType = "String")
    String READ_SET_STATUS = "CamelAwsOmicsReadSetStatus";

    // ---- uploadReadSet (the read set's fields come from the source headers above: SourceFileType, SubjectId,
    // SampleId, ReadSetName, ReferenceArn, GeneratedFrom, ReadSetDescription, Tags, ClientToken)

    @Metadata(label = UPLOAD,
              description = "The first file to upload (a java.io.File, java.nio.file.Path or path text), when the body is "
                            + "not that file.",
              javaType = "Object")
    String UPLOAD_SOURCE1 = "CamelAwsOmicsUploadSource1";
    @Metadata(label = UPLOAD,
              description = "The second file of a paired FASTQ to upload (a java.io.File, java.nio.file.Path or path text).",
              javaType = "Object")
    String UPLOAD_SOURCE2 = "CamelAwsOmicsUploadSource2";
    @Metadata(label = UPLOAD, description = "Out: the upload id the service gave the upload.", javaType = "String")
    String UPLOAD_ID = "CamelAwsOmicsUploadId";
    @Metadata(label = UPLOAD,
              description = "Out: the first part this exchange sent, counting the files' parts one after the other: 1 for "
                            + "a new upload, more when an earlier attempt had sent parts (one past the last when only "
                            + "Complete was left), 0 when the upload had completed before (a redelivery gets the recorded "
                            + "read set).",
              javaType = "Integer")
    String UPLOAD_RESUMED_FROM_PART = "CamelAwsOmicsUploadResumedFromPart";
    @Metadata(label = UPLOAD, description = "Out: how many parts this exchange sent.", javaType = "Integer")
    String UPLOAD_PARTS_SENT = "CamelAwsOmicsUploadPartsSent";
    @Metadata(label = UPLOAD, description = "Out: where the upload stood at its end: parts, bytes, rate.",
              javaType = "io.github.camelomics.aws2.omics.UploadProgress")
    String UPLOAD_PROGRESS = "CamelAwsOmicsUploadProgress";
}
