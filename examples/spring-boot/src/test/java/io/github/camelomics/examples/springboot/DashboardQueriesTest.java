package io.github.camelomics.examples.springboot;

import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The metric names read out of PromQL: what PrometheusEndpointTest checks the dashboard's queries by. */
class DashboardQueriesTest {

    @Test
    void aSelectorInsideFunctionsAndAGroupingIsTheOnlyName() {
        assertEquals(Set.of("aws2_omics_budget_wait_seconds_bucket"), DashboardQueries.metricNames(
                "histogram_quantile(0.95, sum by (le, quota_line) (rate(aws2_omics_budget_wait_seconds_bucket"
                + "{instance=~\"$instance\"}[$__rate_interval])))"));
    }

    @Test
    void bothSidesOfARatioAreNamesButNumbersVariablesAndLabelsAreNot() {
        assertEquals(Set.of("aws2_omics_requests_total", "aws2_omics_upload_bytes_total"), DashboardQueries.metricNames(
                "sum(rate(aws2_omics_requests_total{outcome=\"throttled\"}[5m])) / 1e6 "
                + "/ on (store) group_left sum by (store) (rate(aws2_omics_upload_bytes_total[$__rate_interval]))"));
    }

    @Test
    void aTemplateVariableNamesOnlyItsSelectorsMetric() {
        assertEquals(Set.of("aws2_omics_requests_total"),
                DashboardQueries.metricNames("label_values(aws2_omics_requests_total, instance)"));
    }

    @Test
    void aMisspelledMetricIsANameTheScrapeWillNotHave() {
        assertEquals(Set.of("aws2_omics_request_total"),
                DashboardQueries.metricNames("sum(increase(aws2_omics_request_total[1h]))"));
    }
}
