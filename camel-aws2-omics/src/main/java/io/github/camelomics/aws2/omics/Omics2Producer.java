package io.github.camelomics.aws2.omics;

import java.util.List;

import io.github.camelomics.aws2.omics.internal.operation.OperationCatalog;
import org.apache.camel.AsyncCallback;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Route;
import org.apache.camel.StatefulService;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.support.DefaultAsyncProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * Runs one message through its operation (the endpoint's, or header CamelAwsOmicsOperation's). Every operation goes
 * the same way, declared in the operation catalog: build the request from headers, body and options, check it, make
 * the calls (one, or the jobs of a split import, or the parts of an upload), then put the answer in the body and its
 * key facts in headers.
 * <p>
 * Asynchronous only where it matters: calls are made on the caller's thread, but an exchange that waits for jobs
 * (waitForCompletion) is handed to the watch of their store and released; it goes on, on a thread of the component's
 * pool, once its jobs have ended. Hours of waiting hold no thread. An upload holds its thread while it sends, as
 * Camel's file components do while they write.
 */
public class Omics2Producer extends DefaultAsyncProducer {

    private static final Logger LOG = LoggerFactory.getLogger(Omics2Producer.class);

    private WritableHealthCheckRepository healthChecks;
    private Omics2ProducerHealthCheck healthCheck;

    public Omics2Producer(Omics2Endpoint endpoint) {
        super(endpoint);
    }

    @Override
    public Omics2Endpoint getEndpoint() {
        return (Omics2Endpoint) super.getEndpoint();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        Message message = exchange.getMessage();
        Omics2Configuration options = getEndpoint().getConfiguration();
        Omics2Operations operation = null;
        try {
            operation = operation(message);
            Omics2Operations called = operation;
            Omics2Endpoint endpoint = getEndpoint();
            // a wait hands the exchange to a watch, which resumes it once its jobs have ended
            boolean waits = options.isWaitForCompletion();
            boolean uploads = operation == Omics2Operations.uploadReadSet;
            boolean handedOff = false;
            // counted before the call: the watch may resume the exchange before the call returns
            endpoint.inFlight(waits ? 1 : 0, uploads ? 1 : 0);
            try {
                handedOff = !OperationCatalog.run(operation, message, options, endpoint.resources(),
                        endpoint.getWaitTimer(), waits ? () -> keepWaiting(exchange) : null,
                        waits ? error -> {
                            endpoint.inFlight(-1, 0);
                            if (error != null) {
                                fail(exchange, called, error);
                            }
                            callback.done(false);
                        } : null);
            } finally {
                endpoint.inFlight(waits && !handedOff ? -1 : 0, uploads ? -1 : 0);
            }
            if (handedOff) {
                return false; // waiting: the watch's answer resumes the exchange
            }
        } catch (RuntimeException e) {
            fail(exchange, operation, e);
        }
        callback.done(true);
        return true;
    }

    /** The exception reaches the exchange as it was thrown, so onException matches the SDK's own classes. */
    private static void fail(Exchange exchange, Omics2Operations operation, RuntimeException e) {
        if (e instanceof AwsServiceException aws) {
            LOG.debug("HealthOmics {} failed: {}", operation, describe(aws));
        }
        exchange.setException(e);
    }

    /**
     * Waiting for a job ends as soon as this producer, Camel or the exchange's route is stopping: an import can take
     * hours, and Camel's graceful shutdown would otherwise wait for it until its own timeout. A route that stops or is
     * suspended has its consumer stopped or suspended first, before Camel waits for the exchanges in flight.
     */
    private boolean keepWaiting(Exchange exchange) {
        CamelContext context = getEndpoint().getCamelContext();
        if (!isRunAllowed() || context.isStopping() || context.isStopped()) {
            return false;
        }
        Route route = exchange.getFromRouteId() == null ? null : context.getRoute(exchange.getFromRouteId());
        return route == null || !(route.getConsumer() instanceof StatefulService consumer)
                || !(consumer.isStopping() || consumer.isStopped() || consumer.isSuspending() || consumer.isSuspended());
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        // with lazyStartProducer=true this runs with the first message, which then fails on options that are wrong
        getEndpoint().openResources();
        // optional: present only when Camel's health checks are on; the check itself is off unless producers are enabled
        healthChecks = HealthCheckHelper.getHealthCheckRepository(getEndpoint().getCamelContext(), "producers",
                WritableHealthCheckRepository.class);
        if (healthChecks != null) {
            healthCheck = new Omics2ProducerHealthCheck(getEndpoint(), getEndpoint().getConfiguration().getOperation()
                                                                       + "-" + Integer.toHexString(System.identityHashCode(this)));
            healthCheck.setEnabled(getEndpoint().getComponent().isHealthCheckProducerEnabled());
            healthChecks.addHealthCheck(healthCheck);
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (healthChecks != null && healthCheck != null) {
            healthChecks.removeHealthCheck(healthCheck);
            healthCheck = null;
        }
        super.doStop();
    }

    private Omics2Operations operation(Message message) {
        // a message without headers is not looked up: Camel's header map hashes each name it is asked for
        Object header = message.hasHeaders() ? message.getHeader(Omics2Constants.OPERATION) : null;
        Omics2Operations configured = getEndpoint().getConfiguration().getOperation();
        if (header == null) {
            return configured;
        }
        if (header instanceof Omics2Operations op) {
            return op;
        }
        try {
            return Omics2Component.operation(header.toString());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(configured, List.of("header " + Omics2Constants.OPERATION
                                                                  + ": expected one of " + List.of(Omics2Operations.values())
                                                                  + ", got '" + header + "'"));
        }
    }

    /** The error code may be absent (e.g. a proxy's HTML error page): describing an error must never throw. */
    static String describe(AwsServiceException e) {
        AwsErrorDetails details = e.awsErrorDetails();
        String code = details == null ? null : details.errorCode();
        return (code == null ? "unknown error code" : code) + " (HTTP " + e.statusCode() + ", request id "
               + e.requestId() + "): " + (details == null ? e.getMessage() : details.errorMessage());
    }
}
