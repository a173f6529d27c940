package io.github.camelomics.aws2.omics;

/**
 * Told where an upload stands after each part is confirmed (option progressListener, a bean): a dashboard, a metric,
 * an event to another route. Called on the thread that runs the upload; it must return quickly and not throw (what
 * it throws is logged and ignored: an upload does not fail for its observer).
 */
@FunctionalInterface
public interface UploadProgressListener {

    void onProgress(UploadProgress progress);
}
