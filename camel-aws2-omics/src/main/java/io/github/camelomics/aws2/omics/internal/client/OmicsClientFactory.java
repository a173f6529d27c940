package io.github.camelomics.aws2.omics.internal.client;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.github.camelomics.aws2.omics.internal.metrics.OmicsMetrics;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpConfigurationOption;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.apache.ProxyConfiguration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.omics.OmicsClient;
import software.amazon.awssdk.services.omics.OmicsClientBuilder;
import software.amazon.awssdk.utils.AttributeMap;

/**
 * Builds an OmicsClient from {@link ClientSettings}: the only place that turns options into SDK client configuration,
 * and so the place that knows which settings cannot make a client ({@link #problems}).
 */
final class OmicsClientFactory {

    private OmicsClientFactory() {
    }

    /**
     * What stops a client being built from these settings: missing credentials, an unknown region, an endpoint
     * override that is not a URI, fewer than one attempt. Each problem names the option to set.
     */
    static List<String> problems(ClientSettings s) {
        List<String> problems = new ArrayList<>();
        CredentialsSource.of(s).problems(s, problems::add);
        region(s, problems::add);
        if (s.endpointOverride() != null) {
            endpoint(s.endpointOverride(), problems::add);
        }
        if (s.maxAttempts() != null && s.maxAttempts() < 1) {
            problems.add("option maxAttempts must be 1 or more (the first attempt counts), but was " + s.maxAttempts());
        }
        return problems;
    }

    /**
     * The client, drawing from the budget of {@code use}; the settings must have no {@link #problems}. With metrics,
     * every HTTP attempt it sends is counted (and its permit wait timed); with {@link OmicsMetrics#NONE}, it has no
     * interceptor for them.
     */
    static OmicsClient create(ClientSettings s, QuotaLineUse use, OmicsMetrics metrics) {
        Consumer<String> invalid = problem -> {
            throw new IllegalArgumentException("aws2-omics: " + problem);
        };
        OmicsClientBuilder builder = OmicsClient.builder()
                .credentialsProvider(CredentialsSource.of(s).provider(s))
                .httpClientBuilder(httpClient(s))
                .region(region(s, invalid));
        ClientOverrideConfiguration.Builder override = ClientOverrideConfiguration.builder();
        if (s.endpointOverride() != null) {
            builder.endpointOverride(endpoint(s.endpointOverride(), invalid));
            // HealthOmics operations carry the host prefix "control-storage-": left on, every call to an overridden
            // endpoint such as http://127.0.0.1:PORT goes to "control-storage-127.0.0.1" and fails.
            override.putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true);
        }
        if (s.retryMode() != null) {
            override.retryStrategy(s.retryMode());
        }
        if (s.maxAttempts() != null) {
            int attempts = s.maxAttempts();
            override.retryStrategy(b -> b.maxAttempts(attempts));
        }
        if (s.apiCallAttemptTimeoutMillis() > 0) {
            override.apiCallAttemptTimeout(Duration.ofMillis(s.apiCallAttemptTimeoutMillis()));
        }
        if (s.apiCallTimeoutMillis() > 0) {
            override.apiCallTimeout(Duration.ofMillis(s.apiCallTimeoutMillis()));
        }
        if (s.requestsPerSecond() > 0) {
            override.addExecutionInterceptor(new BudgetInterceptor(use, metrics, s.budgetKey(), s.requestsPerSecond(),
                    s.apiCallAttemptTimeoutMillis(), s.apiCallTimeoutMillis()));
        }
        if (metrics != OmicsMetrics.NONE) {
            // after the budget's: an attempt refused a permit never went out
            override.addExecutionInterceptor(new AttemptMeter(metrics));
        }
        return builder.overrideConfiguration(override.build()).build();
    }

    /** The regions the SDK knows HealthOmics in: taken from the SDK so that the list never goes stale here. */
    static List<String> knownRegions() {
        return OmicsClient.serviceMetadata().regions().stream().map(Region::id).sorted().toList();
    }

    private static Region region(ClientSettings s, Consumer<String> problems) {
        if (s.region() == null) {
            try {
                // where the SDK would look: AWS_REGION, aws.region, the profile, the instance metadata
                return new DefaultAwsRegionProviderChain().getRegion();
            } catch (SdkClientException e) {
                problems.accept("option region is not set and the AWS SDK found none (AWS_REGION, aws.region, profile, "
                                + "instance metadata): set option region to one of " + knownRegions());
                return null;
            }
        }
        if (s.endpointOverride() == null && !knownRegions().contains(s.region())) {
            problems.accept("option region must be one of " + knownRegions()
                            + " (the regions the AWS SDK lists for HealthOmics), but was '" + s.region() + "'");
            return null;
        }
        return Region.of(s.region());
    }

    private static URI endpoint(String value, Consumer<String> problems) {
        URI uri;
        try {
            uri = URI.create(value);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || uri.getScheme() == null || uri.getHost() == null) {
            problems.accept("option uriEndpointOverride must be an absolute URI such as http://127.0.0.1:4566, but was '"
                            + value + "'");
            return null;
        }
        return uri;
    }

    /**
     * The HTTP client as a builder, not an instance: the SDK closes an HTTP client it built itself when the OmicsClient
     * closes, but never one handed to it.
     */
    private static SdkHttpClient.Builder<?> httpClient(ClientSettings s) {
        ApacheHttpClient.Builder http = ApacheHttpClient.builder();
        if (s.proxyHost() != null) {
            String scheme = s.proxyProtocol() == null ? "https" : s.proxyProtocol().toString();
            String port = s.proxyPort() == null ? "" : ":" + s.proxyPort();
            http.proxyConfiguration(ProxyConfiguration.builder()
                    .endpoint(URI.create(scheme + "://" + s.proxyHost() + port))
                    .build());
        }
        if (!s.trustAllCertificates()) {
            return http;
        }
        return new TrustingAllCertificates(http);
    }

    /** Adds trust-all to the defaults the SDK hands its HTTP client builder. */
    private record TrustingAllCertificates(ApacheHttpClient.Builder http) implements SdkHttpClient.Builder<TrustingAllCertificates> {
        @Override
        public SdkHttpClient buildWithDefaults(AttributeMap serviceDefaults) {
            return http.buildWithDefaults(AttributeMap.builder()
                    .put(SdkHttpConfigurationOption.TRUST_ALL_CERTIFICATES, Boolean.TRUE)
                    .build()
                    .merge(serviceDefaults));
        }
    }
}
