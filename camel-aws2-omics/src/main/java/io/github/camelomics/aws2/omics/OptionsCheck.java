package io.github.camelomics.aws2.omics;

import java.util.ArrayList;
import java.util.List;

import io.github.camelomics.aws2.omics.internal.client.ClientSettings;
import io.github.camelomics.aws2.omics.internal.postgres.PostgresStores;
import io.github.camelomics.aws2.omics.model.ReadSetRules;

/**
 * The one check of an endpoint's options, before its resources are chosen: every problem at once, each naming the
 * option and what it must be. Messages name options only, never their values when these are secrets.
 */
final class OptionsCheck {

    /** Largest page of ListReadSetImportJobs (option maxResults). */
    private static final int MAX_LISTED_JOBS = 100;

    private final Omics2Configuration options;
    private final boolean consumer;
    private final List<String> problems = new ArrayList<>();

    private OptionsCheck(Omics2Configuration options, boolean consumer) {
        this.options = options;
        this.consumer = consumer;
    }

    /**
     * Checks the options of an endpoint; with {@code consumer}, those of its consumer too.
     *
     * @throws IllegalArgumentException naming every problem found
     */
    public static void check(Omics2Configuration options, boolean consumer) {
        OptionsCheck check = new OptionsCheck(options, consumer);
        check.all();
        List<String> problems = check.problems;
        if (!problems.isEmpty()) {
            String who = consumer ? "aws2-omics:" + options.getOperation() + " consumer: " : "aws2-omics: ";
            throw new IllegalArgumentException(problems.size() == 1
                    ? who + problems.get(0)
                    : who + problems.size() + " problems with the options:\n - " + String.join("\n - ", problems));
        }
    }

    /**
     * Only listReadSetImportJobs has a consumer.
     *
     * @throws IllegalArgumentException for any other operation in from()
     */
    public static void consumable(Omics2Operations operation) {
        if (operation != Omics2Operations.listReadSetImportJobs) {
            throw new IllegalArgumentException("aws2-omics:" + operation + " cannot be used in from(): "
                                               + "only aws2-omics:" + Omics2Operations.listReadSetImportJobs
                                               + " can be consumed (it polls the import jobs of a sequence store)");
        }
    }

    private void all() {
        if (options.getOmicsClient() == null) {
            problems.addAll(ClientSettings.of(options).problems());
        }
        if (options.getMaxSourcesPerJob() < 1 || options.getMaxSourcesPerJob() > ReadSetRules.MAX_SOURCES_PER_IMPORT_JOB) {
            problems.add("option maxSourcesPerJob must be 1 to " + ReadSetRules.MAX_SOURCES_PER_IMPORT_JOB
                         + " (the service's fixed quota of sources per job), but was " + options.getMaxSourcesPerJob());
        }
        if (!ReadSetRules.isBamEncoding(options.getBamFileType())) {
            problems.add("option bamFileType must be BAM or UBAM (what the .bam files of a file list are), but was "
                         + options.getBamFileType());
        }
        if (options.getRetryFailedSources() < 0) {
            problems.add("option retryFailedSources must be 0 (no retry) or more, but was " + options.getRetryFailedSources());
        }
        if (options.getRetryFailedSources() > 0 && !options.isWaitForCompletion()
            && options.getOperation() == Omics2Operations.startReadSetImportJob) {
            problems.add("option retryFailedSources=" + options.getRetryFailedSources() + " needs "
                         + "waitForCompletion=true (sources are known to have failed only once their job has ended)");
        }
        if (options.getPollInterval() <= 0) {
            problems.add("option pollInterval must be positive, but was " + options.getPollInterval() + " ms");
        }
        sharedOptions();
        uploadOptions();
        if (consumer) {
            consumerOptions();
        }
    }

    /** The request budget, the start ledger and the shared watermark: what each needs, and what cannot go together. */
    private void sharedOptions() {
        boolean sharedBudget = options.isSharedBudget() && options.getRequestBudget() == null;
        boolean ledgerInDatabase = options.isStartLedger() && options.getStartLedgerRepository() == null;
        if (sharedBudget && options.getDataSource() == null) {
            problems.add("option sharedBudget=true needs option dataSource (the javax.sql.DataSource of the PostgreSQL "
                         + "database that holds the budget), but it is not set");
        }
        if (sharedBudget && !PostgresStores.bucket4jPresent()) {
            problems.add("option sharedBudget=true needs " + PostgresStores.BUCKET4J_ARTIFACT
                         + " on the class path, but it is not there: add that dependency");
        }
        if (ledgerInDatabase && options.getDataSource() == null) {
            problems.add("option startLedger=true needs option dataSource (the javax.sql.DataSource of the PostgreSQL "
                         + "database that holds the ledger), but it is not set");
        }
        if (consumer && options.isSharedWatermark() && options.getWatermarkStore() == null
            && options.getDataSource() == null) {
            problems.add("option sharedWatermark=true needs option dataSource (the javax.sql.DataSource of the PostgreSQL "
                         + "database that keeps the watermark), but it is not set");
        }
        boolean budget = options.isSharedBudget() || options.getRequestBudget() != null;
        if (budget && options.getRequestsPerSecond() <= 0) {
            problems.add("option " + budgetOption() + " draws requestsPerSecond permits per second for each quota line, "
                         + "so requestsPerSecond must be positive, but was " + options.getRequestsPerSecond());
        }
        if (budget && options.getOmicsClient() != null) {
            problems.add("option " + budgetOption() + " applies to the clients the component makes, not to the given "
                         + "omicsClient: remove one of the two");
        }
        if (options.getBudgetKey() == null || options.getBudgetKey().isBlank()) {
            problems.add("option budgetKey must name the account in the request budget, but it is empty");
        }
    }

    private String budgetOption() {
        return options.getRequestBudget() != null ? "requestBudget" : "sharedBudget=true";
    }

    private void uploadOptions() {
        if (options.getPartSize() < 1 || options.getPartSize() > ReadSetRules.MAX_PART_SIZE) {
            problems.add("option partSize must be 1 to " + ReadSetRules.MAX_PART_SIZE + " bytes (100 MiB, the "
                         + "service's largest part), but was " + options.getPartSize());
        }
        if (options.getPartsInFlight() < 1) {
            problems.add("option partsInFlight must be 1 or more, but was " + options.getPartsInFlight());
        }
        if (options.getProgressInterval() <= 0) {
            problems.add("option progressInterval must be positive, but was " + options.getProgressInterval() + " ms");
        }
    }

    private void consumerOptions() {
        if (options.getSequenceStoreId() == null || options.getSequenceStoreId().isBlank()) {
            problems.add("option sequenceStoreId is required (the store whose import jobs are polled), but it is not set");
        }
        Integer maxResults = options.getMaxResults();
        if (maxResults != null && (maxResults < 1 || maxResults > MAX_LISTED_JOBS)) {
            problems.add("option maxResults must be 1 to " + MAX_LISTED_JOBS + ", but was " + maxResults);
        }
        if (options.getHealthCheckErrorThreshold() < 1) {
            problems.add("option healthCheckErrorThreshold must be 1 or more (the failed polls in a row before the "
                         + "consumer's health check is DOWN), but was " + options.getHealthCheckErrorThreshold());
        }
        if (options.getSince() != null) {
            try {
                Since.parse(options.getSince());
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
    }
}
