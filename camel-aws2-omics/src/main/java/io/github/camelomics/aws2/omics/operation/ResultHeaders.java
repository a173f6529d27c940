package io.github.camelomics.aws2.omics.operation;

import org.apache.camel.Message;

/** Result headers that may be absent from a response. */
public final class ResultHeaders {

    private ResultHeaders() {
    }

    /**
     * Sets the header, or removes it when the response has no value: a stale value left from an earlier call would be
     * read as input by the next one (e.g. a NextToken that never ends a paging loop).
     */
    public static void setOrRemove(Message message, String header, Object value) {
        if (value == null) {
            message.removeHeader(header);
        } else {
            message.setHeader(header, value);
        }
    }
}
