package io.github.camelomics.aws2.omics.internal.job;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelomics.aws2.omics.ClientTokenStrategy;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Which client token each job of a request gets. */
class ClientTokensTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REQUEST = """
            {"sequenceStoreId":"1234567890","roleArn":"arn:aws:iam::123456789012:role/OmicsImport","sources":[\
            {"sampleId":"S1"},{"sampleId":"S2"},{"sampleId":"S3"}]}""";

    private final AtomicInteger wireReads = new AtomicInteger();

    private Supplier<ObjectNode> wire() {
        return () -> {
            wireReads.incrementAndGet();
            try {
                return (ObjectNode) JSON.readTree(REQUEST);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private ClientTokens tokens(ClientTokenStrategy strategy) {
        return new ClientTokens(strategy, () -> "ID-exchange-1", wire());
    }

    @Test
    void aGivenTokenIsUsedAsIsForOneJobWhateverTheStrategy() {
        for (ClientTokenStrategy strategy : ClientTokenStrategy.values()) {
            assertEquals("my-token", tokens(strategy).of("my-token", new JobSlice(0, 1, 0, 3)), strategy.name());
        }
        assertEquals(0, wireReads.get(), "a given token needs no hash of the request");
    }

    @Test
    void aGivenTokenIsSuffixedWithTheJobNumberWhenTheSourcesAreSplit() {
        ClientTokens tokens = tokens(ClientTokenStrategy.content);
        assertEquals("my-token-1", tokens.of("my-token", new JobSlice(0, 2, 0, 2)));
        assertEquals("my-token-2", tokens.of("my-token", new JobSlice(1, 2, 2, 3)));
    }

    @Test
    void aSuffixedTokenThatWouldPassTheServicesLimitIsHashedFirst() throws Exception {
        String given = "t".repeat(126); // 126 + "-1" = 128 > 127
        assertEquals(sha256(given) + "-1", tokens(ClientTokenStrategy.none).of(given, new JobSlice(0, 2, 0, 2)));
        String fits = "t".repeat(125); // 125 + "-1" = 127
        assertEquals(fits + "-1", tokens(ClientTokenStrategy.none).of(fits, new JobSlice(0, 2, 0, 2)));
    }

    @Test
    void noneSendsNoToken() {
        assertNull(tokens(ClientTokenStrategy.none).of(null, new JobSlice(0, 1, 0, 3)));
        assertNull(tokens(ClientTokenStrategy.none).of(null, new JobSlice(1, 2, 2, 3)));
    }

    @Test
    void exchangeUsesTheExchangeIdSuffixedPerJob() {
        assertEquals("ID-exchange-1", tokens(ClientTokenStrategy.exchange).of(null, new JobSlice(0, 1, 0, 3)));
        assertEquals("ID-exchange-1-2", tokens(ClientTokenStrategy.exchange).of(null, new JobSlice(1, 2, 2, 3)));
    }

    @Test
    void contentIsTheSha256OfTheWholeRequestForOneJob() throws Exception {
        assertEquals(sha256(JSON.writeValueAsString(JSON.readTree(REQUEST))),
                tokens(ClientTokenStrategy.content).of(null, new JobSlice(0, 1, 0, 3)));
    }

    @Test
    void contentOfASplitJobIsTheSha256OfItsOwnSliceOfTheSources() throws Exception {
        String secondJob = """
                {"sequenceStoreId":"1234567890","roleArn":"arn:aws:iam::123456789012:role/OmicsImport","sources":[\
                {"sampleId":"S3"}]}""";
        String first = tokens(ClientTokenStrategy.content).of(null, new JobSlice(0, 2, 0, 2));
        String second = tokens(ClientTokenStrategy.content).of(null, new JobSlice(1, 2, 2, 3));

        assertEquals(sha256(secondJob), second);
        assertNotEquals(first, second);
        assertEquals(first, tokens(ClientTokenStrategy.content).of(null, new JobSlice(0, 2, 0, 2)),
                "the same sources give the same token");
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
