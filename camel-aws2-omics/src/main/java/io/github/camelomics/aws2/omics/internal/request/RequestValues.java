package io.github.camelomics.aws2.omics.internal.request;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelomics.aws2.omics.Omics2Configuration;
import org.apache.camel.Message;
import software.amazon.awssdk.services.omics.model.OmicsRequest;

import static io.github.camelomics.aws2.omics.Omics2Constants.SEQUENCE_STORE_ID;

/**
 * The values one message offers a request, resolved by the component's single precedence rule:
 * <b>message header &gt; message body &gt; endpoint option &gt; component option</b>. (Endpoint options already hold
 * the component's where the URI sets nothing.) Headers of the wrong type do not throw at once: each becomes a problem,
 * so that one exception can name them all.
 */
public final class RequestValues {

    private final Message message;
    private final Omics2Configuration options;
    private final List<String> problems = new ArrayList<>();
    private OmicsRequest wired;
    private ObjectNode wire;

    public RequestValues(Message message, Omics2Configuration options) {
        this.message = message;
        this.options = options;
    }

    public Omics2Configuration options() {
        return options;
    }

    public Object body() {
        return message.getBody();
    }

    /** The body converted by Camel's type converters, or null when it cannot be. */
    public <T> T body(Class<T> type) {
        return message.getBody(type);
    }

    /**
     * The request as the service would receive it, built once per request: validation and the content client token
     * read the same tree.
     */
    /** A value from the input as a problem quotes it: cut after 64 characters, control characters escaped. */
    public static String printable(String value) {
        return RequestValidator.printable(value);
    }

    /** Checks the request against the service model: each violation becomes a problem. */
    public void validate(OmicsRequest request) {
        RequestValidator.check(request, wire(request), this::problem);
    }

    public ObjectNode wire(OmicsRequest request) {
        if (request != wired) {
            wire = SdkJson.write(request);
            wired = request;
        }
        return wire;
    }

    public List<String> problems() {
        return problems;
    }

    public void problem(String problem) {
        problems.add(problem);
    }

    /**
     * The header as it is, of whatever type. Every header is read here: a message that came without headers (a body
     * sent alone, as most routes do) is not looked up at all, since Camel's header map hashes each name it is asked for.
     */
    public Object header(String header) {
        return message.hasHeaders() ? message.getHeader(header) : null;
    }

    public boolean has(String header) {
        return header(header) != null;
    }

    /** The sequence store: header, else the body's, else option sequenceStoreId (every operation has one). */
    public String sequenceStoreId(String fromBody) {
        return text(SEQUENCE_STORE_ID, fromBody, options.getSequenceStoreId());
    }

    /** Header, else the body's value, else the option (null when none gives one). */
    public String text(String header, String fromBody, String option) {
        String value = text(header);
        return value != null ? value : fromBody != null ? fromBody : option;
    }

    public String text(String header) {
        Object value = header(header);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        if (value instanceof CharSequence || value instanceof Number || value instanceof Enum<?>) {
            return value.toString();
        }
        return wrongType(header, "text", value);
    }

    public Integer integer(String header, Integer fromBody) {
        Object value = header(header);
        if (value == null) {
            return fromBody;
        }
        if (value instanceof Integer i) {
            return i;
        }
        if (value instanceof Number || value instanceof CharSequence) {
            try {
                return Integer.valueOf(value.toString().trim());
            } catch (NumberFormatException e) {
                return wrongType(header, "a whole number", value);
            }
        }
        return wrongType(header, "a whole number", value);
    }

    public Instant instant(String header, Instant fromBody) {
        Object value = header(header);
        if (value == null) {
            return fromBody;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof Date d) {
            return d.toInstant();
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof ZonedDateTime z) {
            return z.toInstant();
        }
        if (value instanceof CharSequence text) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                return wrongType(header, "an ISO-8601 time such as 2024-05-01T12:00:00Z", value);
            }
        }
        return wrongType(header, "an Instant, Date, OffsetDateTime or ISO-8601 text", value);
    }

    public Map<String, String> tags(String header, Map<String, String> fromBody) {
        Object value = header(header);
        if (value == null) {
            return fromBody;
        }
        if (!(value instanceof Map<?, ?> map)) {
            return wrongType(header, "a Map of tag keys to values", value);
        }
        Map<String, String> tags = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            if (k == null || v == null) {
                problems.add("header " + header + ": tag keys and values must not be null, got " + k + "=" + v);
            } else {
                tags.put(k.toString(), v.toString());
            }
        });
        return tags;
    }

    private <T> T wrongType(String header, String expected, Object value) {
        problems.add("header " + header + ": expected " + expected + ", got a " + value.getClass().getName()
                     + (value instanceof CharSequence ? " '" + RequestValidator.printable(value.toString()) + "'" : ""));
        return null;
    }
}
