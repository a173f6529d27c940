package io.github.camelomics.aws2.omics.emulator.s3;

import io.github.camelomics.aws2.omics.model.Digests;
import io.github.camelomics.aws2.omics.model.ReadSetRules;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A sequence store's ETag algorithm family (set when the store is created; MD5up by default). With the source's
 * file type it names the algorithm of a read set's ETag, e.g. {@code FASTQ_MD5up}; uBAM sources use the BAM one.
 */
public enum ETagAlgorithmFamily {
    MD5UP("MD5up", "MD5"),
    SHA256UP("SHA256up", "SHA-256"),
    SHA512UP("SHA512up", "SHA-512");

    private final String serviceName;
    private final String digestAlgorithm;

    ETagAlgorithmFamily(String serviceName, String digestAlgorithm) {
        this.serviceName = serviceName;
        this.digestAlgorithm = digestAlgorithm;
    }

    /** The name the service uses: {@code MD5up}, {@code SHA256up} or {@code SHA512up}. */
    public String serviceName() {
        return serviceName;
    }

    /** The model's {@code ETagAlgorithm} for a source of this file type (FASTQ, BAM, UBAM, CRAM). */
    public String algorithmFor(String sourceFileType) {
        return (ReadSetRules.isBamEncoding(sourceFileType) ? "BAM" : sourceFileType) + "_" + serviceName;
    }

    MessageDigest newDigest() {
        return Digests.of(digestAlgorithm);
    }

    /** Accepts the service name ({@code SHA256up}) or the enum name. */
    public static ETagAlgorithmFamily parse(String name) {
        return Arrays.stream(values()).filter(f -> f.serviceName.equals(name) || f.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("an ETag algorithm family is one of "
                        + Arrays.stream(values()).map(ETagAlgorithmFamily::serviceName).collect(Collectors.joining(", "))
                        + ", not " + name));
    }
}
