package io.github.camelomics.aws2.omics.reliability;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelomics.aws2.omics.InvalidRequestException;
import io.github.camelomics.aws2.omics.emulator.junit.OmicsEmulatorExtension;
import io.github.camelomics.aws2.omics.support.EmulatorTestSupport;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A 100 MB body (a stream generated on the fly, never held anywhere) is refused after reading the 10 MB limit plus
 * one byte: what this thread allocates stays a small multiple of the limit, not of the body, and nothing is sent.
 */
class LargeBodyTest extends EmulatorTestSupport {

    @RegisterExtension
    static final OmicsEmulatorExtension EMULATOR = emulator(b -> {
    });

    static final long HUNDRED_MB = 100L * 1024 * 1024;

    LargeBodyTest() {
        super(EMULATOR);
    }

    /** '[' then spaces: valid JSON as far as anyone reads it, so only the size can refuse it. */
    static final class GeneratedJson extends InputStream {
        private final long size;
        private final AtomicLong read = new AtomicLong();

        GeneratedJson(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            long at = read.getAndIncrement();
            return at >= size ? -1 : at == 0 ? '[' : ' ';
        }

        @Override
        public int read(byte[] b, int off, int len) {
            long at = read.get();
            if (at >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - at);
            for (int i = 0; i < n; i++) {
                b[off + i] = (byte) (at + i == 0 ? '[' : ' ');
            }
            read.addAndGet(n);
            return n;
        }
    }

    @Test
    void aHundredMegabyteStreamIsRefusedWithBoundedMemory() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        template.send("aws2-omics:startReadSetImportJob", e -> e.getMessage().setBody("[]")); // warm up the route
        GeneratedJson body = new GeneratedJson(HUNDRED_MB);
        long start = System.nanoTime();
        long allocatedBefore = threads.getCurrentThreadAllocatedBytes();

        Exchange exchange = template.send("aws2-omics:startReadSetImportJob", e -> e.getMessage().setBody(body));

        long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
        long millis = (System.nanoTime() - start) / 1_000_000;
        InvalidRequestException e = assertInstanceOf(InvalidRequestException.class, exchange.getException());
        assertTrue(e.getMessage().contains("body: larger than option maxBodySize (10485760 bytes): got 10485761 bytes or more"),
                e.getMessage());
        assertTrue(body.read.get() <= 10 * 1024 * 1024 + 1 + 8192, "read " + body.read.get() + " bytes of 100 MB");
        assertTrue(allocated < 48L * 1024 * 1024, "allocated " + allocated / (1024 * 1024) + " MB for a 100 MB body");
        assertEquals(0, EMULATOR.state().jobs().size(), "nothing sent");
        ReliabilityReport.row("21-large-body", "100 MB streamed body (maxBodySize 10 MB): read "
                                               + body.read.get() / (1024 * 1024) + " MB, allocated "
                                               + allocated / (1024 * 1024) + " MB", 1, "-", 0, "-", "-", 0, 0, "-", millis);
    }
}
