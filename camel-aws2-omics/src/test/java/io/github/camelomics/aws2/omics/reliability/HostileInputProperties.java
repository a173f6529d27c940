package io.github.camelomics.aws2.omics.reliability;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.camelomics.aws2.omics.InvalidRequestException;
import io.github.camelomics.aws2.omics.Omics2Component;
import io.github.camelomics.aws2.omics.Omics2Configuration;
import io.github.camelomics.aws2.omics.Omics2Constants;
import io.github.camelomics.aws2.omics.emulator.OmicsEmulator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.omics.model.ResourceNotFoundException;
import software.amazon.awssdk.services.omics.model.SourceFiles;
import software.amazon.awssdk.services.omics.model.StartReadSetImportJobRequest;
import software.amazon.awssdk.services.omics.model.StartReadSetImportJobSourceItem;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * Generated hostile and malformed input for startReadSetImportJob, over headers and every body form. Each case either
 * starts (the input was valid, and the emulator, strict as the service model, agrees; a well-formed id of a store
 * that does not exist is valid too and answered ResourceNotFoundException) or fails with an
 * InvalidRequestException whose every problem starts with the member it is about, and then nothing reached the wire.
 * Requests are counted by a WireMock proxy in front of the emulator.
 */
class HostileInputProperties {

    static final String START = "aws2-omics:startReadSetImportJob";
    static final String ROLE = "arn:aws:iam::123456789012:role/OmicsImport";
    /**
     * A problem names what it is about first: the body, a header, a line of a sample sheet, or a member path (unknown
     * member names quoted as JSON strings), then ": ". No control character before that.
     */
    static final Pattern NAMES_A_MEMBER = Pattern.compile(
            "^(body|header CamelAwsOmics\\w+|line \\d+|[A-Za-z\"][^\\p{Cntrl}]*?): [\\s\\S]+");

    static OmicsEmulator emulator;
    static WireMockServer proxy;
    static CamelContext context;
    static ProducerTemplate template;

    static final AtomicInteger cases = new AtomicInteger();
    static final AtomicInteger valid = new AtomicInteger();
    static final AtomicInteger refused = new AtomicInteger();
    static final AtomicInteger unexpected = new AtomicInteger();
    static final AtomicInteger sentWhenInvalid = new AtomicInteger();
    static long started;

    @BeforeContainer
    static void start() throws Exception {
        started = System.nanoTime();
        emulator = OmicsEmulator.builder().rateLimitPerSecond(0).maxActiveJobs(1_000_000).build().start();
        proxy = new WireMockServer(wireMockConfig().dynamicPort());
        proxy.start();
        proxy.stubFor(any(anyUrl()).willReturn(aResponse().proxiedFrom(emulator.endpoint().toString())));
        context = new DefaultCamelContext();
        Omics2Configuration config = context.getComponent("aws2-omics", Omics2Component.class).getConfiguration();
        config.setRegion("us-east-1");
        config.setAccessKey("AKIDHOSTILE");
        config.setSecretKey("hostile-secret");
        config.setOverrideEndpoint(true);
        config.setUriEndpointOverride(proxy.baseUrl());
        config.setSequenceStoreId(emulator.sequenceStoreId());
        config.setRoleArn(ROLE);
        config.setRequestsPerSecond(0);
        config.setMaxAttempts(1);
        context.start();
        template = context.createProducerTemplate();
    }

    @AfterContainer
    static void stop() {
        context.stop();
        proxy.stop();
        emulator.close();
        ReliabilityReport.row("20-hostile-input", "hostile input (jqwik, " + valid + " valid, " + refused + " refused)",
                cases.get(), "-", "-", "-", "-", unexpected.get(), sentWhenInvalid.get(), "-",
                (System.nanoTime() - started) / 1_000_000);
    }

    /** Sends one case and checks the contract; returns the exchange. */
    static Exchange check(Object body, Map<String, Object> headers) {
        cases.incrementAndGet();
        int before = proxy.getAllServeEvents().size();
        Exchange exchange = template.send(START, e -> {
            e.getMessage().setHeaders(new HashMap<>(headers));
            e.getMessage().setBody(body);
        });
        int sent = proxy.getAllServeEvents().size() - before;
        Exception e = exchange.getException();
        if (e == null) {
            valid.incrementAndGet();
            return exchange;
        }
        if (e instanceof InvalidRequestException invalid) {
            refused.incrementAndGet();
            if (sent != 0) {
                sentWhenInvalid.incrementAndGet();
                throw new AssertionError(sent + " request(s) sent for an invalid input: " + e.getMessage());
            }
            for (String problem : invalid.getProblems()) {
                if (!NAMES_A_MEMBER.matcher(problem).matches()) {
                    unexpected.incrementAndGet();
                    throw new AssertionError("a problem that names no member: " + problem);
                }
            }
            return exchange;
        }
        if (e instanceof ResourceNotFoundException) {
            // a well-formed id of a store that does not exist: only the service can know, so it was right to ask
            valid.incrementAndGet();
            return exchange;
        }
        if (e instanceof AwsServiceException) {
            sentWhenInvalid.incrementAndGet();
            throw new AssertionError("the component sent what the service refuses: " + e.getMessage(), e);
        }
        unexpected.incrementAndGet();
        throw new AssertionError("unexpected exception " + e, e);
    }

    // ---- values -----------------------------------------------------------------------------------------------

    @Provide
    static Arbitrary<String> nastyText() {
        return Arbitraries.oneOf(
                Arbitraries.just(""),
                Arbitraries.just(" "),
                Arbitraries.strings().all().ofMaxLength(40),                       // any char: controls, surrogates
                Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMinLength(1).ofMaxLength(10),
                Arbitraries.of("ÅÄÖ-サンプル", "😀🧬", "\u202e\u200b", "\uFEFFS1", "s3://", "s3://b/", "s3://ab/k",
                        "S3://lab-bucket/a.fastq.gz", "https://lab-bucket/a.fastq.gz", "s3://-bad-/x", "s3://lab-bucket/",
                        "arn:aws:iam::1:role/x", "arn:aws:omics:us-east-1:123456789012:referenceStore/1/reference/1",
                        "arn:aws:omics::::", "not-an-arn", "FASTQ", "fastq", "BAM", "CRAM", "UBAM", "VCF", "null",
                        "{\"a\":1}", "[", "\"", "'; DROP TABLE", "%s%n", "${header.x}", "{{secret}}"),
                Arbitraries.integers().between(100_000, 300_000).map("x"::repeat));
    }

    @Provide
    static Arbitrary<Object> anyValue() {
        return Arbitraries.oneOf(
                nastyText().map(s -> (Object) s),
                Arbitraries.integers().map(i -> (Object) i),
                Arbitraries.longs().map(l -> (Object) l),
                Arbitraries.doubles().map(d -> (Object) d),
                Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.just(new Date(0)),
                Arbitraries.just(Instant.EPOCH),
                Arbitraries.just(new Object()),
                Arbitraries.just(Thread.State.NEW),
                Arbitraries.just(new byte[] { 1, 2, 3 }),
                Arbitraries.just(List.of("a", 1)),
                Arbitraries.just(new StringBuilder("sb")),
                Arbitraries.just(Map.of("k", new Object())),
                Arbitraries.just(Map.of(1, 2)));
    }

    static Map<String, Object> validSource(int i) {
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("sourceFiles", new LinkedHashMap<>(Map.of("source1", "s3://lab-bucket/h/S" + i + "_R1.fastq.gz")));
        source.put("sourceFileType", "FASTQ");
        source.put("subjectId", "P" + i);
        source.put("sampleId", "S" + i);
        return source;
    }

    static final List<String> HEADERS = List.of(Omics2Constants.SEQUENCE_STORE_ID, Omics2Constants.ROLE_ARN,
            Omics2Constants.SOURCE1, Omics2Constants.SOURCE2, Omics2Constants.SOURCE_FILE_TYPE,
            Omics2Constants.SUBJECT_ID, Omics2Constants.SAMPLE_ID, Omics2Constants.GENERATED_FROM,
            Omics2Constants.REFERENCE_ARN, Omics2Constants.READ_SET_NAME, Omics2Constants.READ_SET_DESCRIPTION,
            Omics2Constants.TAGS, Omics2Constants.OPERATION);

    static final List<String> MEMBERS = List.of("sourceFiles", "sourceFileType", "subjectId", "sampleId", "generatedFrom",
            "referenceArn", "name", "description", "tags", "source1", "sources", "roleArn", "clientToken",
            "sequenceStoreId", "sampleID", "", "\u0000", "🧬");

    // ---- properties --------------------------------------------------------------------------------------------

    @Property(tries = 100)
    void headersOfAnyTypeAndContent(@ForAll("headerSets") Map<String, Object> headers, @ForAll boolean withBody) {
        check(withBody ? List.of(validSource(1)) : null, headers);
    }

    @Provide
    Arbitrary<Map<String, Object>> headerSets() {
        return Arbitraries.maps(Arbitraries.of(HEADERS), anyValue()).ofMinSize(1).ofMaxSize(5)
                .map(m -> (Map<String, Object>) new HashMap<>(m));
    }

    @Property(tries = 80)
    void mapBodiesWithWrongTypesNullsAndJunkMembers(@ForAll("sourceMaps") List<Map<String, Object>> sources,
                                                     @ForAll boolean asList) {
        check(asList || sources.isEmpty() ? sources : sources.get(0), Map.of());
    }

    @Provide
    Arbitrary<List<Map<String, Object>>> sourceMaps() {
        Arbitrary<Object> memberValue = Arbitraries.oneOf(anyValue(), Arbitraries.just(null),
                Arbitraries.maps(Arbitraries.of("source1", "source2", "x"), anyValue()).ofMaxSize(3).map(m -> (Object) m),
                Arbitraries.just(List.of(Map.of())));
        Arbitrary<Map<String, Object>> mutated = Combinators.combine(
                Arbitraries.integers().between(0, 1000), Arbitraries.of(MEMBERS), memberValue).as((i, member, value) -> {
                    Map<String, Object> source = validSource(i);
                    source.put(member, value);
                    return source;
                });
        return mutated.list().ofMinSize(0).ofMaxSize(4);
    }

    @Property(tries = 80)
    void malformedJsonAsTextBytesStreamOrReader(@ForAll("mutatedJson") String json, @ForAll("carriers") String carrier) {
        check(carry(json, carrier), Map.of());
    }

    static Object carry(String text, String carrier) {
        return switch (carrier) {
            case "bytes" -> text.getBytes(StandardCharsets.UTF_8);
            case "stream" -> new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
            case "reader" -> new StringReader(text);
            default -> text;
        };
    }

    @Provide
    Arbitrary<String> carriers() {
        return Arbitraries.of("string", "bytes", "stream", "reader");
    }

    @Provide
    Arbitrary<String> mutatedJson() {
        String valid = "[{\"sourceFiles\":{\"source1\":\"s3://lab-bucket/j/A_R1.fastq.gz\",\"source2\":"
                       + "\"s3://lab-bucket/j/A_R2.fastq.gz\"},\"sourceFileType\":\"FASTQ\",\"subjectId\":\"P\","
                       + "\"sampleId\":\"A\",\"tags\":{\"run\":\"7\"}}]";
        Arbitrary<Integer> at = Arbitraries.integers().between(0, valid.length());
        return Arbitraries.oneOf(
                at.map(i -> valid.substring(0, i)),                                                     // truncated
                Combinators.combine(at, Arbitraries.chars()).as((i, c) -> valid.substring(0, i) + c + valid.substring(i)),
                Combinators.combine(at, nastyText()).as((i, s) -> valid.substring(0, i) + s + valid.substring(i)),
                Combinators.combine(at, Arbitraries.chars()).as((i, c) -> valid.substring(0, Math.max(0, i - 1)) + c
                                                                        + valid.substring(i)),
                nastyText().map(s -> valid.replace("s3://lab-bucket/j/A_R1.fastq.gz", s.replace("\"", "\\\""))),
                Arbitraries.of("{}", "[]", "null", "1", "\"text\"", "[null]", "[1,2]", "{\"sources\":{}}",
                        "{\"sources\":null}", "{\"roleArn\":5}", "{\"sources\":[{}]}", "[[]]", "\uFEFF[]"));
    }

    /** A run's file list with names of any content: typed, paired and skipped, or each bad name refused by its line. */
    @Property(tries = 60)
    void fileListsOfAnyNames(@ForAll("fileNames") List<String> names, @ForAll boolean asList,
                             @ForAll("carriers") String carrier) {
        String folder = "s3://lab-bucket/fl" + cases.get() + "/";
        List<String> uris = names.stream().map(name -> folder + name).toList();
        check(asList ? uris : carry(String.join("\n", uris), carrier), Map.of());
    }

    @Provide
    Arbitrary<List<String>> fileNames() {
        Arbitrary<String> stem = Arbitraries.oneOf(nastyText().filter(s -> s.length() < 200),
                Arbitraries.of("NA12878", "NA12878_S1", "Undetermined_S0", "tumor_R1_rep", "SRR2024996", "S_1"));
        Arbitrary<String> read = Arbitraries.of("", "_R1", "_R2", "_1", "_2", ".R1", ".R2", "_I1", "_S1_L001_R1_001",
                "_S1_L001_R2_001", "_S1_L002_I2_001", "_r2");
        Arbitrary<String> extension = Arbitraries.of(".fastq.gz", ".fq", ".FASTQ.GZ", ".bam", ".cram", ".bam.bai",
                ".cram.crai", ".fastq.gz.md5", ".csi", ".txt", "", "/");
        return Combinators.combine(stem, read, extension).as((a, b, c) -> a + b + c).list().ofMinSize(1).ofMaxSize(12);
    }

    @Property(tries = 60)
    void malformedSampleSheets(@ForAll("columns") List<String> columns, @ForAll("cells") List<List<String>> rows,
                               @ForAll("carriers") String carrier) {
        StringBuilder csv = new StringBuilder(String.join(",", columns)).append('\n');
        rows.forEach(r -> csv.append(String.join(",", r)).append('\n'));
        check(carry(csv.toString(), carrier), Map.of());
    }

    @Provide
    Arbitrary<List<String>> columns() {
        return Arbitraries.of("sampleId", "subjectId", "sourceFileType", "source1", "source2", "referenceArn", "name",
                "description", "generatedFrom", "tag:run", "tag:", "sample", "fastq_1", "fastq_2", "patient", "subject",
                "\"quoted\"", "", "unknown", "sampleId").list().ofMinSize(1).ofMaxSize(8);
    }

    @Provide
    Arbitrary<List<List<String>>> cells() {
        Arbitrary<String> cell = Arbitraries.oneOf(nastyText().filter(s -> s.length() < 1000),
                Arbitraries.of("S1", "P1", "FASTQ", "s3://lab-bucket/c/S1.fastq.gz", "\"a,b\"", "\"unterminated", "a\"b"));
        return cell.list().ofMinSize(0).ofMaxSize(10).list().ofMaxSize(5);
    }

    @Property(tries = 25)
    void manySourcesSomeBad(@ForAll("sourceCounts") int count, @ForAll("badIndexes") List<Integer> bad,
                            @ForAll("nastyText") String badValue, @ForAll("members") String member) {
        List<Map<String, Object>> sources = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, Object> source = validSource(i + 10_000 * cases.get());
            if (bad.contains(i)) {
                if (member.equals("source1")) {
                    source.put("sourceFiles", Map.of("source1", badValue));
                } else {
                    source.put(member, badValue);
                }
            }
            sources.add(source);
        }
        check(sources, Map.of());
    }

    @Provide
    Arbitrary<Integer> sourceCounts() {
        return Arbitraries.integers().between(95, 260);
    }

    @Provide
    Arbitrary<List<Integer>> badIndexes() {
        return Arbitraries.integers().between(0, 260).list().ofMaxSize(3);
    }

    @Provide
    Arbitrary<String> members() {
        return Arbitraries.of("source1", "referenceArn", "subjectId", "sampleId", "sourceFileType", "generatedFrom");
    }

    @Property(tries = 40)
    void sdkRequestsAndSourceItemsWithHostileValues(@ForAll("nastyText") String a, @ForAll("nastyText") String b,
                                                    @ForAll("sdkForms") String form) {
        StartReadSetImportJobSourceItem item = StartReadSetImportJobSourceItem.builder()
                .sourceFiles(SourceFiles.builder().source1(form.contains("s1") ? a : "s3://lab-bucket/p/" + cases.get()
                                                                                     + ".fastq.gz").build())
                .sourceFileType(form.contains("type") ? b : "FASTQ").subjectId(form.contains("subject") ? a : "P")
                .sampleId(form.contains("sample") ? b : "S").referenceArn(form.contains("ref") ? a : null)
                .build();
        Object body = form.startsWith("request")
                ? StartReadSetImportJobRequest.builder().sources(item).roleArn(form.contains("role") ? b : null)
                        .clientToken(form.contains("token") ? a + cases.get() : null).build()
                : form.startsWith("list") ? List.of(item, item) : item;
        check(body, Map.of());
    }

    @Provide
    Arbitrary<String> sdkForms() {
        return Arbitraries.of("item s1", "item type", "item subject", "item sample ref", "list s1", "request role",
                "request token", "request s1 type", "item", "request");
    }

    @Property(tries = 20)
    void deepNesting(@ForAll("depths") int depth, @ForAll("carriers") String carrier, @ForAll boolean asMap) {
        if (asMap) {
            Map<String, Object> nested = new HashMap<>();
            Map<String, Object> inner = nested;
            for (int i = 0; i < depth; i++) {
                Map<String, Object> next = new HashMap<>();
                inner.put("tags", next);
                inner = next;
            }
            Map<String, Object> source = validSource(depth);
            source.put("sourceFiles", nested);
            check(List.of(source), Map.of());
        } else {
            check(carry("[".repeat(depth) + "]".repeat(depth), carrier), Map.of());
        }
    }

    @Provide
    Arbitrary<Integer> depths() {
        return Arbitraries.integers().between(500, 20_000);
    }

    @Property(tries = 10)
    void bodiesOverTheSizeLimit(@ForAll("carriers") String carrier, @ForAll("oversize") int extra) {
        String big = "[" + " ".repeat((int) Omics2Configuration.DEFAULT_MAX_BODY_SIZE + extra) + "]";
        Exchange exchange = check(carry(big, carrier), Map.of());
        InvalidRequestException e = (InvalidRequestException) exchange.getException();
        if (e == null || !e.getMessage().contains("maxBodySize (10485760 bytes)")) {
            throw new AssertionError("expected the size limit to be named: " + exchange.getException());
        }
    }

    @Provide
    Arbitrary<Integer> oversize() {
        return Arbitraries.integers().between(0, 1_000_000);
    }
}
