package io.github.camelomics.benchmarks;

import java.util.concurrent.TimeUnit;

import io.github.camelomics.aws2.omics.Omics2Configuration;
import io.github.camelomics.aws2.omics.Omics2Operations;
import io.github.camelomics.aws2.omics.internal.operation.OperationCatalog;
import io.github.camelomics.aws2.omics.internal.request.RequestValues;
import org.apache.camel.CamelContext;
import org.apache.camel.Message;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultMessage;
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
import software.amazon.awssdk.services.omics.model.StartReadSetImportJobRequest;

/**
 * Point 2: a body of 100 sources turned into the request the producer sends, exactly as the producer does it (the
 * operation's request building: body forms, headers and options by precedence, required members, and validation
 * against the service model), in each of four body forms.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MappingBenchmark {

    public static final int SOURCES = 100;

    @Param({ "jsonManifest", "csvSampleSheet", "listOfMaps", "fileList" })
    public String form;

    private CamelContext camel;
    private Omics2Configuration options;
    private Object body;

    @Setup(Level.Trial)
    public void setUp() {
        camel = new DefaultCamelContext();
        options = new Omics2Configuration();
        options.setOperation(Omics2Operations.startReadSetImportJob);
        options.setSequenceStoreId(Fixtures.STORE);
        options.setRoleArn(Fixtures.ROLE);
        var sources = Fixtures.sources("mapping", SOURCES);
        body = switch (form) {
            case "jsonManifest" -> Fixtures.jsonManifest(sources);
            case "csvSampleSheet" -> Fixtures.csvSampleSheet(sources);
            case "listOfMaps" -> Fixtures.listOfMaps(sources);
            case "fileList" -> Fixtures.fileList(sources);
            default -> throw new IllegalArgumentException(form);
        };
        StartReadSetImportJobRequest request = map();
        if (request.sources().size() != SOURCES) {
            throw new IllegalStateException(form + " gave " + request.sources().size() + " sources");
        }
        SteadyState.warmUp(this::map);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        camel.stop();
    }

    @Benchmark
    public StartReadSetImportJobRequest map() {
        Message message = new DefaultMessage(camel);
        message.setBody(body);
        return (StartReadSetImportJobRequest) OperationCatalog.request(Omics2Operations.startReadSetImportJob,
                new RequestValues(message, options));
    }
}
