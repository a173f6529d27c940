package io.github.camelomics.aws2.omics.emulator.http;

import java.util.Objects;

/**
 * The one key pair the emulator accepts. {@link #toString()} never shows the secret.
 */
public record Credentials(String accessKeyId, String secretAccessKey) {

    public Credentials {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
    }

    @Override
    public String toString() {
        return "Credentials[accessKeyId=" + accessKeyId + ", secretAccessKey=****]";
    }
}
