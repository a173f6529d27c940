package io.github.camelomics.aws2.omics.model;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pattern of the model, matched against a whole value, answered without the regex engine where that is cheap and
 * provably the same. Profiling the validation of a 100-source request found the regex engine doing most of the work:
 * <ul>
 * <li>Most ids and names have the pattern {@code [\p{L}||\p{M}||\p{Z}||\p{S}||\p{N}||\p{P}]+}, for which the engine tests
 * every character against six Unicode categories in turn. A pattern that is one character class repeated
 * ({@code [...]+}) is answered from a table of the ASCII characters it accepts, built by asking that class once per
 * character; text with any other character still goes to the regex.</li>
 * <li>Every source file is checked against {@link #S3_URI}, which the engine walks node by node. It is matched here in
 * one pass over the text.</li>
 * </ul>
 * {@code ShapeValidatorTest} holds both against the regex on every pattern of the model.
 */
final class TextPattern {

    /** The model's S3Uri: a bucket name of 3 to 63 characters, a slash, a key of 1 to 1,024 characters. */
    static final String S3_URI = "s3://([a-z0-9][a-z0-9-.]{1,61}[a-z0-9])/(.{1,1024})";

    /** One bracketed class, without nested classes or an escaped bracket, repeated at least once. */
    private static final Pattern CLASS_REPEATED = Pattern.compile("(\\[[^\\[\\]\\\\]*(?:\\\\[^\\[\\]][^\\[\\]\\\\]*)*\\])\\+");

    private final Pattern pattern;
    private final boolean[] ascii;
    private final boolean s3Uri;

    private TextPattern(Pattern pattern, boolean[] ascii, boolean s3Uri) {
        this.pattern = pattern;
        this.ascii = ascii;
        this.s3Uri = s3Uri;
    }

    static TextPattern of(String regex) {
        Pattern pattern = Pattern.compile(regex);
        if (regex.equals(S3_URI)) {
            return new TextPattern(pattern, null, true);
        }
        Matcher repeated = CLASS_REPEATED.matcher(regex);
        if (!repeated.matches()) {
            return new TextPattern(pattern, null, false);
        }
        Pattern oneCharacter = Pattern.compile(repeated.group(1));
        boolean[] ascii = new boolean[128];
        for (char c = 0; c < ascii.length; c++) {
            ascii[c] = oneCharacter.matcher(String.valueOf(c)).matches();
        }
        return new TextPattern(pattern, ascii, false);
    }

    boolean matches(String text) {
        if (s3Uri) {
            return isS3Uri(text);
        }
        if (ascii == null || text.isEmpty()) {
            return pattern.matcher(text).matches();
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= ascii.length) {
                return pattern.matcher(text).matches();
            }
            if (!ascii[c]) {
                return false;
            }
        }
        return true;
    }

    /** Whether something other than the regex answers (for tests). */
    boolean compiled() {
        return ascii != null || s3Uri;
    }

    /**
     * {@link #S3_URI}: a bucket cannot hold a slash, so it ends at the first one after {@code s3://}; the key's {@code .}
     * is any code point but a line terminator, and its length counts code points, as the regex does.
     */
    private static boolean isS3Uri(String text) {
        if (!text.startsWith("s3://")) {
            return false;
        }
        int slash = text.indexOf('/', 5);
        int bucketLength = slash - 5;
        if (slash < 0 || bucketLength < 3 || bucketLength > 63) {
            return false;
        }
        for (int i = 5; i < slash; i++) {
            char c = text.charAt(i);
            boolean edge = i == 5 || i == slash - 1;
            boolean letterOrDigit = c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
            if (!letterOrDigit && (edge || c != '-' && c != '.')) {
                return false;
            }
        }
        int keyLength = text.codePointCount(slash + 1, text.length());
        if (keyLength < 1 || keyLength > 1024) {
            return false;
        }
        for (int i = slash + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return pattern.pattern();
    }
}
