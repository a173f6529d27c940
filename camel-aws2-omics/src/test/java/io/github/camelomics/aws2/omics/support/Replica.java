package io.github.camelomics.aws2.omics.support;

import java.util.function.Consumer;

import io.github.camelomics.aws2.omics.Omics2Component;
import io.github.camelomics.aws2.omics.Omics2Configuration;
import io.github.camelomics.aws2.omics.Omics2Endpoint;
import io.github.camelomics.aws2.omics.emulator.junit.OmicsEmulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * One Camel context with its own aws2-omics component, pointed at the emulator: a stand-in for one replica of an
 * application. Several in one JVM share nothing but what their options share (a DataSource, the emulator).
 */
public final class Replica implements AutoCloseable {

    private final CamelContext context;
    private final ProducerTemplate template;

    private Replica(CamelContext context) {
        this.context = context;
        this.template = context.createProducerTemplate();
    }

    /** A started replica whose component options are the emulator's, then changed by {@code options}. */
    public static Replica start(OmicsEmulatorExtension emulator, Consumer<Omics2Configuration> options) {
        CamelContext context = new DefaultCamelContext();
        EmulatorTestSupport.pointAtEmulator(context, emulator);
        options.accept(context.getComponent("aws2-omics", Omics2Component.class).getConfiguration());
        context.start();
        return new Replica(context);
    }

    /** The endpoint, started (its options checked, its client made). */
    public Omics2Endpoint endpoint(String uri) {
        return context.getEndpoint(uri, Omics2Endpoint.class);
    }

    public Exchange send(String uri, Object body) {
        return template.send(uri, exchange -> exchange.getMessage().setBody(body));
    }

    /** Sends a message the processor makes (body and headers). */
    public Exchange send(String uri, org.apache.camel.Processor message) {
        return template.send(uri, message);
    }

    /** The registry of this replica's context, for beans its options refer to. */
    public org.apache.camel.spi.Registry registry() {
        return context.getRegistry();
    }

    @Override
    public void close() {
        template.stop();
        context.stop();
    }
}
