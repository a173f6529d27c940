package io.github.camelomics.aws2.omics;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.github.camelomics.aws2.omics.ImportJobStatusConsumer.PollStatus;
import io.github.camelomics.aws2.omics.internal.client.SharedOmicsClients.QuotaLineState;
import io.github.camelomics.aws2.omics.internal.job.JobWatches.WaitState;
import io.github.camelomics.aws2.omics.internal.job.JobWatches.WaitedJob;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.spi.annotations.DevConsole;
import org.apache.camel.support.console.AbstractDevConsole;
import org.apache.camel.util.TimeUtils;
import org.apache.camel.util.URISupport;
import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;

/**
 * The aws2-omics dev console: the imports exchanges wait for, the uploads sending, each quota line with its last
 * minute, and each status consumer's last poll, across every aws2-omics component of the context. Each call reads the
 * state once, as immutable values, then writes them out as text for a terminal or as JSON; the field names are in the
 * README ("Watching it run"). Nothing it shows is a secret: consumers show their URI sanitized.
 */
@DevConsole(name = "aws2-omics", displayName = "AWS HealthOmics",
            description = "Imports waited for, uploads in flight, quota lines and consumers of aws2-omics")
public class Omics2DevConsole extends AbstractDevConsole {

    /** Characters of an upload's progress bar. */
    static final int BAR = 20;

    public Omics2DevConsole() {
        super("camel", "aws2-omics", "AWS HealthOmics",
                "Imports waited for, uploads in flight, quota lines and consumers of aws2-omics");
    }

    /** What the console shows, read once for one answer. */
    private record InFlight(List<WaitState> imports, List<UploadProgress> uploads, List<QuotaLineState> quotaLines,
                            List<ConsumerState> consumers) {
    }

    private record ConsumerState(String routeId, String uri, String sequenceStoreId, PollStatus status,
                                 long eventsEmitted) {
    }

    private InFlight read() {
        CamelContext context = getCamelContext();
        List<Omics2Component> components = context.getComponentNames().stream().map(context::hasComponent)
                .filter(Omics2Component.class::isInstance).map(Omics2Component.class::cast).toList();
        List<ConsumerState> consumers = context.getRoutes().stream()
                .filter(route -> route.getConsumer() instanceof ImportJobStatusConsumer)
                .map(Omics2DevConsole::consumer).sorted(Comparator.comparing(ConsumerState::routeId)).toList();
        return new InFlight(
                components.stream().flatMap(c -> c.waits().stream())
                        .sorted(Comparator.comparing(WaitState::waitingSince)).toList(),
                components.stream().flatMap(c -> c.uploadsInFlight().now().stream())
                        .sorted(Comparator.comparing(UploadProgress::source1)).toList(),
                components.stream().flatMap(c -> c.clients().quotaLines().stream()).toList(),
                consumers);
    }

    private static ConsumerState consumer(Route route) {
        ImportJobStatusConsumer consumer = (ImportJobStatusConsumer) route.getConsumer();
        return new ConsumerState(route.getRouteId(), URISupport.sanitizeUri(route.getEndpoint().getEndpointUri()),
                consumer.getEndpoint().getConfiguration().getSequenceStoreId(), consumer.pollStatus(),
                consumer.getEventsEmitted());
    }

    @Override
    protected String doCallText(Map<String, Object> options) {
        InFlight now = read();
        StringBuilder text = new StringBuilder();
        text.append(String.format("Imports waited for: %d%n", now.imports().size()));
        for (WaitState wait : now.imports()) {
            text.append(String.format("    store %s, waiting since %s (%s), until %s%n", wait.sequenceStoreId(),
                    wait.waitingSince(), TimeUtils.printDuration(wait.waited(), false), wait.deadline()));
            for (WaitedJob job : wait.jobs()) {
                String items = job.itemsTotal() == null ? ""
                        : "  items " + job.itemsDone() + " of " + job.itemsTotal() + " done";
                text.append(String.format("        %s %s  %s%s%n", wait.jobNoun(), job.id(), job.status(), items));
            }
        }
        text.append(String.format("%nUploads in flight: %d%n", now.uploads().size()));
        for (UploadProgress upload : now.uploads()) {
            String left = upload.timeLeft() == null ? "time left not known yet"
                    : "about " + TimeUtils.printDuration(upload.timeLeft(), false) + " left";
            text.append(String.format("    %s  %s %3d%%  %d of %d parts  %.2f MB/s  %s  resumed from part %d  "
                                      + "(upload %s)%n",
                    upload.source1(), bar(upload), upload.percent(), upload.partsDone(), upload.partsTotal(),
                    upload.megabytesPerSecond(), left, upload.resumedFromPart(), upload.uploadId()));
        }
        text.append(String.format("%nQuota lines: %d%n", now.quotaLines().size()));
        for (QuotaLineState line : now.quotaLines()) {
            text.append(String.format("    %s  %s/s  %s%s  last minute: %d permits, %d waited (%d ms)%n", line.id(),
                    line.permitsPerSecond(), line.shared() ? "shared" : "local",
                    line.onFallback() ? " ON FALLBACK" : "", line.permitsLastMinute(), line.waitsLastMinute(),
                    line.waitedMillisLastMinute()));
        }
        text.append(String.format("%nConsumers: %d%n", now.consumers().size()));
        for (ConsumerState consumer : now.consumers()) {
            PollStatus status = consumer.status();
            String lastPoll = status.lastPoll() == null ? "none yet"
                    : status.lastPoll() + " " + outcome(status) + (status.lastError() == null
                            ? ", " + status.lastEvents() + " events" : ": " + status.lastError());
            text.append(String.format("    %s  %s%n", consumer.routeId(), consumer.uri()));
            text.append(String.format("        last poll %s  watermark %s  polls %d (%d failed)  events emitted %d%n",
                    lastPoll, status.watermark() == null ? "none" : status.watermark(), status.polls(),
                    status.failedPolls(), consumer.eventsEmitted()));
        }
        return text.toString();
    }

    /** {@code [############........]}: the bytes done of all. */
    static String bar(UploadProgress upload) {
        int filled = (int) Math.round(upload.percent() * BAR / 100.0);
        return "[" + "#".repeat(filled) + ".".repeat(BAR - filled) + "]";
    }

    private static String outcome(PollStatus status) {
        return status.lastError() == null ? "success" : "failure";
    }

    @Override
    protected Map<String, Object> doCallJson(Map<String, Object> options) {
        InFlight now = read();
        JsonObject root = new JsonObject();
        JsonArray imports = new JsonArray();
        for (WaitState wait : now.imports()) {
            JsonObject jo = new JsonObject();
            jo.put("jobNoun", wait.jobNoun());
            jo.put("sequenceStoreId", wait.sequenceStoreId());
            jo.put("waitingSince", wait.waitingSince().toString());
            jo.put("waitedSeconds", wait.waited().toSeconds());
            jo.put("deadline", wait.deadline().toString());
            JsonArray jobs = new JsonArray();
            for (WaitedJob job : wait.jobs()) {
                JsonObject jj = new JsonObject();
                jj.put("id", job.id());
                jj.put("status", job.status());
                putIfKnown(jj, "itemsDone", job.itemsDone());
                putIfKnown(jj, "itemsTotal", job.itemsTotal());
                jobs.add(jj);
            }
            jo.put("jobs", jobs);
            imports.add(jo);
        }
        root.put("imports", imports);
        JsonArray uploads = new JsonArray();
        for (UploadProgress upload : now.uploads()) {
            JsonObject jo = new JsonObject();
            jo.put("uploadId", upload.uploadId());
            jo.put("file", upload.source1());
            jo.put("partsDone", upload.partsDone());
            jo.put("partsTotal", upload.partsTotal());
            jo.put("bytesDone", upload.bytesDone());
            jo.put("bytesTotal", upload.bytesTotal());
            jo.put("percent", upload.percent());
            jo.put("megabytesPerSecond", upload.megabytesPerSecond());
            putIfKnown(jo, "secondsLeft", upload.timeLeft() == null ? null : upload.timeLeft().toSeconds());
            jo.put("resumedFromPart", upload.resumedFromPart());
            uploads.add(jo);
        }
        root.put("uploads", uploads);
        JsonArray lines = new JsonArray();
        for (QuotaLineState line : now.quotaLines()) {
            JsonObject jo = new JsonObject();
            jo.put("id", line.id());
            jo.put("budgetKey", line.budgetKey());
            jo.put("region", line.region());
            jo.put("operation", line.operation());
            jo.put("permitsPerSecond", line.permitsPerSecond());
            jo.put("shared", line.shared());
            jo.put("onFallback", line.onFallback());
            jo.put("permitsLastMinute", line.permitsLastMinute());
            jo.put("waitsLastMinute", line.waitsLastMinute());
            jo.put("waitedMillisLastMinute", line.waitedMillisLastMinute());
            lines.add(jo);
        }
        root.put("quotaLines", lines);
        JsonArray consumers = new JsonArray();
        for (ConsumerState consumer : now.consumers()) {
            PollStatus status = consumer.status();
            JsonObject jo = new JsonObject();
            jo.put("routeId", consumer.routeId());
            jo.put("uri", consumer.uri());
            putIfKnown(jo, "sequenceStoreId", consumer.sequenceStoreId());
            putIfKnown(jo, "lastPoll", text(status.lastPoll()));
            putIfKnown(jo, "lastPollOutcome", status.lastPoll() == null ? null : outcome(status));
            putIfKnown(jo, "lastPollError", status.lastError());
            jo.put("lastPollEvents", status.lastEvents());
            putIfKnown(jo, "watermark", text(status.watermark()));
            jo.put("polls", status.polls());
            jo.put("failedPolls", status.failedPolls());
            jo.put("eventsEmitted", consumer.eventsEmitted());
            consumers.add(jo);
        }
        root.put("consumers", consumers);
        return root;
    }

    /** Unknown values are left out rather than written as null. */
    private static void putIfKnown(JsonObject json, String field, Object value) {
        if (value != null) {
            json.put(field, value);
        }
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
