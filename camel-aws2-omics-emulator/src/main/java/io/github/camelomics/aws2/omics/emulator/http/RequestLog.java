package io.github.camelomics.aws2.omics.emulator.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.util.function.Function;

/**
 * One INFO line per request, once it is answered: what was asked, the status, the error code of a refusal and the
 * time taken, e.g. {@code StartReadSetImportJob 200 4 ms} or {@code GetReadSetImportJob 403 InvalidSignatureException
 * 1 ms}; {@code dropped} where a fault swallowed the answer. Nothing of the request's headers or body is logged, so no
 * key, signature or token can reach the log.
 */
public final class RequestLog implements HttpHandler {

    /** The logger the lines go to. */
    public static final String LOGGER = "io.github.camelomics.aws2.omics.emulator.requests";
    private static final System.Logger LOG = System.getLogger(LOGGER);

    private final HttpHandler handler;
    private final Function<HttpExchange, String> describe;

    /**
     * @param describe names what a request asked for (an operation, an admin path)
     */
    public RequestLog(HttpHandler handler, Function<HttpExchange, String> describe) {
        this.handler = handler;
        this.describe = describe;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        long start = System.nanoTime();
        try {
            handler.handle(exchange);
        } finally {
            int status = exchange.getResponseCode();
            String errorType = exchange.getResponseHeaders().getFirst("x-amzn-ErrorType");
            LOG.log(System.Logger.Level.INFO, "{0} {1}{2} {3} ms", describe.apply(exchange),
                    status < 0 ? "dropped" : String.valueOf(status), errorType == null ? "" : " " + errorType,
                    (System.nanoTime() - start) / 1_000_000);
        }
    }
}
