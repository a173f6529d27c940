package io.github.camelomics.aws2.omics.internal.job;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelomics.aws2.omics.ClientTokenStrategy;
import io.github.camelomics.aws2.omics.model.Digests;

/**
 * Where the client token of each job of one request comes from. A token the request gives is used as is for a single
 * job and suffixed with the job's number when the sources are split; otherwise the strategy derives one.
 *
 * @param strategy    how to derive a token when the request gives none
 * @param exchangeId  the exchange's id, for {@link ClientTokenStrategy#exchange}; asked for only then, since Camel makes
 *                    an exchange's id when it is first read
 * @param wireRequest the whole request as the service would receive it; read only for the content strategy, when
 *                    the request gives no token
 */
record ClientTokens(ClientTokenStrategy strategy, Supplier<String> exchangeId, Supplier<ObjectNode> wireRequest) {

    private static final int MAX_LENGTH = 127;
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    /** The token of one job, given the request's own token (null when it has none). */
    String of(String given, JobSlice job) {
        String base;
        if (given != null) {
            base = given;
        } else {
            switch (strategy) {
                case none:
                    return null;
                case exchange:
                    base = exchangeId.get();
                    break;
                default:
                    // each job's own content: the same sources give the same token, whichever process sends them
                    return sha256(job(wireRequest.get(), job));
            }
        }
        if (job.count() == 1) {
            return base;
        }
        String suffix = "-" + (job.index() + 1);
        return base.length() + suffix.length() <= MAX_LENGTH ? base + suffix : Digests.sha256Hex(base) + suffix;
    }

    /** The job's wire form: the request's members, its own slice of the sources (the nodes are shared, not copied). */
    private static JsonNode job(ObjectNode request, JobSlice slice) {
        JsonNode sources = request.path("sources");
        if (slice.isWhole(sources.size())) {
            return request;
        }
        ObjectNode job = request.objectNode();
        request.fields().forEachRemaining(member -> job.set(member.getKey(), member.getValue()));
        ArrayNode own = job.putArray("sources");
        for (int i = slice.from(); i < slice.to(); i++) {
            own.add(sources.get(i));
        }
        return job;
    }

    /** Hashes the JSON as it is written: no string of the whole request is built. */
    private static String sha256(JsonNode json) {
        MessageDigest digest = Digests.sha256();
        try (OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), digest)) {
            JSON.writeValue(out, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Digests.hex(digest);
    }
}
