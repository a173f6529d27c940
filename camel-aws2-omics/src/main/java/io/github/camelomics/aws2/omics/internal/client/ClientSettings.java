package io.github.camelomics.aws2.omics.internal.client;

import java.util.List;

import io.github.camelomics.aws2.omics.Omics2Configuration;
import io.github.camelomics.aws2.omics.RequestBudget;
import software.amazon.awssdk.core.Protocol;
import software.amazon.awssdk.core.retry.RetryMode;

/**
 * Everything that makes one OmicsClient differ from another. Endpoints whose settings are equal share one client.
 * toString never shows the secret key or the session token.
 *
 * @param requestBudget the budget every request draws from; null: the client's own pace in this JVM
 *                      ({@link LocalRequestBudget}), when requestsPerSecond is positive
 * @param budgetKey     the account's name in the budget's quota lines
 */
public record ClientSettings(
        String region,
        String accessKey,
        String secretKey,
        String sessionToken,
        boolean useDefaultCredentialsProvider,
        boolean useProfileCredentialsProvider,
        String profileCredentialsName,
        boolean useSessionCredentials,
        String endpointOverride,
        Protocol proxyProtocol,
        String proxyHost,
        Integer proxyPort,
        boolean trustAllCertificates,
        RetryMode retryMode,
        Integer maxAttempts,
        long apiCallAttemptTimeoutMillis,
        long apiCallTimeoutMillis,
        double requestsPerSecond,
        RequestBudget requestBudget,
        String budgetKey) {

    /**
     * What stops a client being built from these settings: missing credentials, an unknown region, an endpoint
     * override that is not a URI, fewer than one attempt. Each problem names the option to set.
     */
    public List<String> problems() {
        return OmicsClientFactory.problems(this);
    }

    /** The regions the SDK knows HealthOmics in: taken from the SDK so that the list never goes stale here. */
    public static List<String> knownRegions() {
        return OmicsClientFactory.knownRegions();
    }

    /** The pace of one JVM: what a client draws from without a shared budget, and a shared budget's fallback. */
    public static RequestBudget localBudget() {
        return new LocalRequestBudget();
    }

    /** The settings with the budget the user gave (option requestBudget), if any. */
    public static ClientSettings of(Omics2Configuration c) {
        return of(c, c.getRequestBudget());
    }

    /** The settings with the given budget: the user's, the shared one in PostgreSQL, or null for the local pace. */
    public static ClientSettings of(Omics2Configuration c, RequestBudget requestBudget) {
        return new ClientSettings(
                c.getRegion(), c.getAccessKey(), c.getSecretKey(), c.getSessionToken(),
                c.isUseDefaultCredentialsProvider(), c.isUseProfileCredentialsProvider(), c.getProfileCredentialsName(),
                c.isUseSessionCredentials(),
                c.isOverrideEndpoint() ? c.getUriEndpointOverride() : null,
                c.getProxyProtocol(), c.getProxyHost(), c.getProxyPort(),
                c.isTrustAllCertificates(), c.getRetryMode(), c.getMaxAttempts(),
                c.getApiCallAttemptTimeout(), c.getApiCallTimeout(), c.getRequestsPerSecond(),
                requestBudget, c.getBudgetKey());
    }

    /** Where the client sends its requests: the endpoint override, else the service's host in the region, if known. */
    public String serviceUrl() {
        if (endpointOverride != null) {
            return endpointOverride;
        }
        return region == null ? null : "https://control-storage-omics." + region + ".amazonaws.com";
    }

    @Override
    public String toString() {
        return "ClientSettings[region=" + region + ", accessKey=" + (accessKey == null ? null : "xxxxxx")
               + ", secretKey=" + (secretKey == null ? null : "xxxxxx")
               + ", sessionToken=" + (sessionToken == null ? null : "xxxxxx")
               + ", credentials=" + CredentialsSource.of(this)
               + ", endpointOverride=" + endpointOverride + ", proxy=" + proxyHost + ":" + proxyPort
               + ", trustAllCertificates=" + trustAllCertificates + ", retryMode=" + retryMode
               + ", maxAttempts=" + maxAttempts + ", apiCallAttemptTimeout=" + apiCallAttemptTimeoutMillis
               + "ms, apiCallTimeout=" + apiCallTimeoutMillis + "ms, requestsPerSecond=" + requestsPerSecond
               // the class only: a user's budget may hold connection details in its own toString
               + ", requestBudget=" + (requestBudget == null ? "local" : requestBudget.getClass().getSimpleName())
               + ", budgetKey=" + budgetKey + "]";
    }
}
