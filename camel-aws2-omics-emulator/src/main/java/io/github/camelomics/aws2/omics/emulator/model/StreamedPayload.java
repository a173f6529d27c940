package io.github.camelomics.aws2.omics.emulator.model;

import java.nio.file.Path;

/**
 * A request body that is raw bytes (a part of an upload), as it arrived: written to a file on its way in, never held
 * in memory, with its size and SHA-256 taken on the way (the signature check needs the hash).
 *
 * @param file      where the bytes are; the operation moves it into place or it is deleted after the request
 * @param size      the number of bytes
 * @param sha256Hex the SHA-256 of the bytes, lower-case hex
 */
public record StreamedPayload(Path file, long size, String sha256Hex) {
}
