package io.github.camelomics.aws2.omics;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.github.camelomics.aws2.omics.support.OmicsTestSupport;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.omics.model.GetReadSetImportJobRequest;
import software.amazon.awssdk.services.omics.model.GetReadSetImportJobResponse;
import software.amazon.awssdk.services.omics.model.GetReadSetMetadataResponse;
import software.amazon.awssdk.services.omics.model.ImportReadSetSourceItem;
import software.amazon.awssdk.services.omics.model.ListReadSetImportJobsRequest;
import software.amazon.awssdk.services.omics.model.ListReadSetImportJobsResponse;
import software.amazon.awssdk.services.omics.model.ListReadSetsResponse;
import software.amazon.awssdk.services.omics.model.ReadSetImportJobItemStatus;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.github.camelomics.aws2.omics.support.OmicsWireMock.JOB;
import static io.github.camelomics.aws2.omics.support.OmicsWireMock.READ_SET;
import static io.github.camelomics.aws2.omics.support.OmicsWireMock.STORE;
import static io.github.camelomics.aws2.omics.support.OmicsWireMock.signed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The other four operations: what reaches the wire and what comes back onto the exchange. */
class SiblingOperationsTest extends OmicsTestSupport {

    @Test
    void getReadSetImportJobFromHeaders() {
        Exchange exchange = send("aws2-omics:getReadSetImportJob", null,
                Map.of(Omics2Constants.SEQUENCE_STORE_ID, STORE, Omics2Constants.IMPORT_JOB_ID, JOB));

        assertNull(exchange.getException());
        WIRE.verify(1, signed(getRequestedFor(urlEqualTo("/sequencestore/" + STORE + "/importjob/" + JOB)))
                .withRequestBody(absent()));
        GetReadSetImportJobResponse response = assertInstanceOf(GetReadSetImportJobResponse.class, exchange.getMessage().getBody());
        assertEquals("COMPLETED_WITH_FAILURES", exchange.getMessage().getHeader(Omics2Constants.IMPORT_JOB_STATUS));
        assertEquals(Instant.parse("2026-11-29T01:45:00Z"), exchange.getMessage().getHeader(Omics2Constants.COMPLETION_TIME));
        assertEquals(List.of(READ_SET), exchange.getMessage().getHeader(Omics2Constants.READ_SET_IDS));
        @SuppressWarnings("unchecked")
        List<ImportReadSetSourceItem> sources
                = exchange.getMessage().getHeader(Omics2Constants.IMPORT_JOB_SOURCES, List.class);
        assertEquals(response.sources(), sources);
        assertEquals(ReadSetImportJobItemStatus.FAILED, sources.get(1).status());
        assertEquals("Source file not found", sources.get(1).statusMessage());
        assertEquals("sample-2", sources.get(1).sampleId());
    }

    @Test
    void getReadSetImportJobFromItsSdkRequest() {
        Exchange exchange = send("aws2-omics:getReadSetImportJob",
                GetReadSetImportJobRequest.builder().sequenceStoreId(STORE).id(JOB).build(), Map.of());

        assertNull(exchange.getException());
        WIRE.verify(1, getRequestedFor(urlEqualTo("/sequencestore/" + STORE + "/importjob/" + JOB)));
    }

    @Test
    void listReadSetImportJobsSendsPagingInTheQueryAndFiltersInTheBody() {
        Exchange exchange = send("aws2-omics:listReadSetImportJobs?sequenceStoreId=" + STORE, null, Map.of(
                Omics2Constants.MAX_RESULTS, "25",
                Omics2Constants.NEXT_TOKEN, "page-1",
                Omics2Constants.FILTER_STATUS, "IN_PROGRESS",
                Omics2Constants.FILTER_CREATED_AFTER, "2026-11-01T00:00:00Z",
                Omics2Constants.FILTER_CREATED_BEFORE, Instant.parse("2026-11-30T00:00:00Z")));

        assertNull(exchange.getException());
        WIRE.verify(1, signed(postRequestedFor(urlEqualTo("/sequencestore/" + STORE + "/importjobs?maxResults=25&nextToken=page-1")))
                .withRequestBody(equalToJson("""
                        {"filter":{"status":"IN_PROGRESS","createdAfter":"2026-11-01T00:00:00Z","createdBefore":"2026-11-30T00:00:00Z"}}
                        """)));
        ListReadSetImportJobsResponse response = assertInstanceOf(ListReadSetImportJobsResponse.class, exchange.getMessage().getBody());
        assertEquals(JOB, response.importJobs().get(0).id());
        assertEquals("page-2", exchange.getMessage().getHeader(Omics2Constants.NEXT_TOKEN));
    }

    @Test
    void listWithoutFilterSendsAnEmptyObject() {
        Exchange exchange = send("aws2-omics:listReadSetImportJobs",
                ListReadSetImportJobsRequest.builder().sequenceStoreId(STORE).build(), Map.of());

        assertNull(exchange.getException());
        WIRE.verify(1, postRequestedFor(urlEqualTo("/sequencestore/" + STORE + "/importjobs")).withRequestBody(equalToJson("{}")));
    }

    @Test
    void getReadSetMetadata() {
        Exchange exchange = send("aws2-omics:getReadSetMetadata?sequenceStoreId=" + STORE, null,
                Map.of(Omics2Constants.READ_SET_ID, READ_SET));

        assertNull(exchange.getException());
        WIRE.verify(1, signed(getRequestedFor(urlEqualTo("/sequencestore/" + STORE + "/readset/" + READ_SET + "/metadata"))));
        GetReadSetMetadataResponse response = assertInstanceOf(GetReadSetMetadataResponse.class, exchange.getMessage().getBody());
        assertEquals(4L, response.sequenceInformation().totalReadCount());
        assertEquals("ACTIVE", exchange.getMessage().getHeader(Omics2Constants.READ_SET_STATUS));
        assertEquals(JOB, response.creationJobId());
    }

    @Test
    void listReadSetsWithReadSetFiltersAndLastPageRemovesTheNextToken() {
        Exchange exchange = send("aws2-omics:listReadSets?sequenceStoreId=" + STORE, null, Map.of(
                Omics2Constants.MAX_RESULTS, 10,
                Omics2Constants.NEXT_TOKEN, "page-3",
                Omics2Constants.FILTER_STATUS, "ACTIVE",
                Omics2Constants.SAMPLE_ID, "sample-1",
                Omics2Constants.SUBJECT_ID, "subject-1",
                Omics2Constants.READ_SET_NAME, "sample-1 run 7",
                Omics2Constants.FILTER_CREATION_TYPE, "IMPORT"));

        assertNull(exchange.getException());
        WIRE.verify(1, signed(postRequestedFor(urlEqualTo("/sequencestore/" + STORE + "/readsets?maxResults=10&nextToken=page-3")))
                .withRequestBody(equalToJson("""
                        {"filter":{"status":"ACTIVE","sampleId":"sample-1","subjectId":"subject-1","name":"sample-1 run 7",
                                   "creationType":"IMPORT"}}
                        """)));
        ListReadSetsResponse response = assertInstanceOf(ListReadSetsResponse.class, exchange.getMessage().getBody());
        assertEquals(READ_SET, response.readSets().get(0).id());
        assertFalse(exchange.getMessage().getHeaders().containsKey(Omics2Constants.NEXT_TOKEN),
                "the last page leaves no stale token for the next call");
    }
}
