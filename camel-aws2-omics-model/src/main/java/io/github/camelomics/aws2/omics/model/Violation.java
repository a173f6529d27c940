package io.github.camelomics.aws2.omics.model;

/**
 * One broken constraint.
 *
 * @param path       the member path, e.g. {@code sources[3].sourceFiles.source1}
 * @param value      the offending value as shown to the client, or {@code null} for containers and absent members
 * @param constraint what the member must satisfy, in the service's wording
 * @param kind       which sort of constraint it is, for callers that treat some differently (the wording is for people)
 */
public record Violation(String path, String value, String constraint, Kind kind) {

    /** The sorts of constraint a value can break. */
    public enum Kind {
        /** Not the JSON type the shape has (a string, a list, an ISO-8601 timestamp...). */
        TYPE,
        /** A required member is absent or null. */
        REQUIRED,
        /** Fewer characters, items or entries than the shape's minimum length. */
        TOO_SHORT,
        /** More characters, items or entries than the shape's maximum length. */
        TOO_LONG,
        /** A number below the shape's minimum. */
        TOO_SMALL,
        /** A number above the shape's maximum. */
        TOO_LARGE,
        /** Text that does not match the shape's pattern. */
        PATTERN,
        /** Not one of the shape's enum values. */
        ENUM,
        /** A rule of the user guide that the model does not state (BAM and CRAM need a reference...). */
        RULE
    }

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
