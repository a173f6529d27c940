package io.github.camelomics.aws2.omics.model;

import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Where a value stands in a request, e.g. {@code sources[3].sourceFiles.source1}. Linked, and spelled out only when a
 * problem is reported, so that walking a valid request builds no strings. Names can come from the input (tag keys,
 * unknown members): one that is not plain is shown as a JSON string, control characters escaped and cut after 61
 * characters, so that a hostile name can neither forge a line of a log nor flood one.
 *
 * @param member a member name; for a root, the text it starts from (trusted, shown as is; may be empty)
 * @param index  a list index, or -1
 */
public record MemberPath(MemberPath parent, String member, int index) {

    /** The request itself: its members are shown unprefixed. */
    public static final MemberPath ROOT = new MemberPath(null, "", -1);

    /** Member names and tag keys as the API spells them; anything else is quoted. */
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9_:.+=@/-]{1,128}");

    /** A root that starts from a given text, such as {@code sources[0]} for a source read on its own. */
    public static MemberPath startingAt(String prefix) {
        return new MemberPath(null, prefix == null ? "" : prefix, -1);
    }

    public MemberPath member(String name) {
        return new MemberPath(this, name, -1);
    }

    public MemberPath index(int i) {
        return new MemberPath(this, null, i);
    }

    @Override
    public String toString() {
        if (parent == null) {
            return member;
        }
        String before = parent.toString();
        if (member == null) {
            return before + "[" + index + "]";
        }
        String name = PLAIN_NAME.matcher(member).matches() ? member : quoted(member);
        return before.isEmpty() ? name : before + "." + name;
    }

    /** A name as a JSON string: empty names show as {@code ""}, control characters escaped, long names cut. */
    private static String quoted(String name) {
        String shown = name.length() > 64 ? name.substring(0, 61) + "..." : name;
        return TextNode.valueOf(shown).toString();
    }
}
