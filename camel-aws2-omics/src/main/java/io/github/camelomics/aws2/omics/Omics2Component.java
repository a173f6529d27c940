package io.github.camelomics.aws2.omics;

import java.util.Arrays;
import java.util.Map;

import io.github.camelomics.aws2.omics.internal.client.SharedOmicsClients;
import io.github.camelomics.aws2.omics.internal.postgres.PostgresStores;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;

/**
 * The aws2-omics component: AWS HealthOmics read set imports. Component options are the defaults of every endpoint;
 * endpoints with equal client settings share one OmicsClient, created here and closed when the last of them stops.
 */
@Component("aws2-omics")
public class Omics2Component extends HealthCheckComponent {

    @Metadata
    private Omics2Configuration configuration = new Omics2Configuration();

    private final SharedOmicsClients clients = new SharedOmicsClients();
    private final PostgresStores postgresStores = new PostgresStores();

    public Omics2Component() {
    }

    public Omics2Component(CamelContext context) {
        super(context);
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        Omics2Configuration endpointConfiguration = configuration.copy();
        endpointConfiguration.setOperation(operation(remaining));
        Omics2Endpoint endpoint = new Omics2Endpoint(uri, this, endpointConfiguration);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    static Omics2Operations operation(String name) {
        return Arrays.stream(Omics2Operations.values())
                .filter(op -> op.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "aws2-omics: the endpoint path must be an operation, one of "
                                                                + Arrays.toString(Omics2Operations.values()) + ", but was '"
                                                                + name + "'"));
    }

    public Omics2Configuration getConfiguration() {
        return configuration;
    }

    /**
     * The component configuration: the defaults of every endpoint.
     */
    public void setConfiguration(Omics2Configuration configuration) {
        this.configuration = configuration;
    }

    SharedOmicsClients clients() {
        return clients;
    }

    PostgresStores postgresStores() {
        return postgresStores;
    }

    @Override
    protected void doStop() throws Exception {
        clients.close();
        super.doStop();
    }
}
