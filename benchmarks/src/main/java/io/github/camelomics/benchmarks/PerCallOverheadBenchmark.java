package io.github.camelomics.benchmarks;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.support.DefaultEndpoint;
import org.apache.camel.support.DefaultProducer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import software.amazon.awssdk.services.omics.OmicsClient;
import software.amazon.awssdk.services.omics.model.StartReadSetImportJobRequest;

/**
 * Point 1: what a route {@code direct -> aws2-omics:startReadSetImportJob} costs per call over calling
 * {@link OmicsClient#startReadSetImportJob} directly, and over Camel's own routing ({@code camelOnly}: the same route
 * with a processor that calls the SDK; {@code camelComponent}: the same route to a producer that only calls the SDK,
 * what any component costs before doing anything of its own). Both go through the same OmicsClient on the same in-memory HTTP
 * client, so the difference is the component and Camel: header and body mapping, the checks, validation against the
 * service model, the content client token, and the exchange. The route's variants take validation and the token away
 * to show where the cost is.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PerCallOverheadBenchmark {

    /** The route's endpoint options per variant; "sdk" is the raw call, "camelOnly" Camel's routing around it. */
    public enum Variant {
        sdk(null),
        camelOnly(null),
        camelComponent(null),
        route("validate=true&clientTokenStrategy=content"),
        routeNoValidate("validate=false&clientTokenStrategy=content"),
        routeNoToken("validate=true&clientTokenStrategy=none"),
        routeBare("validate=false&clientTokenStrategy=none"),
        /** the bare route with a Micrometer registry bound: what counting every call costs (issue 20) */
        routeMetered("validate=false&clientTokenStrategy=none");

        final String options;

        Variant(String options) {
            this.options = options;
        }
    }

    @Param({ "1", "10", "100" })
    public int sources;

    @Param({ "sdk", "camelOnly", "camelComponent", "route", "routeNoValidate", "routeNoToken", "routeBare", "routeMetered" })
    public Variant variant;

    private OmicsClient client;
    private CamelContext camel;
    private ProducerTemplate template;
    private Endpoint start;
    private StartReadSetImportJobRequest request;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        prepare();
        SteadyState.warmUp(this::call);
    }

    /** The client, and the route for a route variant; {@link PairedOverhead} warms its sides up together. */
    void prepare() throws Exception {
        client = Fixtures.client(URI.create("http://127.0.0.1:1"), new CannedHttpClient());
        request = Fixtures.request(Fixtures.sources("percall", sources));
        if (variant != Variant.sdk) {
            camel = new DefaultCamelContext();
            camel.getRegistry().bind("omics", client);
            if (variant == Variant.routeMetered) {
                camel.getRegistry().bind("meters", new SimpleMeterRegistry());
            }
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    if (variant == Variant.camelOnly) {
                        // Camel's routing alone: the same exchange and direct route, the SDK called in place
                        from("direct:start").process(e -> e.getMessage().setBody(
                                client.startReadSetImportJob(e.getMessage().getBody(StartReadSetImportJobRequest.class))));
                    } else if (variant == Variant.camelComponent) {
                        // the floor any component sits on: to() an endpoint whose producer only calls the SDK
                        getContext().addComponent("sdk", new SdkOnlyComponent(client));
                        from("direct:start").to("sdk:startReadSetImportJob");
                    } else {
                        from("direct:start").to("aws2-omics:startReadSetImportJob?omicsClient=#omics&" + variant.options);
                    }
                }
            });
            camel.start();
            template = camel.createProducerTemplate();
            // resolved once, as a route's from() is: looking the URI up on every call is the template's cost, not a route's
            start = camel.getEndpoint("direct:start");
        }
        Object answer = call();
        if (answer == null) {
            throw new IllegalStateException("no answer from " + variant);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (camel != null) {
            camel.stop();
        }
        client.close();
    }

    @Benchmark
    public Object call() {
        if (template == null) {
            return client.startReadSetImportJob(request);
        }
        return template.requestBody(start, request);
    }

    /** The least a component can be: an endpoint whose producer calls the SDK with the body and answers its response. */
    static final class SdkOnlyComponent extends DefaultComponent {
        private final OmicsClient client;

        SdkOnlyComponent(OmicsClient client) {
            this.client = client;
        }

        @Override
        protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) {
            return new DefaultEndpoint(uri, this) {
                @Override
                public Producer createProducer() {
                    return new DefaultProducer(this) {
                        @Override
                        public void process(Exchange exchange) {
                            Message message = exchange.getMessage();
                            message.setBody(client.startReadSetImportJob(message.getBody(StartReadSetImportJobRequest.class)));
                        }
                    };
                }

                @Override
                public Consumer createConsumer(Processor processor) {
                    // the benchmark only sends: like Camel's producer-only endpoints, a consumer is refused by name
                    throw new UnsupportedOperationException("the benchmark's sdk: endpoint only sends, it has no consumer");
                }
            };
        }
    }
}
