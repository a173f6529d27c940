package io.github.camelomics.aws2.omics.internal.request;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelomics.aws2.omics.model.ReadSetRules;
import io.github.camelomics.aws2.omics.model.OmicsModel;
import io.github.camelomics.aws2.omics.model.ShapeValidator;
import io.github.camelomics.aws2.omics.model.Violation;
import software.amazon.awssdk.services.omics.model.CreateMultipartReadSetUploadRequest;
import software.amazon.awssdk.services.omics.model.OmicsRequest;
import software.amazon.awssdk.services.omics.model.StartReadSetImportJobRequest;

/**
 * Checks a request against the HealthOmics service model (lengths, patterns, enums, ranges), the user guide's rules
 * (BAM and CRAM need a reference, only FASTQ has a second file) and, for imports, that no file is imported twice. The
 * same model and validator the emulator uses on arrival, so what passes here passes there.
 */
final class RequestValidator {

    private static final ShapeValidator MODEL = new ShapeValidator(OmicsModel.load());

    private RequestValidator() {
    }

    /**
     * Reports each violation as {@code <member path>: <what it must be>, got <value>}. Missing required members are
     * the operation's own checks (they say which header or option to set); more than
     * {@link ReadSetRules#MAX_SOURCES_PER_IMPORT_JOB} sources are split into jobs.
     *
     * @param json the request as the service would receive it ({@link SdkJson#write})
     */
    public static void check(OmicsRequest request, ObjectNode json, Consumer<String> problems) {
        List<Violation> violations = MODEL.validate(request.getClass().getSimpleName(), json);
        for (Violation v : violations) {
            boolean reportedElsewhere = v.kind() == Violation.Kind.REQUIRED
                                        || v.kind() == Violation.Kind.TOO_LONG && v.path().equals("sources");
            if (!reportedElsewhere) {
                problems.accept(describe(v));
            }
        }
        if (request instanceof CreateMultipartReadSetUploadRequest) {
            ReadSetRules.checkUpload(json).forEach(v -> problems.accept(describe(v)));
        }
        if (request instanceof StartReadSetImportJobRequest) {
            ReadSetRules.check(json).forEach(v -> problems.accept(describe(v)));
            sameFileTwice(json.path("sources"), problems);
        }
    }

    private static void sameFileTwice(JsonNode sources, Consumer<String> problems) {
        Map<String, String> firstSeen = new HashMap<>();
        for (int i = 0; i < sources.size(); i++) {
            for (String member : new String[] { "source1", "source2" }) {
                JsonNode file = sources.get(i).path("sourceFiles").path(member);
                if (file.isTextual() && !file.asText().isEmpty()) {
                    String path = "sources[" + i + "].sourceFiles." + member;
                    String earlier = firstSeen.putIfAbsent(file.asText(), path);
                    if (earlier != null) {
                        problems.accept(path + ": must not repeat a file of the same request (it is " + earlier
                                        + "), got '" + file.asText() + "'");
                    }
                }
            }
        }
    }

    /**
     * A value from the input as a problem shows it: cut after 64 characters, control characters escaped, so that a
     * hostile value can neither flood nor forge lines of a log.
     */
    public static String printable(String value) {
        return escaped(value.length() > 64 ? value.substring(0, 64) + "..." : value);
    }

    /** A value from the input with its control characters escaped, whole: for file names, which a cut would hide. */
    public static String escaped(String value) {
        StringBuilder shown = new StringBuilder(value.length());
        value.chars().forEach(c -> {
            if (Character.isISOControl(c)) {
                shown.append(String.format("\\u%04x", c));
            } else {
                shown.append((char) c);
            }
        });
        return shown.toString();
    }

    private static String describe(Violation v) {
        String constraint = v.constraint().startsWith("Member ") ? v.constraint().substring("Member ".length()) : v.constraint();
        String value = v.value() == null ? "none" : "'" + printable(v.value()) + "'";
        return v.path() + ": " + constraint + ", got " + value;
    }
}
