package io.github.camelomics.aws2.omics.model;

/**
 * One broken constraint.
 *
 * @param path       the member path, e.g. {@code sources[3].sourceFiles.source1}
 * @param value      the offending value as shown to the client, or {@code null} for containers and absent members
 * @param constraint what the member must satisfy, in the service's wording
 */
public record Violation(String path, String value, String constraint) {

    private static final int MAX_SHOWN_VALUE = 64;

    /** The service's phrasing: {@code Value 'x' at 'path' failed to satisfy constraint: ...}. */
    public String describe() {
        String shown = value == null ? "null" : "'" + shorten(value) + "'";
        return "Value " + shown + " at '" + path + "' failed to satisfy constraint: " + constraint;
    }

    private static String shorten(String text) {
        return text.length() <= MAX_SHOWN_VALUE ? text : text.substring(0, MAX_SHOWN_VALUE) + "...";
    }
}
