package io.github.camelomics.aws2.omics.internal.client;

import io.github.camelomics.aws2.omics.Omics2Configuration;
import software.amazon.awssdk.core.Protocol;
import software.amazon.awssdk.core.retry.RetryMode;

/**
 * Everything that makes one OmicsClient differ from another. Endpoints whose settings are equal share one client.
 * toString never shows the secret key or the session token.
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
        double requestsPerSecond) {

    public static ClientSettings of(Omics2Configuration c) {
        return new ClientSettings(
                c.getRegion(), c.getAccessKey(), c.getSecretKey(), c.getSessionToken(),
                c.isUseDefaultCredentialsProvider(), c.isUseProfileCredentialsProvider(), c.getProfileCredentialsName(),
                c.isUseSessionCredentials(),
                c.isOverrideEndpoint() ? c.getUriEndpointOverride() : null,
                c.getProxyProtocol(), c.getProxyHost(), c.getProxyPort(),
                c.isTrustAllCertificates(), c.getRetryMode(), c.getMaxAttempts(),
                c.getApiCallAttemptTimeout(), c.getApiCallTimeout(), c.getRequestsPerSecond());
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
               + "ms, apiCallTimeout=" + apiCallTimeoutMillis + "ms, requestsPerSecond=" + requestsPerSecond + "]";
    }
}
