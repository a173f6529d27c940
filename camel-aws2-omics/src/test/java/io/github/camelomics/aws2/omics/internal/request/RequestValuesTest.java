package io.github.camelomics.aws2.omics.internal.request;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelomics.aws2.omics.Omics2Configuration;
import org.apache.camel.Message;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultMessage;
import org.junit.jupiter.api.Test;

import static io.github.camelomics.aws2.omics.Omics2Constants.FILTER_CREATED_AFTER;
import static io.github.camelomics.aws2.omics.Omics2Constants.MAX_RESULTS;
import static io.github.camelomics.aws2.omics.Omics2Constants.ROLE_ARN;
import static io.github.camelomics.aws2.omics.Omics2Constants.SEQUENCE_STORE_ID;
import static io.github.camelomics.aws2.omics.Omics2Constants.TAGS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The precedence rule, header &gt; body &gt; endpoint option &gt; component option, and headers of the wrong type. */
class RequestValuesTest {

    private static final Instant NOON = Instant.parse("2024-05-01T12:00:00Z");

    private final Message message = new DefaultMessage(new DefaultCamelContext());

    private RequestValues values(Omics2Configuration options) {
        return new RequestValues(message, options);
    }

    /** An endpoint's options: a copy of the component's with the URI's on top. */
    private static Omics2Configuration endpointOptions(String componentStore, String endpointStore) {
        Omics2Configuration component = new Omics2Configuration();
        component.setSequenceStoreId(componentStore);
        Omics2Configuration endpoint = component.copy();
        if (endpointStore != null) {
            endpoint.setSequenceStoreId(endpointStore);
        }
        return endpoint;
    }

    @Test
    void theHeaderBeatsTheBodyAndTheOptions() {
        message.setHeader(SEQUENCE_STORE_ID, "1111111111");
        assertEquals("1111111111", values(endpointOptions("4444444444", "3333333333")).sequenceStoreId("2222222222"));
    }

    @Test
    void theBodyBeatsTheOptions() {
        assertEquals("2222222222", values(endpointOptions("4444444444", "3333333333")).sequenceStoreId("2222222222"));
    }

    @Test
    void theEndpointOptionBeatsTheComponentOption() {
        assertEquals("3333333333", values(endpointOptions("4444444444", "3333333333")).sequenceStoreId(null));
    }

    @Test
    void theComponentOptionIsTheLastResort() {
        assertEquals("4444444444", values(endpointOptions("4444444444", null)).sequenceStoreId(null));
        assertNull(values(endpointOptions(null, null)).sequenceStoreId(null));
    }

    @Test
    void theSameOrderHoldsForEveryTextMember() {
        RequestValues in = values(new Omics2Configuration());
        assertEquals("from-option", in.text(ROLE_ARN, null, "from-option"));
        assertEquals("from-body", in.text(ROLE_ARN, "from-body", "from-option"));
        message.setHeader(ROLE_ARN, "from-header");
        assertEquals("from-header", in.text(ROLE_ARN, "from-body", "from-option"));
    }

    @Test
    void numbersAndTextAreReadAsWholeNumbers() {
        RequestValues in = values(new Omics2Configuration());
        assertEquals(3, in.integer(MAX_RESULTS, 3), "no header: the body's");
        message.setHeader(MAX_RESULTS, 25L);
        assertEquals(25, in.integer(MAX_RESULTS, 3));
        message.setHeader(MAX_RESULTS, " 40 ");
        assertEquals(40, in.integer(MAX_RESULTS, 3));
        assertEquals(List.of(), in.problems());
    }

    @Test
    void timesComeAsInstantDateOffsetDateTimeOrIsoText() {
        RequestValues in = values(new Omics2Configuration());
        for (Object header : new Object[] { NOON, Date.from(NOON), OffsetDateTime.ofInstant(NOON, ZoneOffset.ofHours(2)),
                                            "2024-05-01T14:00:00+02:00" }) {
            message.setHeader(FILTER_CREATED_AFTER, header);
            assertEquals(NOON, in.instant(FILTER_CREATED_AFTER, null), String.valueOf(header));
        }
        assertEquals(List.of(), in.problems());
    }

    @Test
    void headersOfTheWrongTypeAreProblemsNamingTheHeaderAndAllAreCollected() {
        message.setHeader(MAX_RESULTS, "ten");
        message.setHeader(FILTER_CREATED_AFTER, "yesterday");
        message.setHeader(TAGS, "project=x");
        RequestValues in = values(new Omics2Configuration());

        assertNull(in.integer(MAX_RESULTS, 5));
        assertNull(in.instant(FILTER_CREATED_AFTER, NOON));
        assertNull(in.tags(TAGS, Map.of("k", "v")));
        assertEquals(List.of(
                "header CamelAwsOmicsMaxResults: expected a whole number, got a java.lang.String 'ten'",
                "header CamelAwsOmicsFilterCreatedAfter: expected an ISO-8601 time such as 2024-05-01T12:00:00Z, got a "
                                                                                         + "java.lang.String 'yesterday'",
                "header CamelAwsOmicsTags: expected a Map of tag keys to values, got a java.lang.String 'project=x'"),
                in.problems());
    }

    @Test
    void tagsWithANullKeyOrValueAreAProblem() {
        Map<String, Object> tags = new LinkedHashMap<>();
        tags.put("project", "x");
        tags.put("owner", null);
        message.setHeader(TAGS, tags);
        RequestValues in = values(new Omics2Configuration());

        assertEquals(Map.of("project", "x"), in.tags(TAGS, null));
        assertEquals(List.of("header CamelAwsOmicsTags: tag keys and values must not be null, got owner=null"), in.problems());
    }
}
