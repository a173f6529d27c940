package io.github.camelomics.aws2.omics;

/**
 * The HealthOmics operations this component calls: the endpoint path, or header {@link Omics2Constants#OPERATION}.
 * Names are the API's, in lower camel case, as in every Camel AWS2 component; uploadReadSet is the one that makes
 * several calls (Create, the parts, Complete) of one read set upload.
 */
public enum Omics2Operations {
    startReadSetImportJob,
    getReadSetImportJob,
    listReadSetImportJobs,
    getReadSetMetadata,
    listReadSets,
    uploadReadSet
}
