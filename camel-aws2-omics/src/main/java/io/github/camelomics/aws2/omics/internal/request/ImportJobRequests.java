package io.github.camelomics.aws2.omics.internal.request;

import java.io.InputStream;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import io.github.camelomics.aws2.omics.model.ReadSetRules;
import org.apache.camel.WrappedFile;
import software.amazon.awssdk.services.omics.model.FileType;
import software.amazon.awssdk.services.omics.model.SourceFiles;
import software.amazon.awssdk.services.omics.model.StartReadSetImportJobRequest;
import software.amazon.awssdk.services.omics.model.StartReadSetImportJobSourceItem;

import static io.github.camelomics.aws2.omics.Omics2Constants.*;

/**
 * How a message becomes a StartReadSetImportJob request: its sources from the source headers, or from a body in any of
 * the forms {@link ImportSources} reads; then the store, role and token by the precedence rule.
 */
public final class ImportJobRequests {

    private static final StartReadSetImportJobRequest EMPTY = StartReadSetImportJobRequest.builder().build();

    /**
     * Source headers besides Source1: they describe the one source that Source1 starts. (SubjectId and ReferenceArn are
     * not among them: with a body they fill in sources that name none, as nf-core sample sheets and file lists do.)
     */
    private static final List<String> SOURCE_DETAIL_HEADERS = List.of(SOURCE2, SOURCE_FILE_TYPE, SAMPLE_ID,
            GENERATED_FROM, READ_SET_NAME, READ_SET_DESCRIPTION, TAGS);

    private ImportJobRequests() {
    }

    /**
     * With header Source1 the sources come from the headers and the body is not read for them (after an S3 event it
     * may be the file itself); a StartReadSetImportJobRequest body still gives the other members.
     */
    public static StartReadSetImportJobRequest fromBody(RequestValues in) {
        if (in.has(SOURCE1)) {
            return EMPTY;
        }
        List<String> stray = SOURCE_DETAIL_HEADERS.stream().filter(in::has).toList();
        if (!stray.isEmpty()) {
            in.problem("header " + SOURCE1 + ": required with " + String.join(", ", stray)
                       + " (source headers describe one source, started by its source1), got none");
        }
        // a file from a Camel file or FTP consumer: read its content the way Camel converts it
        Object body = in.body() instanceof WrappedFile<?> ? in.body(InputStream.class) : in.body();
        return ImportSources.fromBody(body, sourceDefaults(in), in.options().getMaxBodySize(), in.problems());
    }

    private static ImportSources.SourceDefaults sourceDefaults(RequestValues in) {
        String bamFileType = in.text(BAM_FILE_TYPE, null, in.options().getBamFileType());
        if (!ReadSetRules.isBamEncoding(bamFileType)) {
            in.problem("header " + BAM_FILE_TYPE + ": expected BAM or UBAM, got '" + RequestValidator.printable(bamFileType) + "'");
            bamFileType = FileType.BAM.toString();
        }
        return new ImportSources.SourceDefaults(in.text(SUBJECT_ID),
                in.text(REFERENCE_ARN, null, in.options().getReferenceArn()), FileType.fromValue(bamFileType));
    }

    /** The body's request as is when no header or option changes it: 100 sources are not copied for nothing. */
    public static StartReadSetImportJobRequest bind(RequestValues in, StartReadSetImportJobRequest body) {
        String store = in.sequenceStoreId(body.sequenceStoreId());
        String role = in.text(ROLE_ARN, body.roleArn(), in.options().getRoleArn());
        String token = in.text(CLIENT_TOKEN, body.clientToken(), null);
        boolean fromHeaders = in.has(SOURCE1);
        if (!fromHeaders && Objects.equals(store, body.sequenceStoreId()) && Objects.equals(role, body.roleArn())
            && Objects.equals(token, body.clientToken())) {
            return body;
        }
        return body.toBuilder().sequenceStoreId(store).roleArn(role).clientToken(token)
                .sources(fromHeaders ? List.of(sourceFromHeaders(in)) : body.sources())
                .build();
    }

    private static StartReadSetImportJobSourceItem sourceFromHeaders(RequestValues in) {
        String type = in.text(SOURCE_FILE_TYPE);
        return StartReadSetImportJobSourceItem.builder()
                .sourceFiles(SourceFiles.builder().source1(in.text(SOURCE1)).source2(in.text(SOURCE2)).build())
                .sourceFileType(type)
                .subjectId(in.text(SUBJECT_ID))
                .sampleId(in.text(SAMPLE_ID))
                .generatedFrom(in.text(GENERATED_FROM))
                .referenceArn(in.text(REFERENCE_ARN, null, ReadSetRules.isAligned(type) ? in.options().getReferenceArn() : null))
                .name(in.text(READ_SET_NAME))
                .description(in.text(READ_SET_DESCRIPTION))
                .tags(in.tags(TAGS, null))
                .build();
    }

    /** The members every source needs; the full model constraints are the validator's. */
    public static void requireSourceMembers(StartReadSetImportJobRequest request, Consumer<String> problems) {
        List<StartReadSetImportJobSourceItem> sources = request.sources();
        for (int i = 0; i < sources.size(); i++) {
            StartReadSetImportJobSourceItem s = sources.get(i);
            if (s == null) {
                problems.accept("sources[" + i + "]: required, got null");
                continue;
            }
            requireSourceMember(s.sourceFiles() == null ? null : s.sourceFiles().source1(), i, "sourceFiles.source1",
                    SOURCE1, problems);
            requireSourceMember(s.sourceFileTypeAsString(), i, "sourceFileType", SOURCE_FILE_TYPE, problems);
            requireSourceMember(s.subjectId(), i, "subjectId", SUBJECT_ID, problems);
            requireSourceMember(s.sampleId(), i, "sampleId", SAMPLE_ID, problems);
        }
    }

    /** The member's path is spelled out only for a problem: a valid source costs no string. */
    private static void requireSourceMember(String value, int source, String member, String header,
                                            Consumer<String> problems) {
        if (value == null || value.isBlank()) {
            problems.accept("sources[" + source + "]." + member + ": required, got "
                            + (value == null ? "none" : "an empty value")
                            + "; set it in the body's source, or header " + header + " for a source from headers");
        }
    }
}
