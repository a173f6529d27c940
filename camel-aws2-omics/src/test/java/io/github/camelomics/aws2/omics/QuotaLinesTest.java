package io.github.camelomics.aws2.omics;

import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import io.github.camelomics.aws2.omics.emulator.junit.OmicsEmulatorExtension;
import io.github.camelomics.aws2.omics.internal.client.SharedOmicsClients.QuotaLineState;
import io.github.camelomics.aws2.omics.support.EmulatorTestSupport;
import org.apache.camel.Exchange;
import org.apache.camel.console.DevConsole.MediaType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the dev console and JMX say of each quota line, from the permits the component's clients took for real calls
 * to the emulator: how many waited for their line over the last minute, and whether the line's budget is shared and
 * standing in for itself.
 */
class QuotaLinesTest extends EmulatorTestSupport {

    @RegisterExtension
    static final OmicsEmulatorExtension EMULATOR = emulator(b -> { });

    private static final String LIST = "aws2-omics:listReadSetImportJobs?requestsPerSecond=4";

    QuotaLinesTest() {
        super(EMULATOR);
    }

    private List<QuotaLineState> lines() {
        return context.getComponent("aws2-omics", Omics2Component.class).clients().quotaLines();
    }

    @Test
    @Timeout(30)
    void permitsThatWaitForTheirLineAreCountedOverTheLastMinute() {
        for (int i = 0; i < 3; i++) {
            assertNull(template.send(LIST, e -> { }).getException());
        }

        QuotaLineState line = lines().get(0);
        assertEquals(1, lines().size(), lines().toString());
        assertEquals("default/" + EMULATOR.emulator().region() + "/ListReadSetImportJobs", line.id());
        assertEquals(4.0, line.permitsPerSecond());
        assertFalse(line.shared(), "the client's own pace");
        assertEquals(3, line.permitsLastMinute());
        assertEquals(2, line.waitsLastMinute(), "the 2nd and 3rd call waited their 250 ms turn");
        assertTrue(line.waitedMillisLastMinute() >= 400, line.toString());
    }

    @Test
    @Timeout(30)
    void clientsOfOneSharedBudgetAddUpToOneLineShownOnFallbackWhileItsDatabaseIsOutOfReach() {
        context.getRegistry().bind("unreachable", Proxy.newProxyInstance(DataSource.class.getClassLoader(),
                new Class<?>[] { DataSource.class }, (proxy, method, args) -> {
                    throw new SQLException("connection refused");
                }));
        String shared = LIST + "&sharedBudget=true&dataSource=#unreachable";

        // two endpoints whose timeouts differ have a client each, drawing from the one budget of the DataSource
        Exchange first = template.send(shared, e -> { });
        Exchange second = template.send(shared + "&apiCallTimeout=60000", e -> { });

        assertNull(first.getException(), "the fallback paces the call in this JVM");
        assertNull(second.getException());
        assertEquals(2, context.getComponent("aws2-omics", Omics2Component.class).getClients());
        assertEquals(1, lines().size(), lines().toString());
        QuotaLineState line = lines().get(0);
        assertTrue(line.shared());
        assertTrue(line.onFallback());
        assertEquals(2, line.permitsLastMinute(), "both clients' permits on the one line");
        Omics2DevConsole console = new Omics2DevConsole();
        console.setCamelContext(context);
        String text = (String) console.call(MediaType.TEXT);
        assertTrue(text.contains(line.id() + "  4.0/s  shared ON FALLBACK  last minute: 2 permits"), text);
    }
}
