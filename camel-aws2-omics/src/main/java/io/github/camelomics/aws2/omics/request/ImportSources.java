package io.github.camelomics.aws2.omics.request;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import software.amazon.awssdk.services.omics.model.OmicsRequest;
import software.amazon.awssdk.services.omics.model.StartReadSetImportJobRequest;
import software.amazon.awssdk.services.omics.model.StartReadSetImportJobSourceItem;

/**
 * Turns the body of a startReadSetImportJob message into the request it describes. Accepted forms:
 * <ul>
 * <li>the SDK {@link StartReadSetImportJobRequest};</li>
 * <li>one {@link StartReadSetImportJobSourceItem}, or a collection of them;</li>
 * <li>a {@link Map} (one source, or a whole request when it has a {@code sources} member) or a collection of Maps;</li>
 * <li>JSON as text, bytes, a stream, a reader or a file: the array the AWS CLI takes for {@code --sources}, or a
 * whole request object {@code {"roleArn": ..., "sources": [...]}}, member names exactly as in the API;</li>
 * <li>a CSV sample sheet, in the same carriers: see {@link SampleSheet}. Text whose first character is not
 * {@code [} or <code>{</code> is read as CSV.</li>
 * </ul>
 * Every problem is collected with its member path; nothing here talks to AWS.
 */
public final class ImportSources {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    /** Members that only a whole request has: a JSON object with one of them is a request, else it is one source. */
    private static final Set<String> REQUEST_MEMBERS = Set.of("sources", "roleArn", "clientToken", "sequenceStoreId");

    private ImportSources() {
    }

    /**
     * The request the body describes; members the body does not give are null, and a null body gives an empty
     * request. When the body cannot be read, the problems are added (naming what was expected and received) and an
     * empty request is returned.
     *
     * @param defaultSubjectId the subject of sources that name none (an nf-core sample sheet has no subject column);
     *                         it never replaces a subject the body gives. May be null.
     */
    public static StartReadSetImportJobRequest fromBody(Object body, String defaultSubjectId, List<String> problems) {
        StartReadSetImportJobRequest request = read(body, defaultSubjectId, problems);
        if (request == null) {
            return StartReadSetImportJobRequest.builder().build();
        }
        if (defaultSubjectId == null || !request.hasSources()) {
            return request;
        }
        return request.toBuilder().sources(request.sources().stream()
                .map(s -> s == null || s.subjectId() != null ? s : s.toBuilder().subjectId(defaultSubjectId).build())
                .toList()).build();
    }

    private static StartReadSetImportJobRequest read(Object body, String defaultSubjectId, List<String> problems) {
        if (body == null) {
            return StartReadSetImportJobRequest.builder().build();
        }
        if (body instanceof StartReadSetImportJobRequest request) {
            return request;
        }
        if (body instanceof StartReadSetImportJobSourceItem item) {
            return StartReadSetImportJobRequest.builder().sources(item).build();
        }
        if (body instanceof OmicsRequest other) {
            problems.add("body: expected a StartReadSetImportJobRequest, got a " + other.getClass().getSimpleName()
                         + " (the request of another operation)");
            return null;
        }
        if (body instanceof Collection<?> items) {
            return StartReadSetImportJobRequest.builder().sources(sources(items, problems)).build();
        }
        if (body instanceof Map<?, ?> map) {
            return fromJson(JSON.valueToTree(map), problems);
        }
        String text = text(body, problems);
        if (text == null) {
            return null;
        }
        if (SampleSheet.looksLikeCsv(text)) {
            return StartReadSetImportJobRequest.builder()
                    .sources(SampleSheet.read(new StringReader(text), defaultSubjectId, problems)).build();
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
                sources.add(SdkJson.read(JSON.valueToTree(map), StartReadSetImportJobSourceItem::builder, path, problems));
            } else {
                problems.add(path + ": expected a StartReadSetImportJobSourceItem or a Map, got "
                             + (item == null ? "null" : "a " + item.getClass().getName()));
            }
        }
        return sources;
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

    /** Manifests and sample sheets are small: read them whole, then tell JSON from CSV by the first character. */
    private static String text(Object body, List<String> problems) {
        try {
            if (body instanceof String text) {
                return text;
            }
            if (body instanceof byte[] bytes) {
                return new String(bytes, StandardCharsets.UTF_8);
            }
            if (body instanceof InputStream in) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (body instanceof Reader reader) {
                StringWriter text = new StringWriter();
                reader.transferTo(text);
                return text.toString();
            }
            if (body instanceof File file) {
                return Files.readString(file.toPath());
            }
            if (body instanceof Path path) {
                return Files.readString(path);
            }
        } catch (IOException e) {
            problems.add("body: could not be read: " + e.getMessage());
            return null;
        }
        problems.add("body: expected a StartReadSetImportJobRequest, source item(s), Map(s), JSON or a CSV sample sheet "
                     + "(String, byte[], InputStream, Reader, File or Path), got a " + body.getClass().getName());
        return null;
    }

    private static JsonNode parse(String text, List<String> problems) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            problems.add("body: expected JSON (an array of sources or a request object), but it does not parse: "
                         + e.getOriginalMessage() + " at line " + e.getLocation().getLineNr() + ", column "
                         + e.getLocation().getColumnNr());
            return null;
        }
    }
}
