package io.github.camelomics.aws2.omics.internal.request;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.github.camelomics.aws2.omics.model.ReadSetRules;
import software.amazon.awssdk.services.omics.model.FileType;
import software.amazon.awssdk.services.omics.model.StartReadSetImportJobRequest;
import software.amazon.awssdk.services.omics.model.StartReadSetImportJobSourceItem;

/**
 * Turns the body of a startReadSetImportJob message into the request it describes, when the body is not already the
 * SDK request (that, and the request of another operation, the operation's spec handles). Accepted forms:
 * <ul>
 * <li>one {@link StartReadSetImportJobSourceItem}, or a collection of them;</li>
 * <li>a {@link Map} (one source, or a whole request when it has a {@code sources} member) or a collection of Maps;</li>
 * <li>JSON as text, bytes, a stream, a reader or a file: the array the AWS CLI takes for {@code --sources}, or a
 * whole request object {@code {"roleArn": ..., "sources": [...]}}, member names exactly as in the API;</li>
 * <li>a CSV sample sheet, in the same carriers: see {@link SampleSheet}. Text whose first character is not
 * {@code [} or <code>{</code> is read as CSV;</li>
 * <li>a run's files: a collection of S3 URIs as text, or text whose first non-blank line is an S3 URI, one URI a line:
 * see {@link RunFiles}.</li>
 * </ul>
 * Every problem is collected with its member path; nothing here talks to AWS.
 */
final class ImportSources {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    /** Far more than a request's nesting (request, sources, source, sourceFiles or tags), far less than a stack. */
    private static final int MAX_DEPTH = 32;
    /** Members that only a whole request has: a JSON object with one of them is a request, else it is one source. */
    private static final Set<String> REQUEST_MEMBERS = Set.of("sources", "roleArn", "clientToken", "sequenceStoreId");

    private ImportSources() {
    }

    /**
     * What the sources of a body may leave out, from headers and options; each never replaces what the body gives.
     *
     * @param subjectId    the subject of sources that name none (an nf-core sample sheet has no subject column); for a
     *                     file list, the subject of every source (else each sample is its own subject). May be null.
     * @param referenceArn the reference of BAM and CRAM sources that name none. May be null.
     * @param bamFileType  what a {@code .bam} file of a file list is: BAM or UBAM
     */
    public record SourceDefaults(String subjectId, String referenceArn, FileType bamFileType) {
    }

    /**
     * The request the body describes; members the body does not give are null, and a null body gives an empty
     * request. When the body cannot be read, the problems are added (naming what was expected and received) and an
     * empty request is returned.
     *
     * @param maxBodySize the most bytes a text body may have (0: no limit); larger ones are a problem, read no further
     *                    than the limit plus one byte
     */
    public static StartReadSetImportJobRequest fromBody(Object body, SourceDefaults defaults, long maxBodySize,
                                                        List<String> problems) {
        StartReadSetImportJobRequest request = read(body, defaults, maxBodySize, problems);
        if (request == null) {
            return StartReadSetImportJobRequest.builder().build();
        }
        if (defaults.subjectId() == null && defaults.referenceArn() == null || !request.hasSources()) {
            return request;
        }
        return request.toBuilder().sources(request.sources().stream().map(s -> withDefaults(s, defaults)).toList())
                .build();
    }

    private static StartReadSetImportJobSourceItem withDefaults(StartReadSetImportJobSourceItem source,
                                                                SourceDefaults defaults) {
        if (source == null) {
            return null;
        }
        boolean subject = source.subjectId() == null && defaults.subjectId() != null;
        boolean reference = source.referenceArn() == null && defaults.referenceArn() != null
                            && ReadSetRules.isAligned(source.sourceFileTypeAsString());
        if (!subject && !reference) {
            return source;
        }
        StartReadSetImportJobSourceItem.Builder filled = source.toBuilder();
        if (subject) {
            filled.subjectId(defaults.subjectId());
        }
        if (reference) {
            filled.referenceArn(defaults.referenceArn());
        }
        return filled.build();
    }

    private static StartReadSetImportJobRequest read(Object body, SourceDefaults defaults, long maxBodySize,
                                                     List<String> problems) {
        if (body == null) {
            return StartReadSetImportJobRequest.builder().build();
        }
        if (body instanceof StartReadSetImportJobSourceItem item) {
            return StartReadSetImportJobRequest.builder().sources(item).build();
        }
        if (body instanceof Collection<?> items) {
            return StartReadSetImportJobRequest.builder().sources(RunFiles.isFileList(items)
                    ? RunFiles.sources(RunFiles.items(items), defaults.bamFileType(), defaults.subjectId(), problems)
                    : sources(items, problems)).build();
        }
        if (body instanceof Map<?, ?> map) {
            JsonNode json = tree(map, "body", problems);
            return json == null ? null : fromJson(json, problems);
        }
        String text = text(body, maxBodySize, problems);
        if (text == null) {
            return null;
        }
        if (RunFiles.looksLikeFileList(text)) {
            return StartReadSetImportJobRequest.builder().sources(
                    RunFiles.sources(RunFiles.lines(text), defaults.bamFileType(), defaults.subjectId(), problems)).build();
        }
        if (SampleSheet.looksLikeCsv(text)) {
            return StartReadSetImportJobRequest.builder()
                    .sources(SampleSheet.read(new StringReader(text), defaults.subjectId(), problems)).build();
        }
        JsonNode json = parse(text, problems);
        return json == null ? null : fromJson(json, problems);
    }

    private static List<StartReadSetImportJobSourceItem> sources(Collection<?> items, List<String> problems) {
        List<StartReadSetImportJobSourceItem> sources = new ArrayList<>(items.size());
        int i = 0;
        for (Object item : items) {
            String path = "sources[" + i++ + "]";
            if (item instanceof StartReadSetImportJobSourceItem source) {
                sources.add(source);
            } else if (item instanceof Map<?, ?> map) {
                JsonNode json = tree(map, path, problems);
                sources.add(json == null ? null : SdkJson.read(json, StartReadSetImportJobSourceItem::builder, path, problems));
            } else {
                problems.add(path + ": expected a StartReadSetImportJobSourceItem or a Map (or S3 URIs, all items text), got "
                             + (item == null ? "null" : "a " + item.getClass().getName()));
            }
        }
        return sources;
    }

    /**
     * A Map as JSON, or null with a problem: a value Jackson cannot write (an Instant, an arbitrary object) or nesting
     * deeper than any request has (which would otherwise overflow the stack) is a problem of the input, not a crash.
     */
    private static JsonNode tree(Map<?, ?> map, String path, List<String> problems) {
        if (deeperThan(map, MAX_DEPTH)) {
            problems.add(path + ": Maps and Lists nested deeper than " + MAX_DEPTH + " levels (a request has 4)");
            return null;
        }
        try {
            return JSON.valueToTree(map);
        } catch (IllegalArgumentException e) {
            String reason = String.valueOf(e.getMessage()).replaceAll("\\p{Cntrl}", "?");
            problems.add(path + ": holds a value that is not JSON text, number, boolean, Map or List: "
                         + (reason.length() > 300 ? reason.substring(0, 300) + "..." : reason));
            return null;
        }
    }

    /** Bounded by {@code levels}, so a cyclic or absurdly deep structure ends the walk early. */
    private static boolean deeperThan(Object value, int levels) {
        if (levels < 0) {
            return true;
        }
        Collection<?> children = value instanceof Map<?, ?> m ? m.values() : value instanceof Collection<?> c ? c : List.of();
        for (Object child : children) {
            if (deeperThan(child, levels - 1)) {
                return true;
            }
        }
        return false;
    }

    private static StartReadSetImportJobRequest fromJson(JsonNode json, List<String> problems) {
        if (json.isArray()) {
            ArrayNode sources = (ArrayNode) json;
            return SdkJson.read(JSON.createObjectNode().set("sources", sources), StartReadSetImportJobRequest::builder, "",
                    problems);
        }
        if (json.isObject()) {
            boolean wholeRequest = REQUEST_MEMBERS.stream().anyMatch(json::has);
            if (wholeRequest) {
                return SdkJson.read(json, StartReadSetImportJobRequest::builder, "", problems);
            }
            StartReadSetImportJobSourceItem item
                    = SdkJson.read(json, StartReadSetImportJobSourceItem::builder, "sources[0]", problems);
            return StartReadSetImportJobRequest.builder().sources(item).build();
        }
        problems.add("body: expected a JSON array of sources or a JSON object, got " + SdkJson.describe(json));
        return null;
    }

    /**
     * Manifests and sample sheets are small: read them whole, then tell JSON from CSV by the first character. Whole, but
     * never more than {@code maxBodySize} bytes (plus one, to know it is larger): a stream or file is not read further.
     */
    private static String text(Object body, long maxBodySize, List<String> problems) {
        long limit = maxBodySize > 0 ? maxBodySize : Long.MAX_VALUE;
        try {
            if (body instanceof String text) {
                // a String is already in memory; refused above the limit so that parsing it does not multiply it
                return withinLimit(text.length(), limit, problems) ? text : null;
            }
            if (body instanceof byte[] bytes) {
                return withinLimit(bytes.length, limit, problems) ? new String(bytes, StandardCharsets.UTF_8) : null;
            }
            if (body instanceof InputStream in) {
                return bounded(in, limit, problems);
            }
            if (body instanceof Reader reader) {
                char[] chars = readAtMost(reader, limit);
                return withinLimit(chars.length, limit, problems) ? new String(chars) : null;
            }
            if (body instanceof File file) {
                return fromFile(file.toPath(), limit, problems);
            }
            if (body instanceof Path path) {
                return fromFile(path, limit, problems);
            }
        } catch (IOException | UncheckedIOException e) {
            problems.add("body: could not be read: " + e.getMessage());
            return null;
        }
        problems.add("body: expected a StartReadSetImportJobRequest, source item(s), Map(s), JSON, a CSV sample sheet or S3 URIs "
                     + "(String, byte[], InputStream, Reader, File or Path), got a " + body.getClass().getName());
        return null;
    }

    private static String fromFile(Path path, long limit, List<String> problems) throws IOException {
        long size = Files.size(path);
        if (!withinLimit(size, limit, problems)) {
            return null;
        }
        try (InputStream in = Files.newInputStream(path)) {
            return bounded(in, limit, problems);
        }
    }

    private static String bounded(InputStream in, long limit, List<String> problems) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
        return withinLimit(bytes.length, limit, problems) ? new String(bytes, StandardCharsets.UTF_8) : null;
    }

    private static char[] readAtMost(Reader reader, long limit) throws IOException {
        int max = (int) Math.min(limit + 1, Integer.MAX_VALUE - 8);
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[8192];
        int n;
        while (text.length() < max && (n = reader.read(buffer, 0, Math.min(buffer.length, max - text.length()))) != -1) {
            text.append(buffer, 0, n);
        }
        char[] chars = new char[text.length()];
        text.getChars(0, chars.length, chars, 0);
        return chars;
    }

    /** Size is the exact size when known, else what was read (at most limit + 1). */
    private static boolean withinLimit(long size, long limit, List<String> problems) {
        if (size <= limit) {
            return true;
        }
        problems.add("body: larger than option maxBodySize (" + limit + " bytes): got " + size + " bytes"
                     + (size == limit + 1 ? " or more (not read further)" : "")
                     + "; raise maxBodySize, or split the manifest");
        return false;
    }

    private static JsonNode parse(String text, List<String> problems) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            // a broken limit (nesting deeper than Jackson allows, a huge number) has no location: never throw here
            JsonLocation at = e.getLocation();
            problems.add("body: expected JSON (an array of sources or a request object), but it does not parse: "
                         + e.getOriginalMessage()
                         + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr()));
            return null;
        }
    }
}
