package io.github.camelomics.aws2.omics.job;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import io.github.camelomics.aws2.omics.ClientTokenStrategy;
import io.github.camelomics.aws2.omics.request.SdkJson;
import software.amazon.awssdk.services.omics.model.StartReadSetImportJobRequest;

/**
 * The client token of each job a request becomes. A given token is used as is for a single job and suffixed with the
 * job's number when the sources are split; otherwise the strategy derives one.
 */
final class ClientTokens {

    private static final int MAX_LENGTH = 127;

    private ClientTokens() {
    }

    static String of(StartReadSetImportJobRequest job, String given, int index, int jobs, ClientTokenStrategy strategy,
                     String exchangeId) {
        String base;
        if (given != null) {
            base = given;
        } else {
            switch (strategy) {
                case none:
                    return null;
                case exchange:
                    base = exchangeId;
                    break;
                default:
                    // each job's own content: the same sources give the same token, whichever process sends them
                    return sha256(SdkJson.write(job.toBuilder().clientToken(null).build()).toString());
            }
        }
        if (jobs == 1) {
            return base;
        }
        String suffix = "-" + (index + 1);
        return base.length() + suffix.length() <= MAX_LENGTH ? base + suffix : sha256(base) + suffix;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
