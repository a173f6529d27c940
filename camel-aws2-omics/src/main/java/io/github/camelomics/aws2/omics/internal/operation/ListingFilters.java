package io.github.camelomics.aws2.omics.internal.operation;

import io.github.camelomics.aws2.omics.internal.request.RequestValues;

import software.amazon.awssdk.services.omics.model.ImportReadSetFilter;
import software.amazon.awssdk.services.omics.model.ReadSetFilter;

import static io.github.camelomics.aws2.omics.Omics2Constants.*;

/**
 * The filters of the listings, from the filter headers over the body's filter. A filter with nothing set is left out:
 * the service then gets {@code {}}, as from the AWS CLI without filter options.
 */
final class ListingFilters {

    private ListingFilters() {
    }

    static ImportReadSetFilter importJobs(RequestValues in, ImportReadSetFilter body) {
        ImportReadSetFilter f = body == null ? ImportReadSetFilter.builder().build() : body;
        ImportReadSetFilter filter = f.toBuilder()
                .status(in.text(FILTER_STATUS, f.statusAsString(), null))
                .createdAfter(in.instant(FILTER_CREATED_AFTER, f.createdAfter()))
                .createdBefore(in.instant(FILTER_CREATED_BEFORE, f.createdBefore()))
                .build();
        return filter.equals(ImportReadSetFilter.builder().build()) ? null : filter;
    }

    static ReadSetFilter readSets(RequestValues in, ReadSetFilter body) {
        ReadSetFilter f = body == null ? ReadSetFilter.builder().build() : body;
        ReadSetFilter filter = f.toBuilder()
                .status(in.text(FILTER_STATUS, f.statusAsString(), null))
                .createdAfter(in.instant(FILTER_CREATED_AFTER, f.createdAfter()))
                .createdBefore(in.instant(FILTER_CREATED_BEFORE, f.createdBefore()))
                .creationType(in.text(FILTER_CREATION_TYPE, f.creationTypeAsString(), null))
                .name(in.text(READ_SET_NAME, f.name(), null))
                .sampleId(in.text(SAMPLE_ID, f.sampleId(), null))
                .subjectId(in.text(SUBJECT_ID, f.subjectId(), null))
                .generatedFrom(in.text(GENERATED_FROM, f.generatedFrom(), null))
                .referenceArn(in.text(REFERENCE_ARN, f.referenceArn(), null))
                .build();
        return filter.equals(ReadSetFilter.builder().build()) ? null : filter;
    }
}
