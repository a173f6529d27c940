package io.github.camelomics.aws2.omics.internal.client;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Spaces the requests of one client so that no operation is sent more often than the HealthOmics quota allows (5 per
 * second for each of these operations unless raised). Bursts then wait their turn on the client instead of ending in
 * ThrottlingException. Every attempt counts, retries included; endpoints that share a client share its pace.
 */
final class RequestRateLimiter implements ExecutionInterceptor {

    private final long intervalNanos;
    private final Map<String, Pace> paces = new ConcurrentHashMap<>();

    RequestRateLimiter(double requestsPerSecond) {
        this.intervalNanos = (long) (TimeUnit.SECONDS.toNanos(1) / requestsPerSecond);
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        long wait = paces.computeIfAbsent(operation, o -> new Pace()).reserve(System.nanoTime(), intervalNanos);
        if (wait > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw AbortedException.builder().message("interrupted while waiting for the " + operation + " rate limit")
                        .cause(e).build();
            }
        }
    }

    /** The next free send time of one operation; each caller reserves a slot one interval after the previous. */
    private static final class Pace {
        private long next = Long.MIN_VALUE;

        synchronized long reserve(long now, long interval) {
            long slot = next == Long.MIN_VALUE || next < now ? now : next;
            next = slot + interval;
            return slot - now;
        }
    }
}
