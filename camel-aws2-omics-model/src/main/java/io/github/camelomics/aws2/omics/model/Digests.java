package io.github.camelomics.aws2.omics.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 as lower-case hex, the form client tokens, ledger file names and SigV4 use; and the hex of any digest (the
 * emulator's ETags hash with MD5, SHA-256 or SHA-512).
 */
public final class Digests {

    private Digests() {
    }

    /** A new SHA-256 digest; every Java platform has one. */
    public static MessageDigest sha256() {
        return of("SHA-256");
    }

    /** A new digest of an algorithm every Java platform has (MD5, SHA-256, SHA-512...). */
    public static MessageDigest of(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every Java platform", e);
        }
    }

    public static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    public static String sha256Hex(String text) {
        return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
    }

    public static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }
}
