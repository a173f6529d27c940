package io.github.camelomics.aws2.omics;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.management.JMException;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import io.github.camelomics.aws2.omics.emulator.junit.OmicsEmulatorExtension;
import io.github.camelomics.aws2.omics.support.EmulatorTestSupport;
import io.github.camelomics.aws2.omics.support.InFlightScene;
import org.apache.camel.CamelContext;
import org.apache.camel.test.junit5.TestExecutionConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The counts of the component, its endpoints and its status consumer as JMX shows them (JConsole, Hawtio): read
 * through the platform MBeanServer, with camel-management on the class path and JMX on, while an upload is held,
 * two exchanges wait for import jobs and the consumer has polled ({@link InFlightScene}). No attribute and no name
 * holds a secret.
 */
class ManagedAttributesTest extends EmulatorTestSupport {

    @RegisterExtension
    static final OmicsEmulatorExtension EMULATOR = emulator(InFlightScene.EMULATOR_SETTINGS);

    private static final MBeanServer JMX = ManagementFactory.getPlatformMBeanServer();

    @TempDir
    Path dir;

    ManagedAttributesTest() {
        super(EMULATOR);
    }

    @Override
    public void configureTest(TestExecutionConfiguration test) {
        super.configureTest(test);
        test.withJMX(true);
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        Omics2Configuration options = context.getComponent("aws2-omics", Omics2Component.class).getConfiguration();
        options.setRequestsPerSecond(50);
        options.setMaxAttempts(1);
        return context;
    }

    @Test
    @Timeout(60)
    void theCountsOfTheComponentItsEndpointsAndItsConsumerAreManagedAttributesWithoutSecrets() throws Exception {
        try (InFlightScene scene = InFlightScene.start(context, EMULATOR, dir)) {
            ObjectName component = name("type=components,name=\"aws2-omics\"");
            assertEquals(2, JMX.getAttribute(component, "WaitingExchanges"));
            assertEquals(2, JMX.getAttribute(component, "WaitedJobs"), "the Get waits for one of the start's jobs");
            assertEquals(1, JMX.getAttribute(component, "JobWatches"), "one store, one interval, one client");
            assertEquals(2L, JMX.getAttribute(component, "WaitsBegun"));
            assertEquals(0L, JMX.getAttribute(component, "WaitsEnded"));
            assertEquals(2L, JMX.getAttribute(component, "JobsStarted"), "the start cut at one source a job");
            assertEquals(0L, JMX.getAttribute(component, "JobsEnded"), "both run");
            assertEquals(1, JMX.getAttribute(component, "UploadsInFlight"));
            assertEquals(1, JMX.getAttribute(component, "Clients"), "every endpoint has the same client settings");
            assertEquals(6, JMX.getAttribute(component, "QuotaLines"),
                    "Start, Get, List, Create, parts and their listing");
            assertTrue((Long) JMX.getAttribute(component, "QuotaWaitsLastMinute") >= 1, "parts wait 100 ms each");
            assertEquals(0, JMX.getAttribute(component, "QuotaLinesOnFallback"));

            ObjectName start = endpoint("startReadSetImportJob", "waitForCompletion=true");
            assertEquals("startReadSetImportJob", JMX.getAttribute(start, "Operation"));
            assertEquals(EMULATOR.sequenceStoreId(), JMX.getAttribute(start, "SequenceStoreId"));
            assertEquals(1, JMX.getAttribute(start, "WaitingExchanges"));
            assertEquals(1, JMX.getAttribute(endpoint("getReadSetImportJob", "waitForCompletion=true"),
                    "WaitingExchanges"));
            ObjectName upload = endpoint("uploadReadSet", "holdAtFour");
            assertEquals(1, JMX.getAttribute(upload, "UploadsInFlight"));
            assertEquals(0, JMX.getAttribute(upload, "WaitingExchanges"));

            ObjectName consumer = statusConsumer();
            assertEquals(1L, JMX.getAttribute(consumer, "Polls"));
            assertEquals(0L, JMX.getAttribute(consumer, "FailedPolls"));
            assertEquals(2L, JMX.getAttribute(consumer, "EventsEmitted"));
            assertEquals("2025-06-01T12:00:00Z", JMX.getAttribute(consumer, "Watermark"));
            assertEquals("", JMX.getAttribute(consumer, "LastPollError"));

            scene.close(); // the upload completes, the jobs end and their waits with them

            assertEquals(0, JMX.getAttribute(component, "WaitingExchanges"));
            assertEquals(2L, JMX.getAttribute(component, "WaitsEnded"));
            assertEquals(2L, JMX.getAttribute(component, "JobsEnded"), "each job counted once, though two waits saw it");
            assertEquals("{COMPLETED=2}", JMX.getAttribute(component, "JobsEndedByStatus"));
            assertEquals(0, JMX.getAttribute(component, "UploadsInFlight"));
            assertEquals(0, JMX.getAttribute(start, "WaitingExchanges"));
            assertEquals(0, JMX.getAttribute(upload, "UploadsInFlight"));

            List<String> shown = new ArrayList<>();
            for (ObjectName name : JMX.queryNames(pattern("type=*"), null)) {
                shown.add(name.toString());
                shown.addAll(values(name));
            }
            shown.forEach(value -> assertFalse(value.contains(SECRET_KEY), "JMX shows the secret key: " + value));
            assertTrue(shown.stream().anyMatch(value -> value.contains("secretKey=xxxxxx")),
                    "the consumer's URI, which has the key, is shown masked");
        }
    }

    private ObjectName name(String keys) throws JMException {
        ObjectName name = new ObjectName("org.apache.camel:context=" + context.getManagementName() + "," + keys);
        assertTrue(JMX.isRegistered(name), name + " is not registered");
        return name;
    }

    /** The aws2-omics endpoint of this operation whose URI has this text. */
    private ObjectName endpoint(String operation, String uriPart) throws JMException {
        for (ObjectName name : JMX.queryNames(pattern("type=endpoints"), null)) {
            String uri = (String) JMX.getAttribute(name, "EndpointUri");
            if (uri.startsWith("aws2-omics://" + operation) && uri.contains(uriPart)) {
                return name;
            }
        }
        throw new AssertionError("no endpoint MBean of " + operation + " with " + uriPart);
    }

    private ObjectName pattern(String type) throws JMException {
        return new ObjectName("org.apache.camel:context=" + context.getManagementName() + "," + type + ",*");
    }

    private ObjectName statusConsumer() throws JMException {
        Set<ObjectName> names = JMX.queryNames(pattern("type=consumers"), null);
        for (ObjectName name : names) {
            if (InFlightScene.CONSUMER_ROUTE.equals(JMX.getAttribute(name, "RouteId"))) {
                return name;
            }
        }
        throw new AssertionError("no consumer MBean of route " + InFlightScene.CONSUMER_ROUTE + " in " + names);
    }

    /** Every attribute's value as text; those that cannot be read now are left out. */
    private static List<String> values(ObjectName name) throws JMException {
        List<String> values = new ArrayList<>();
        for (MBeanAttributeInfo attribute : JMX.getMBeanInfo(name).getAttributes()) {
            try {
                values.add(String.valueOf(JMX.getAttribute(name, attribute.getName())));
            } catch (JMException | RuntimeException e) {
                // an attribute that throws shows nothing either
            }
        }
        return values;
    }
}
