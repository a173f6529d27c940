package io.github.camelomics.benchmarks;

import java.util.concurrent.atomic.LongAdder;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Counts every HTTP attempt of every SDK client in the JVM (retries included) and those the service refused. The SDK
 * loads it as a global interceptor (software/amazon/awssdk/global/handlers/execution.interceptors), so it also sees
 * the client the component builds for itself, which no one else can reach.
 */
public final class AttemptCounter implements ExecutionInterceptor {

    static final LongAdder ATTEMPTS = new LongAdder();
    static final LongAdder REFUSED = new LongAdder();

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        ATTEMPTS.increment();
        if (!context.httpResponse().isSuccessful()) {
            REFUSED.increment();
        }
    }
}
